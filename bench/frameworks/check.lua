-- wrk script: checks every response during the load and reports one JSON line at the end (latencies in µs).
-- The checks come as arguments after `--` on wrk's command line, made by load.py from verify.CHEAP (spec.md's
-- "Under load" lines), so the check before the load and this one can never disagree:
--   equals <text> | contains <text> | excludes <text> | count <n> <text>
-- A response that is not a 200 or fails a check counts as bad; the harness refuses a cell with any bad response
-- and prints the first one's status and body excerpt. Responses that close the connection ("Connection:
-- close") are counted, so new connections per request are measured, not assumed.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local checks = {}
bad, closed, example = 0, 0, ""

local function occurrences(body, text)
  local n, from = 0, 1
  while true do
    local at = string.find(body, text, from, true)
    if at == nil then return n end
    n, from = n + 1, at + #text
  end
end

local function passes(body)
  for _, check in ipairs(checks) do
    local found = occurrences(body, check.text)
    if check.op == "equals" and body ~= check.text then return false end
    if check.op == "contains" and found == 0 then return false end
    if check.op == "excludes" and found > 0 then return false end
    if check.op == "count" and found ~= check.n then return false end
  end
  return true
end

function init(args)
  local i = 1
  while i <= #args do
    local op = args[i]
    if op == "count" then
      table.insert(checks, { op = op, n = tonumber(args[i + 1]), text = args[i + 2] })
      i = i + 3
    elseif op == "equals" or op == "contains" or op == "excludes" then
      table.insert(checks, { op = op, text = args[i + 1] })
      i = i + 2
    else
      error("check.lua: unknown check " .. tostring(op))
    end
  end
end

function response(status, headers, body)
  body = body or ""
  if status ~= 200 or not passes(body) then
    bad = bad + 1
    if bad == 1 then
      example = "status " .. status .. ": " .. string.sub(body, 1, 300):gsub('[%c"\\]', " ")
    end
  end
  for name, value in pairs(headers) do
    if string.lower(name) == "connection" and string.lower(value) == "close" then
      closed = closed + 1
    end
  end
end

done = function(summary, latency, requests)
  local all_bad, all_closed, first = 0, 0, ""
  for _, thread in ipairs(threads) do
    all_bad = all_bad + thread:get("bad")
    all_closed = all_closed + thread:get("closed")
    if first == "" then first = thread:get("example") end
  end
  local errors = summary.errors
  io.write(string.format(
    '{"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "bad": %d, "closed": %d, "example": "%s", '
      .. '"errors": {"connect": %d, "read": %d, "write": %d, "timeout": %d, "status": %d}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99), all_bad, all_closed, first,
    errors.connect, errors.read, errors.write, errors.timeout, errors.status))
end
