-- Applies the user side of a run of feature updates (user counters, recent items, seen set, positives), each
-- event at most once: adding the event id to its user-side applied set and the event's writes happen in this one
-- atomic script, so a redelivered or concurrently applied event changes nothing. On Redis Cluster every key of a
-- call shares one hash slot (the callers group events by their user's slot, ADR-0030, and name the applied sets by
-- a tag of that slot); on one Redis a call may hold any users. The item side is apply-item-updates.lua, with
-- applied sets of its own; both keep them alike (one SET per hour of event time, a registry, ADR-0034).
--
-- KEYS[1] registry of the applied sets, KEYS[2 .. 1 + B] the applied sets this run touches; then per event:
-- user counters, user's recent items, user's positive cells, user's positives by recency, user's seen set.
-- ARGV[1] seconds an applied set is kept after its last recorded write, ARGV[2] recent items (and positives) cap,
-- ARGV[3] B, ARGV[4] one flag per applied set, '1' to record a write to it now (as in apply-item-updates.lua);
-- then per event: event id, its applied set's index (1 .. B), type, item, interaction ('1' or '0'), label as the
-- exact double of a float ('' when not positive), event time's epoch second and its nanos as nine digits ('' when
-- not positive).
--
-- Returns the number of events applied.
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
    -- Only a new cell grows the set (a moved one left its old member), so only then can it pass the cap.
    local excess = cell and 0 or redis.call('ZCARD', recency) - cap
    if excess > 0 then
      for _, member in ipairs(redis.call('ZRANGE', recency, 0, excess - 1)) do
        redis.call('HDEL', cells, string.sub(member, 10))
      end
      redis.call('ZREMRANGEBYRANK', recency, 0, excess - 1)
    end
  end
end

-- touchAppliedSets: applied-sets.lua, loaded in front of this script.
local buckets = tonumber(ARGV[3])
touchAppliedSets(KEYS[1], 2, buckets, tonumber(ARGV[1]), ARGV[4])
-- newEvents: applied-sets.lua as well.
local new = newEvents(1, 5, 8)

local k, a, applied = 2 + buckets, 5, 0
while a <= #ARGV do
  local eventType, item, label = ARGV[a + 2], ARGV[a + 3], ARGV[a + 5]
  if new[a] then
    applied = applied + 1
    redis.call('HINCRBY', KEYS[k], eventType, 1)
    if ARGV[a + 4] == '1' then
      -- The recent list is a subset of the seen set (both written here, under the same applied check), so an item
      -- new to the set cannot be in the list: only a seen item needs the LREM that scans the list.
      if redis.call('SADD', KEYS[k + 4], item) == 0 then
        redis.call('LREM', KEYS[k + 1], 0, item)
      end
      if redis.call('LPUSH', KEYS[k + 1], item) > cap then
        redis.call('LTRIM', KEYS[k + 1], 0, cap - 1)
      end
    end
    if label ~= '' then
      addPositive(KEYS[k + 2], KEYS[k + 3], item, label, ARGV[a + 6], ARGV[a + 7])
    end
  end
  k = k + 5
  a = a + 8
end
return applied
