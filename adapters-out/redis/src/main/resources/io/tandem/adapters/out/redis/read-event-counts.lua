-- Reads many counter hashes in one command (one round trip, one atomic snapshot).
-- KEYS: the counter hashes; returns one flat field/value list per key, empty for a missing key.
local counts = {}
for i, key in ipairs(KEYS) do
  counts[i] = redis.call('HGETALL', key)
end
return counts
