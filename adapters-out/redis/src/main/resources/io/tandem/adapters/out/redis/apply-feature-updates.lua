-- Applies a run of feature updates, each event at most once: the SET NX of the event's "applied" marker
-- and all of its writes happen in this one atomic script, so a redelivered or concurrently applied event
-- changes nothing.
--
-- KEYS[1] popularity epoch, KEYS[2] overall popularity, KEYS[3] registry of category popularity keys;
-- then per event: applied marker, user counters, item counters, user's recent items, user's positive cells,
-- user's positives by recency, user's seen set, one key per category.
-- ARGV[1] epoch the increments were computed against ('' when none is known yet and none is needed),
-- ARGV[2] applied-marker TTL in seconds, ARGV[3] recent items (and positives) cap;
-- then per event: type, item, interaction ('1' or '0'), popularity increment ('' for none),
-- label as the exact double of a float ('' when not positive), event time's epoch second and its nanos as
-- nine digits ('' when not positive), category count, the categories.
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

-- Rounds a double to the nearest float (ties to even) through a C float cast in Redis's bundled struct
-- library, as Java's (float) does.
local function toFloat(x)
  return (struct.unpack('f', struct.pack('f', x)))
end

-- Adds a positive label to the user's cell of the item: the value is the float sum in application order
-- (the sum of two floats computed in double and rounded once to float is exactly the float sum), the time
-- the latest of the events (not the last applied). Past the cap, the cells with the oldest latest time go.
-- The cell stores '<value> <epoch second> <nanos>', the value as %.17g, so it reads back as the same double
-- (and so the same float) with no last-ulp drift. Time comparisons are exact while epoch seconds stay below
-- 2^53 in magnitude, that is for any date within 285 million years.
local function addPositive(cells, recency, item, label, second, nanos)
  local value = tonumber(label)
  local cell = redis.call('HGET', cells, item)
  local moved = true
  if cell then
    local oldValue, oldSecond, oldNanos = string.match(cell, '^(%S+) (%S+) (%S+)$')
    value = value + tonumber(oldValue)
    local s, olds = tonumber(second), tonumber(oldSecond)
    if s < olds or (s == olds and tonumber(nanos) <= tonumber(oldNanos)) then
      second, nanos, moved = oldSecond, oldNanos, false
    else
      redis.call('ZREM', recency, oldNanos .. item)
    end
  end
  redis.call('HSET', cells, item, string.format('%.17g', toFloat(value)) .. ' ' .. second .. ' ' .. nanos)
  if moved then
    -- Score: the second; member: nanos (nine digits) then item, so equal seconds order by nanos, then item.
    redis.call('ZADD', recency, second, nanos .. item)
    local excess = redis.call('ZCARD', recency) - cap
    if excess > 0 then
      for _, member in ipairs(redis.call('ZRANGE', recency, 0, excess - 1)) do
        redis.call('HDEL', cells, string.sub(member, 10))
      end
      redis.call('ZREMRANGEBYRANK', recency, 0, excess - 1)
    end
  end
end

local k, a, applied = 4, 4, 0
while a <= #ARGV do
  local eventType, item, increment, label = ARGV[a], ARGV[a + 1], ARGV[a + 3], ARGV[a + 4]
  local categories = tonumber(ARGV[a + 7])
  if redis.call('SET', KEYS[k], '1', 'NX', 'EX', ttl) then
    applied = applied + 1
    redis.call('HINCRBY', KEYS[k + 1], eventType, 1)
    redis.call('HINCRBY', KEYS[k + 2], eventType, 1)
    if ARGV[a + 2] == '1' then
      if redis.call('EXISTS', KEYS[k + 6]) == 0 and redis.call('LLEN', KEYS[k + 3]) > 0 then
        -- A user whose state was written before the seen set existed: it starts with what the list remembers.
        for _, old in ipairs(redis.call('LRANGE', KEYS[k + 3], 0, -1)) do
          redis.call('SADD', KEYS[k + 6], old)
        end
      end
      redis.call('SADD', KEYS[k + 6], item)
      redis.call('LREM', KEYS[k + 3], 0, item)
      redis.call('LPUSH', KEYS[k + 3], item)
      redis.call('LTRIM', KEYS[k + 3], 0, cap - 1)
    end
    if increment ~= '' then
      -- The increment arrives as the caller's exact decimal text and is never turned into a Lua number,
      -- so Redis adds the very double the in-memory store adds.
      redis.call('ZINCRBY', KEYS[2], increment, item)
      for c = 1, categories do
        redis.call('ZINCRBY', KEYS[k + 6 + c], increment, item)
        redis.call('SADD', KEYS[3], KEYS[k + 6 + c])
      end
    end
    if label ~= '' then
      addPositive(KEYS[k + 4], KEYS[k + 5], item, label, ARGV[a + 5], ARGV[a + 6])
    end
  end
  k = k + 7 + categories
  a = a + 8 + categories
end
return {1, applied}
