-- wrk script for bench serve's cross-check: GET /v1/users/{id}/recommendations?count=N, spreading the requests
-- over the synthetic users as bench serve does (a share of users never seen, the rest drawn from those with history).
--
-- Environment:
--   TANDEM_USERS_FILE  file of user ids with history, one a line (bench serve --hold prints it); without it,
--   TANDEM_USERS       ids u000000 .. u(N-1) of the generated data set (default 20000, bench serve's --users)
--   TANDEM_NEW_USERS   share of requests for users never seen (default 0.1, bench serve's --new-users)
--   TANDEM_COUNT       items asked for per request (default 10)
-- Each wrk thread seeds its own generator, so threads do not send the same sequence.

local users = {}
local new_share = tonumber(os.getenv("TANDEM_NEW_USERS") or "0.1")
local count = tonumber(os.getenv("TANDEM_COUNT") or "10")
local file = os.getenv("TANDEM_USERS_FILE")
if file and file ~= "" then
  for line in io.lines(file) do
    if line ~= "" then users[#users + 1] = line end
  end
else
  local n = tonumber(os.getenv("TANDEM_USERS") or "20000")
  for u = 0, n - 1 do users[#users + 1] = string.format("u%06d", u) end
end
if #users == 0 then error("no users: TANDEM_USERS_FILE is empty or TANDEM_USERS is 0") end

local threads = {}
function setup(thread)
  threads[#threads + 1] = thread
  thread:set("seed", #threads)
end

local sequence = 0
local statuses = {}
function init(args)
  math.randomseed(42 + (seed or 0) * 7919)
end

function request()
  sequence = sequence + 1
  local user
  if math.random() < new_share then
    user = string.format("wrk-new-%d-%d", seed or 0, sequence)
  else
    user = users[math.random(#users)]
  end
  return wrk.format("GET", "/v1/users/" .. user .. "/recommendations?count=" .. count)
end

fallbacks = 0
function response(status, headers, body)
  if status == 200 and body and string.find(body, '"fallback":{"used":true', 1, true) then
    fallbacks = fallbacks + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("wrk-users: %d requests, %d errors (status %d, timeout %d, connect %d, read %d, write %d)\n",
    summary.requests, summary.errors.status + summary.errors.timeout + summary.errors.connect
      + summary.errors.read + summary.errors.write, summary.errors.status, summary.errors.timeout,
    summary.errors.connect, summary.errors.read, summary.errors.write))
  io.write(string.format("wrk-users: latency ms p50 %.2f p95 %.2f p99 %.2f max %.2f; %.1f requests/s\n",
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, summary.requests / (summary.duration / 1e6)))
  local fell = 0
  for _, thread in ipairs(threads) do fell = fell + (thread:get("fallbacks") or 0) end
  io.write(string.format("wrk-users: %d answers from the rule-based fallback (%.2f%% of requests)\n", fell,
    summary.requests > 0 and 100 * fell / summary.requests or 0))
end
