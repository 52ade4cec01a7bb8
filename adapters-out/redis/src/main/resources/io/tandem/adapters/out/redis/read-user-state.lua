-- Reads what serving knows about one user in one command (one round trip, one atomic snapshot): every item the
-- user acted on and the newest positive cells.
--
-- KEYS[1] user's seen set, KEYS[2] user's recent items, KEYS[3] user's positive cells, KEYS[4] user's positives
-- by recency
-- ARGV[1] the last positive to read (limit - 1; -1 reads none)
-- Returns {seen items, positive items newest first, their cells as '<value> <epoch second> <nanos>'}.
local last = tonumber(ARGV[1])
local seen = redis.call('SMEMBERS', KEYS[1])
if #seen == 0 then
  -- A user written before the seen set existed (and not since): the recent list is what is remembered.
  seen = redis.call('LRANGE', KEYS[2], 0, -1)
end
local items = {}
local cells = {}
if last >= 0 then
  for i, member in ipairs(redis.call('ZREVRANGE', KEYS[4], 0, last)) do
    -- The member is the time's nanos (nine digits), then the item.
    items[i] = string.sub(member, 10)
  end
  if #items > 0 then
    -- One HMGET for all cells rather than an HGET each: about a tenth less of Redis's time per read at 8 positives.
    cells = redis.call('HMGET', KEYS[3], unpack(items))
    for i = 1, #items do
      -- Both keys change together in the apply script, so every member has its cell; '' would mean it had not.
      cells[i] = cells[i] or ''
    end
  end
end
return {seen, items, cells}
