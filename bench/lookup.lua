-- wrk script: COVID lookups with a Bearer token, cycling through provinces written the ways people write them,
-- with and without a day. Pacing: each connection waits `delay_ms` between requests (set by bench/lookup.sh),
-- so connections x 1000 / delay_ms is the offered rate.
local queries = {
  "province=ha%20noi", "province=HCM&date=15-08-2021", "province=TP.%20%C4%90%C3%A0%20N%E1%BA%B5ng",
  "province=da%20nang&date=10-08-2021", "province=Kh%C3%A1nh%20Ho%C3%A0", "province=binh%20duong&date=1/9/2021",
  "province=Vi%E1%BB%87t%20Nam&date=2021-12-01", "province=can%20tho", "province=Hue&date=20-10-2021",
  "province=dak%20lak"
}
local i = 0
request = function()
  i = i + 1
  local path = "/mydrive/api/covid/lookup?" .. queries[(i % #queries) + 1]
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. os.getenv("TOKEN"), ["Accept"] = "application/json" })
end
delay = function()
  return tonumber(os.getenv("DELAY_MS") or "0")
end
done = function(summary, latency, requests)
  io.write(string.format("non-2xx responses: %d, socket errors: %d\n", summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
