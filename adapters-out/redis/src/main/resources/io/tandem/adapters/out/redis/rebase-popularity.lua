-- Moves stored popularity to a newer epoch: every value in the overall and in each category set is
-- multiplied by the same factor, atomically with the epoch change, so no reader or writer ever mixes
-- values of two epochs. Rare (once per about 900 half-lives), so a full pass is acceptable.
--
-- Category sets are found through the registry (KEYS[3]) rather than passed as KEYS, because a set created
-- between the caller's listing and this script would otherwise keep values of the old epoch.
--
-- KEYS[1] popularity epoch, KEYS[2] overall popularity, KEYS[3] registry of category popularity keys
-- ARGV[1] epoch the factor was computed from, ARGV[2] new epoch, ARGV[3] factor
-- Returns the epoch now stored ('' when none is).
local stored = redis.call('GET', KEYS[1])
if stored ~= ARGV[1] then
  -- Another process rebased first (or the epoch is gone); its epoch stands.
  return stored or ''
end
local factor = tonumber(ARGV[3])
local function rescale(key)
  local entries = redis.call('ZRANGE', key, 0, -1, 'WITHSCORES')
  local batch, n = {}, 0
  for i = 1, #entries, 2 do
    -- %.17g prints the product exactly, so it equals the in-memory store's value * factor.
    batch[n + 1] = string.format('%.17g', tonumber(entries[i + 1]) * factor)
    batch[n + 2] = entries[i]
    n = n + 2
    if n == 1000 then
      redis.call('ZADD', key, unpack(batch, 1, n))
      n = 0
    end
  end
  if n > 0 then
    redis.call('ZADD', key, unpack(batch, 1, n))
  end
end
rescale(KEYS[2])
for _, key in ipairs(redis.call('SMEMBERS', KEYS[3])) do
  rescale(key)
end
redis.call('SET', KEYS[1], ARGV[2])
return ARGV[2]
