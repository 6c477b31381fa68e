-- wrk script: checks every response during the load and reports one JSON line at the end (latencies in µs).
-- Argument (after `--` on wrk's command line): the test type, whose cheap string checks follow spec.md's
-- "Under load" lines. A response that fails them counts as bad; the harness refuses a round with any bad
-- response and prints the first one's status and body excerpt. Responses that close the connection
-- ("Connection: close") are counted, so new connections per request are measured, not assumed.

local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local function count(body, pattern)
  local n = 0
  for _ in string.gmatch(body, pattern) do n = n + 1 end
  return n
end

local function has(body, text) return string.find(body, text, 1, true) ~= nil end

local row = '"randomNumber"%s*:%s*%d+'

local checks = {
  plaintext = function(body) return body == "Hello, World!" end,
  serialization = function(body)
    return string.find(body, '^%s*{%s*"message"%s*:%s*"Hello, World!"%s*}%s*$') ~= nil
  end,
  ["single-query"] = function(body)
    return string.find(body, '^%s*{') ~= nil and count(body, row) == 1 and count(body, '"id"%s*:%s*%d+') == 1
  end,
  ["multiple-queries"] = function(body)
    return string.find(body, '^%s*%[') ~= nil and count(body, row) == 20 and count(body, '"id"%s*:%s*%d+') == 20
  end,
  fortunes = function(body)
    return not string.find(string.lower(body), "<script", 1, true)
      and has(body, "&lt;script&gt;")
      and has(body, "Additional fortune added at request time.")
      and has(body, "\227\131\149\227\131\172\227\131\188\227\131\160\227\131\175\227\131\188\227\130\175")
      and count(body, "<tr>") == 14
  end,
  json = function(body)
    return string.find(body, '"id"%s*:%s*1%s*[,}]') ~= nil and has(body, '"User 1"')
      and string.find(body, '"email"%s*:%s*"user1@example.com"') ~= nil and string.find(body, '"plan"%s*:%s*"pro"') ~= nil
  end,
  db = function(body)
    return string.find(body, '^%s*{%s*"users"') ~= nil and count(body, '"total_cents"%s*:%s*%d+') == 20
      and count(body, '"orders"%s*:%s*10%s*[,}]') == 20
  end,
}
checks.updates = checks["multiple-queries"]

local check
bad, closed, example = 0, 0, ""

function init(args)
  check = checks[args[1]]
  if check == nil then
    error("check.lua: unknown test type " .. tostring(args[1]))
  end
end

function response(status, headers, body)
  local ok = status == 200 and check(body or "")
  if not ok then
    bad = bad + 1
    if bad == 1 then
      local excerpt = string.sub(body or "", 1, 300):gsub('[%c"\\]', " ")
      example = "status " .. status .. ": " .. excerpt
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
