-- Shared by apply-item-updates.lua and apply-user-updates.lua: RedisScript.load puts this file in front of each
-- (ADR-0034). Defines touchAppliedSets only; it runs nothing by itself.
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
