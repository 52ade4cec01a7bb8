-- Reads what serving knows about one user in one command (one round trip, one atomic snapshot): the newest
-- recent items and the newest positive cells.
--
-- KEYS[1] user's recent items, KEYS[2] user's positive cells, KEYS[3] user's positives by recency
-- ARGV[1] the last index to read (limit - 1)
-- Returns {recent items, positive items newest first, their cells as '<value> <epoch second> <nanos>'}.
local last = tonumber(ARGV[1])
local seen = redis.call('LRANGE', KEYS[1], 0, last)
local items = {}
local cells = {}
for i, member in ipairs(redis.call('ZREVRANGE', KEYS[3], 0, last)) do
  -- The member is the time's nanos (nine digits), then the item.
  local item = string.sub(member, 10)
  items[i] = item
  -- Both keys change together in the apply script, so every member has its cell; '' would mean it had not.
  cells[i] = redis.call('HGET', KEYS[2], item) or ''
end
return {seen, items, cells}
