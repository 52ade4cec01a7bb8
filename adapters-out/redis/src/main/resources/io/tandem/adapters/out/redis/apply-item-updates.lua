-- Applies the item side of a run of feature updates (item counters, popularity overall and per category), each
-- event at most once: adding the event id to its items-side applied set and the event's writes happen in this one
-- atomic script, so a redelivered or concurrently applied event changes nothing. Every key here carries the
-- {items} hash tag: one slot, so this runs on Redis Cluster too (ADR-0030). The user side is
-- apply-user-updates.lua, with applied sets of its own (ADR-0034).
--
-- Applied sets: one SET of event ids per hour of event time (a bucket), listed with the time of its last recorded
-- write in a registry ZSET. A bucket is dropped (UNLINK, freed off the main thread) once the kept time has passed
-- since then; the caller records a write at most a minute late and adds that minute (twice over) to the TTL, so every
-- id stays at least the TTL after it was added, as the per-event marker keys of ADR-0012 did, without a key and an
-- expiry per event. The registry is checked for old sets only when a run opens a set.
--
-- KEYS[1] popularity epoch, KEYS[2] overall popularity, KEYS[3] registry of category popularity keys,
-- KEYS[4] registry of the applied sets, KEYS[5 .. 4 + B] the applied sets this run touches;
-- then per event: item counters, one key per category.
-- ARGV[1] epoch the increments were computed against ('' when none is known yet and none is needed),
-- ARGV[2] seconds an applied set is kept after its last recorded write, ARGV[3] B, ARGV[4] one flag per applied
-- set, '1' to record a write to it now in the registry ('0': the caller recorded one within the last minute);
-- then per event: event id, its applied set's index (1 .. B), type, item, popularity increment ('' for none),
-- category count.
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

-- touchAppliedSets: applied-sets.lua, loaded in front of this script.
local buckets = tonumber(ARGV[3])
touchAppliedSets(KEYS[4], 5, buckets, tonumber(ARGV[2]), ARGV[4])
-- newEvents: applied-sets.lua as well.
local new = newEvents(4, 5, 6)
-- The registry needs each category key once; a run names the same few categories over and over.
local registered = {}

local k, a, applied = 5 + buckets, 5, 0
while a <= #ARGV do
  local eventType, item, increment = ARGV[a + 2], ARGV[a + 3], ARGV[a + 4]
  local categories = tonumber(ARGV[a + 5])
  if new[a] then
    applied = applied + 1
    redis.call('HINCRBY', KEYS[k], eventType, 1)
    if increment ~= '' then
      -- The increment arrives as the caller's exact decimal text and is never turned into a Lua number,
      -- so Redis adds the very double the in-memory store adds.
      redis.call('ZINCRBY', KEYS[2], increment, item)
      for c = 1, categories do
        local category = KEYS[k + c]
        redis.call('ZINCRBY', category, increment, item)
        if not registered[category] then
          redis.call('SADD', KEYS[3], category)
          registered[category] = true
        end
      end
    end
  end
  k = k + 1 + categories
  a = a + 6
end
return {1, applied}
