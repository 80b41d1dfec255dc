# Builds bench/results/latest.json from the measured scenarios (bench/run passes the inputs as
# named arguments). Every ratio is to the unauthenticated ceiling measured in the same run: the
# mean of its measurements just before and just after the Bearer and Token GETs.
($scenarios | map(select(.name == "public" or .name == "public-again") | .rps) | add / length) as $ceiling
# The hash's yardstick was timed before the scenarios and, when any of them hashed, again after:
# the bound uses the mean of both, like the ceiling.
| ([$argon2, $argon2_after] | map(select(. != null))) as $yardsticks
| ($yardsticks | map(.cpu_ms_per_hash) | add / length) as $cpu_ms_per_hash
| ($machine.cores / ($cpu_ms_per_hash / 1000)) as $login_bound
| ($scenarios | map(. + {ratio_to_ceiling: (.rps / $ceiling)})) as $all
| def scenario($n): $all | map(select(.name == $n)) | .[0];
  def errors: .errors.connect + .errors.read + .errors.write + .errors.timeout;
  # Issue 13: GETs alone and during a login burst against the same server.
  def mix($kind):
    scenario("\($kind)-alone") as $alone | scenario("\($kind)-during-logins") as $during
    | scenario("logins-during-\($kind)") as $logins
    | select($alone != null and $during != null and $logins != null)
    | {kind: $kind, get_connections: $during.connections, login_connections: $logins.connections,
       alone_rps: $alone.rps, during_rps: $during.rps, ratio: ($during.rps / $alone.rps),
       alone_p99_ms: $alone.latency_ms.p99, during_p50_ms: $during.latency_ms.p50, during_p99_ms: $during.latency_ms.p99,
       logins_rps: $logins.rps, logins_vs_bound: ($logins.rps / $login_bound),
       logins_non_2xx: $logins.non_2xx}
    + ($hashing | map(select(.kind == $kind)) | .[0] // {} | del(.kind));
  def failures: .non_2xx + errors + .warmup.non_2xx
      + .warmup.errors.connect + .warmup.errors.read + .warmup.errors.write + .warmup.errors.timeout;
([mix("bearer"), mix("token")]) as $mixed
| {
  benchmark: "restauth bench/run",
  date: (now | todate),
  git: $git.commit,
  machine: $machine,
  note: $machine.shared,
  ceiling_rps: $ceiling,
  settings: {warmup_s: $warmup, duration_s: $duration, connections: $connections, wrk_threads: $threads,
             mix_get_connections: $mix_connections},
  server_config_dropin: $dropin,
  argon2id: ($argon2 + {
    cpu_ms_per_hash: $cpu_ms_per_hash,
    parallel_hashes_per_s: ($yardsticks | map(.parallel_hashes_per_s) | add / length),
    readings: $yardsticks,
    login_bound_rps: $login_bound,
    meaning: "login_bound_rps = cores / CPU time of one hash alone: the most logins per second if a login were nothing but its hash and hashes scaled over the cores; parallel_hashes_per_s is what that many threads hashing at once really achieved"
  }),
  scenarios: $all,
  mixed: {
    meaning: "GETs of /api/hello/ alone and then while a login burst runs against the same server: ratio = during/alone requests/s; logins_vs_bound = logins/s during the mix over cores / CPU time of one hash; hashing_cores = CPU time of the server's hashing threads per second of the burst, hashing_share_of_busy = their share of all the machine's busy CPU meanwhile (the scheduler's split, whatever a hash costs at that moment)",
    runs: $mixed
  },
  server: ({
    rss_kib_after_run: $rss,
    heap_used_after_gc_kib: $heap
  } + $server),
  targets: ([
    (scenario("bearer") | select(. != null)
      | {target: "Bearer GET >= 0.90 x ceiling", value: .ratio_to_ceiling, limit: 0.90, met: (.ratio_to_ceiling >= 0.90)}),
    (scenario("token") | select(. != null)
      | {target: "Token GET >= 0.85 x ceiling", value: .ratio_to_ceiling, limit: 0.85, met: (.ratio_to_ceiling >= 0.85)}),
    (scenario("login") | select(. != null)
      | {target: "Login req/s >= 0.9 x cores / Argon2id CPU time", value: .rps, limit: (0.9 * $login_bound),
         met: (.rps >= 0.9 * $login_bound)}),
    (scenario("bearer-rejected") as $rejected | scenario("bearer") as $accepted
      | select($rejected != null and $accepted != null)
      | {target: "Rejected Bearer req/s >= accepted Bearer req/s", value: ($rejected.rps / $accepted.rps), limit: 1,
         met: ($rejected.rps >= $accepted.rps)}),
    (scenario("token-rejected") as $rejected | scenario("token") as $accepted
      | select($rejected != null and $accepted != null)
      | {target: "Rejected Token req/s >= accepted Token req/s", value: ($rejected.rps / $accepted.rps), limit: 1,
         met: ($rejected.rps >= $accepted.rps)}),
    ([$all[] | select(.name == "bearer" or .name == "token")] | select(length > 0)
      | {target: "p99 of Bearer and Token GETs < 10 ms at 32 connections", value: (map(.latency_ms.p99) | max), limit: 10,
         met: (if $connections == 32 then (map(.latency_ms.p99) | max) < 10 else null end)}),
    ($mixed[] | {target: "\(.kind) GETs during a login burst >= 0.5 x alone", value: .ratio, limit: 0.5, met: (.ratio >= 0.5)}),
    ($mixed[] | {target: "p99 of \(.kind) GETs during a login burst < 50 ms", value: .during_p99_ms, limit: 50,
                 met: (.during_rps > 0 and .during_p99_ms < 50)}),
    ($mixed[] | {target: "logins/s during \(.kind) GETs >= 0.3 x cores / Argon2id CPU time", value: .logins_rps,
                 limit: (0.3 * $login_bound), met: (.logins_rps >= 0.3 * $login_bound)}),
    {target: "zero non-2xx (non-401 for the rejected scenarios) and zero errors in every scenario (warm-up and measured)",
     value: ([$all[] | failures] | add), limit: 0,
     failing: [$all[] | select(failures > 0) | .name],
     met: (([$all[] | failures] | add) == 0)}
  ])
}
