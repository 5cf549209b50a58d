-- Random lookups for the scale benchmark: every request names another schema id (LOOKUP=id, ids 1..MAX_ID) or another
-- subject and version (LOOKUP=version, subjects scale-0..SUBJECTS-1, versions 1..VERSIONS). Prints the same WRK_JSON
-- summary line as ../shared/peers/wrk-post.lua.
local kind = os.getenv("LOOKUP") or "id"
local max_id = tonumber(os.getenv("MAX_ID") or "1000")
local subjects = tonumber(os.getenv("SUBJECTS") or "100")
local versions = tonumber(os.getenv("VERSIONS") or "10")
local counter = 0

function init(args)
  math.randomseed(os.time() + counter + tonumber(tostring(wrk.thread):match("0x(%x+)") or "0", 16) % 100000)
end

function request()
  if kind == "id" then
    return wrk.format("GET", "/schemas/ids/" .. math.random(1, max_id))
  end
  return wrk.format("GET", "/subjects/scale-" .. math.random(0, subjects - 1) .. "/versions/" .. math.random(1, versions))
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRK_JSON {"requests":%d,"duration_us":%d,"bytes":%d,"rps":%.1f,' ..
    '"lat_mean_us":%.1f,"lat_p50_us":%d,"lat_p90_us":%d,"lat_p99_us":%d,"lat_max_us":%d,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    summary.requests, summary.duration, summary.bytes, summary.requests / (summary.duration / 1e6),
    latency.mean, latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.connect, e.read, e.write, e.status, e.timeout))
end
