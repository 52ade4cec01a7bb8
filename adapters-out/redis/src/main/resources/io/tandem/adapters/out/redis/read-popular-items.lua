-- Reads the epoch and the top of one popularity set together, so a concurrent rebase cannot pair values of
-- one epoch with the other.
--
-- Redis orders equal scores by member descending; Tandem orders them by item ascending. So one entry more
-- than asked for is read, and when it ties with the last one asked for, the tied members are read too
-- (lowest first, at most the limit) so the caller can pick the right ones.
--
-- KEYS[1] popularity epoch, KEYS[2] popularity set; ARGV[1] limit (1 or more)
-- Returns {''} when no epoch is stored yet, else {epoch, top limit+1 as member/score pairs, tied pairs}.
local epoch = redis.call('GET', KEYS[1])
if not epoch then
  return {''}
end
local limit = tonumber(ARGV[1])
local top = redis.call('ZREVRANGE', KEYS[2], 0, limit, 'WITHSCORES')
local tied = {}
if #top > 2 * limit and top[2 * limit + 2] == top[2 * limit] then
  local last = top[2 * limit]
  tied = redis.call('ZRANGEBYSCORE', KEYS[2], last, last, 'WITHSCORES', 'LIMIT', 0, limit)
end
return {epoch, top, tied}
