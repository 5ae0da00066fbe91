-- wrk script: COVID lookups with a Bearer token, cycling through provinces written the ways people write them,
-- with and without a day; or, with ENDPOINTS=dashboard, the dashboard's day rankings and period series. Pacing: each connection waits `delay_ms` between requests (set by bench/lookup.sh),
-- so connections x 1000 / delay_ms is the offered rate.
local queries = {
  "province=ha%20noi", "province=HCM&date=15-08-2021", "province=TP.%20%C4%90%C3%A0%20N%E1%BA%B5ng",
  "province=da%20nang&date=10-08-2021", "province=Kh%C3%A1nh%20Ho%C3%A0", "province=binh%20duong&date=1/9/2021",
  "province=Vi%E1%BB%87t%20Nam&date=2021-12-01", "province=can%20tho", "province=Hue&date=20-10-2021",
  "province=dak%20lak"
}
-- The dashboard's requests (ENDPOINTS=dashboard): a day's ranking of all 63 provinces, and a province's series over
-- a period (the chart's data), days written the ways people write them.
local dashboard = {
  "days/10-08-2021", "provinces/1/daily?from=01-07-2021&to=30-09-2021", "days/19-07-21",
  "provinces/2/daily?from=01-06-2021&to=31-12-2021", "days/2021-12-01", "provinces/0/daily?from=01-01-2021&to=21-01-2022",
  "days/25-10-2021", "provinces/48/daily?from=01-10-2021&to=31-10-2021"
}
local i = 0
request = function()
  i = i + 1
  local path
  if os.getenv("ENDPOINTS") == "dashboard" then
    path = "/mydrive/api/covid/" .. dashboard[(i % #dashboard) + 1]
  else
    path = "/mydrive/api/covid/lookup?" .. queries[(i % #queries) + 1]
  end
  return wrk.format("GET", path, { ["Authorization"] = "Bearer " .. os.getenv("TOKEN"), ["Accept"] = "application/json" })
end
delay = function()
  return tonumber(os.getenv("DELAY_MS") or "0")
end
done = function(summary, latency, requests)
  io.write(string.format("non-2xx responses: %d, socket errors: %d\n", summary.errors.status,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
