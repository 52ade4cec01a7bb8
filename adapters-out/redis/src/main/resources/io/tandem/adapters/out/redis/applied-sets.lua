-- Shared by apply-item-updates.lua and apply-user-updates.lua: RedisScript.load puts this file in front of each
-- (ADR-0034). Defines touchAppliedSets and newEvents only; it runs nothing by itself.
--
-- Records a write to the flagged applied sets in the registry; when one is new, drops those kept long enough.
local function touchAppliedSets(registry, first, count, keep, flags)
  if not string.find(flags, '1', 1, true) then
    return
  end
  local now = tonumber(redis.call('TIME')[1])
  local opened = false
  for i = 1, count do
    if string.sub(flags, i, i) == '1' and redis.call('ZADD', registry, 'GT', now, KEYS[first + i - 1]) == 1 then
      opened = true
    end
  end
  if opened then
    for _, old in ipairs(redis.call('ZRANGEBYSCORE', registry, '-inf', now - keep)) do
      redis.call('UNLINK', old)
      redis.call('ZREM', registry, old)
    end
  end
end

-- Finds the events of this call not applied before and records their ids as applied: per applied set one SMISMEMBER
-- for all the call's ids in it and one SADD for the new ones, instead of one SADD per event (ADR-0034). An id that
-- comes twice in the call counts at its first place only. Per event the call's ARGV holds, from position first and
-- every stride positions, the event id and then its applied set's index i (its key is KEYS[keyBase + i]).
-- Returns a table: ARGV position of an event's id -> true when the event is new.
local function newEvents(keyBase, first, stride)
  local ids, places, inCall = {}, {}, {}
  for a = first, #ARGV, stride do
    local id = ARGV[a]
    if not inCall[id] then
      inCall[id] = true
      local set = tonumber(ARGV[a + 1])
      local list = ids[set]
      if not list then
        list = {}
        ids[set] = list
        places[set] = {}
      end
      list[#list + 1] = id
      places[set][#list] = a
    end
  end
  local new = {}
  for set, list in pairs(ids) do
    local key = KEYS[keyBase + set]
    local member = redis.call('SMISMEMBER', key, unpack(list))
    local fresh = {}
    for i = 1, #list do
      if member[i] == 0 then
        fresh[#fresh + 1] = list[i]
        new[places[set][i]] = true
      end
    end
    if #fresh > 0 then
      redis.call('SADD', key, unpack(fresh))
    end
  end
  return new
end
