# Builds bench/results/soak-latest.json: the Bearer scenario run for a long time, chunk by chunk.
def errors: .errors.connect + .errors.read + .errors.write + .errors.timeout;
{
  benchmark: "restauth bench/run --soak",
  date: (now | todate),
  git: $git.commit,
  machine: $machine,
  note: $machine.shared,
  server_config_dropin: $dropin,
  settings: {seconds: $seconds, connections: $connections, wrk_threads: $threads, scenario: "GET /api/hello/ with Bearer"},
  heap_used_after_gc_kib: {start: $start_heap, end: $end_heap, growth: (if $start_heap and $end_heap then $end_heap - $start_heap else null end)},
  rss_kib: {start: $start_rss, end: $end_rss, growth: ($end_rss - $start_rss)},
  totals: {
    requests: ([$chunks[].requests] | add),
    rps: (([$chunks[].requests] | add) / ([$chunks[].duration_s] | add)),
    worst_p99_ms: ([$chunks[].latency_ms.p99] | max),
    non_2xx: ([$chunks[].non_2xx] | add),
    errors: ([$chunks[] | errors] | add)
  },
  chunks: $chunks
}
