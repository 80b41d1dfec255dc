-- One wrk scenario of the benchmark (bench/run calls it; see bench/README.md).
--
--   BENCH_RESULT=<result.json> wrk ... -s bench/scenario.lua <url> -- <mode> [<file> <threads>]
--
-- Modes:
--   get      the request as given on wrk's command line (-H for the Authorization header)
--   rejected the same, for credentials the server must refuse: a 401 is the expected answer, and
--            "non_2xx" counts every other one instead
--   post     POST of the JSON body in <file>, the same body every time
--   refresh  POST /api/token/refresh/ with rotation: every refresh token is spent once. Each
--            thread takes its share of the tokens in <file> (one per line, at least one per
--            connection) and puts the token each answer brings back into the pool for its next
--            request, so every connection follows its own rotation family.
--
-- wrk counts 4xx and 5xx ("Non-2xx or 3xx responses"); this script counts every status that is
-- not 2xx itself, per thread, and done() writes one JSON object with the numbers bench/run needs.

local threads = {}
local counter = 0

function setup(thread)
   thread:set("id", counter)
   counter = counter + 1
   table.insert(threads, thread)
end

-- Per thread; globals, because done() reads them through thread:get.
mode, pool, requests, non2xx, starved = nil, nil, 0, 0, 0
local body_json

local function read_lines(path)
   local lines = {}
   for line in io.lines(path) do
      if #line > 0 then
         table.insert(lines, line)
      end
   end
   return lines
end

function init(args)
   mode = args[1] or "get"
   requests, non2xx, starved = 0, 0, 0
   if mode == "post" then
      local file = assert(io.open(args[2], "r"))
      body_json = file:read("*a")
      file:close()
   elseif mode == "refresh" then
      local all = read_lines(args[2])
      local nthreads = tonumber(args[3])
      pool = {}
      for i, token in ipairs(all) do
         if (i - 1) % nthreads == id then
            table.insert(pool, token)
         end
      end
   end
end

local json_headers = { ["Content-Type"] = "application/json" }

function request()
   if mode == "post" then
      return wrk.format("POST", nil, json_headers, body_json)
   elseif mode == "refresh" then
      local token = table.remove(pool)
      if token == nil then
         -- Every token of this thread is lost (a failed refresh ends its family): the request
         -- is sent anyway, fails, and shows up as a non-2xx answer instead of a stall.
         starved = starved + 1
         token = "none"
      end
      return wrk.format("POST", nil, json_headers, '{"refresh":"' .. token .. '"}')
   end
   return wrk.request()
end

function response(status, headers, body)
   requests = requests + 1
   if mode == "rejected" then
      if status ~= 401 then
         non2xx = non2xx + 1
      end
   elseif status < 200 or status > 299 then
      non2xx = non2xx + 1
   elseif mode == "refresh" then
      local next_token = body:match('"refresh"%s*:%s*"([^"]+)"')
      if next_token then
         table.insert(pool, next_token)
      end
   end
end

function done(summary, latency, _)
   local counted, bad, short = 0, 0, 0
   for _, thread in ipairs(threads) do
      counted = counted + thread:get("requests")
      bad = bad + thread:get("non2xx")
      short = short + thread:get("starved")
   end
   local seconds = summary.duration / 1e6
   local e = summary.errors
   local result = string.format(
      '{"requests":%d,"duration_s":%.3f,"rps":%.1f,' ..
      '"latency_ms":{"mean":%.3f,"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f},' ..
      '"non_2xx":%d,"errors":{"connect":%d,"read":%d,"write":%d,"timeout":%d},' ..
      '"responses_seen":%d,"refresh_pool_empty":%d}',
      summary.requests, seconds, summary.requests / seconds,
      latency.mean / 1000, latency:percentile(50) / 1000, latency:percentile(90) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000,
      bad, e.connect, e.read, e.write, e.timeout, counted, short)
   local out = assert(io.open(os.getenv("BENCH_RESULT"), "w"))
   out:write(result, "\n")
   out:close()
   io.write(result, "\n")
end
