-- Applies the item side of a run of feature updates (item counters, popularity overall and per category), each
-- event at most once: the SET NX of the event's items-side "applied" marker and its writes happen in this one
-- atomic script, so a redelivered or concurrently applied event changes nothing. Every key here carries the
-- {items} hash tag: one slot, so this runs on Redis Cluster too (ADR-0030). The user side is
-- apply-user-updates.lua, with its own marker.
--
-- KEYS[1] popularity epoch, KEYS[2] overall popularity, KEYS[3] registry of category popularity keys;
-- then per event: items-side applied marker, item counters, one key per category.
-- ARGV[1] epoch the increments were computed against ('' when none is known yet and none is needed),
-- ARGV[2] applied-marker TTL in seconds;
-- then per event: type, item, popularity increment ('' for none), category count.
--
-- Returns {1, events applied}, or {0, stored epoch} without writing anything when the increments were
-- computed against an epoch that is not (or no longer) the stored one.
local epoch = ARGV[1]
if epoch ~= '' then
  local stored = redis.call('GET', KEYS[1])
  if not stored then
    redis.call('SET', KEYS[1], epoch)
  elseif stored ~= epoch then
    return {0, stored}
  end
end
local ttl = ARGV[2]

local k, a, applied = 4, 3, 0
while a <= #ARGV do
  local eventType, item, increment = ARGV[a], ARGV[a + 1], ARGV[a + 2]
  local categories = tonumber(ARGV[a + 3])
  if redis.call('SET', KEYS[k], '1', 'NX', 'EX', ttl) then
    applied = applied + 1
    redis.call('HINCRBY', KEYS[k + 1], eventType, 1)
    if increment ~= '' then
      -- The increment arrives as the caller's exact decimal text and is never turned into a Lua number,
      -- so Redis adds the very double the in-memory store adds.
      redis.call('ZINCRBY', KEYS[2], increment, item)
      for c = 1, categories do
        redis.call('ZINCRBY', KEYS[k + 1 + c], increment, item)
        redis.call('SADD', KEYS[3], KEYS[k + 1 + c])
      end
    end
  end
  k = k + 2 + categories
  a = a + 4
end
return {1, applied}
