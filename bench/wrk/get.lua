-- GET the URL given to wrk; prints one "WRK {json}" line with the figures the benchmark reads.
-- Non-2xx: wrk's count of answers with a status above 399 plus connect/read/write/timeout errors.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK {"requests":%d,"duration_us":%d,"p50_us":%d,"p99_us":%d,"max_us":%d,"non2xx":%d,"created":0}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), latency.max,
    e.status + e.connect + e.read + e.write + e.timeout))
end
