-- Applies the user side of a run of feature updates (user counters, recent items, seen set, positives), each
-- event at most once: the SET NX of the event's user-side "applied" marker and its writes happen in this one
-- atomic script, so a redelivered or concurrently applied event changes nothing. On Redis Cluster every key of a
-- call shares one hash slot (the callers group events by their user's slot, ADR-0030); on one Redis a call may
-- hold any users. The item side is apply-item-updates.lua, with its own marker.
--
-- KEYS per event: user-side applied marker, user counters, user's recent items, user's positive cells, user's
-- positives by recency, user's seen set.
-- ARGV[1] applied-marker TTL in seconds, ARGV[2] recent items (and positives) cap;
-- then per event: type, item, interaction ('1' or '0'), label as the exact double of a float ('' when not
-- positive), event time's epoch second and its nanos as nine digits ('' when not positive).
--
-- Returns the number of events applied.
local ttl = ARGV[1]
local cap = tonumber(ARGV[2])

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

local k, a, applied = 1, 3, 0
while a <= #ARGV do
  local eventType, item, label = ARGV[a], ARGV[a + 1], ARGV[a + 3]
  if redis.call('SET', KEYS[k], '1', 'NX', 'EX', ttl) then
    applied = applied + 1
    redis.call('HINCRBY', KEYS[k + 1], eventType, 1)
    if ARGV[a + 2] == '1' then
      if redis.call('EXISTS', KEYS[k + 5]) == 0 and redis.call('LLEN', KEYS[k + 2]) > 0 then
        -- A user whose state was written before the seen set existed: it starts with what the list remembers.
        for _, old in ipairs(redis.call('LRANGE', KEYS[k + 2], 0, -1)) do
          redis.call('SADD', KEYS[k + 5], old)
        end
      end
      redis.call('SADD', KEYS[k + 5], item)
      redis.call('LREM', KEYS[k + 2], 0, item)
      redis.call('LPUSH', KEYS[k + 2], item)
      redis.call('LTRIM', KEYS[k + 2], 0, cap - 1)
    end
    if label ~= '' then
      addPositive(KEYS[k + 3], KEYS[k + 4], item, label, ARGV[a + 4], ARGV[a + 5])
    end
  end
  k = k + 6
  a = a + 6
end
return applied
