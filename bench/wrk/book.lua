-- Books seats: wrk ... -s book.lua URL -- <pairs file prefix> <method> <path> <access token>
-- Thread n sends the JSON bodies of "<prefix>-<n>.txt" in order (one unique, valid seat each) and writes the
-- body of every 201 to "<prefix>-<n>.created", which the benchmark then checks against Redis.
local threads = {}
local count = 0

setup = function(thread)
  thread:set("id", count)
  count = count + 1
  table.insert(threads, thread)
end

init = function(args)
  prefix, method, path, token = args[1], args[2], args[3], args[4]
  bodies = {}
  for line in io.lines(prefix .. "-" .. id .. ".txt") do
    bodies[#bodies + 1] = line
  end
  next_body, created, other2xx, non2xx, exhausted = 0, 0, 0, 0, 0
  created_file = io.open(prefix .. "-" .. id .. ".created", "w")
  headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. token }
end

request = function()
  next_body = next_body + 1
  if next_body > #bodies then
    -- Out of unique seats: repeat from the start (answers 200, counted apart, never mistaken for throughput).
    next_body, exhausted = 1, exhausted + 1
  end
  return wrk.format(method, path, headers, bodies[next_body])
end

response = function(status, headers, body)
  if status == 201 then
    created = created + 1
    created_file:write(body, "\n")
  elseif status >= 200 and status < 300 then
    other2xx = other2xx + 1
  else
    non2xx = non2xx + 1
  end
end

done = function(summary, latency, requests)
  local created_total, other_total, non2xx_total = 0, 0, 0
  for _, thread in ipairs(threads) do
    created_total = created_total + thread:get("created")
    other_total = other_total + thread:get("other2xx")
    non2xx_total = non2xx_total + thread:get("non2xx")
  end
  local e = summary.errors
  io.write(string.format(
    'WRK {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,"non2xx":%d,"created":%d,"other2xx":%d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    non2xx_total + e.connect + e.read + e.write + e.timeout, created_total, other_total))
end
