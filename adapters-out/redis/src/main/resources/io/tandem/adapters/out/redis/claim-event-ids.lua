-- Claims event ids: SET NX per id, atomically for the whole run, so of two concurrent claims of one id
-- exactly one wins.
-- KEYS: the claim keys; ARGV[1] claim TTL in seconds. Returns the 1-based positions of the keys claimed now.
local won = {}
for i, key in ipairs(KEYS) do
  if redis.call('SET', key, '1', 'NX', 'EX', ARGV[1]) then
    won[#won + 1] = i
  end
end
return won
