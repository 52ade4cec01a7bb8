-- Applies a run of feature updates, each event at most once: the SET NX of the event's "applied" marker
-- and all of its writes happen in this one atomic script, so a redelivered or concurrently applied event
-- changes nothing.
--
-- KEYS[1] popularity epoch, KEYS[2] overall popularity, KEYS[3] registry of category popularity keys;
-- then per event: applied marker, user counters, item counters, user's recent items, one key per category.
-- ARGV[1] epoch the increments were computed against ('' when none is known yet and none is needed),
-- ARGV[2] applied-marker TTL in seconds, ARGV[3] recent items cap;
-- then per event: type, item, interaction ('1' or '0'), popularity increment ('' for none),
-- category count, the categories.
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
local cap = tonumber(ARGV[3])
local k, a, applied = 4, 4, 0
while a <= #ARGV do
  local eventType, item, increment = ARGV[a], ARGV[a + 1], ARGV[a + 3]
  local categories = tonumber(ARGV[a + 4])
  if redis.call('SET', KEYS[k], '1', 'NX', 'EX', ttl) then
    applied = applied + 1
    redis.call('HINCRBY', KEYS[k + 1], eventType, 1)
    redis.call('HINCRBY', KEYS[k + 2], eventType, 1)
    if ARGV[a + 2] == '1' then
      redis.call('LREM', KEYS[k + 3], 0, item)
      redis.call('LPUSH', KEYS[k + 3], item)
      redis.call('LTRIM', KEYS[k + 3], 0, cap - 1)
    end
    if increment ~= '' then
      -- The increment arrives as the caller's exact decimal text and is never turned into a Lua number,
      -- so Redis adds the very double the in-memory store adds.
      redis.call('ZINCRBY', KEYS[2], increment, item)
      for c = 1, categories do
        redis.call('ZINCRBY', KEYS[k + 3 + c], increment, item)
        redis.call('SADD', KEYS[3], KEYS[k + 3 + c])
      end
    end
  end
  k = k + 4 + categories
  a = a + 5 + categories
end
return {1, applied}
