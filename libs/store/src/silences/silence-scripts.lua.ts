// Atomic silence writes; every change increments the silences version in the same script.

// KEYS[1] silences hash, KEYS[2] version counter.
// ARGV[1] limit on the number of silences (0: none), ARGV[2] "1" when one of the written
// silences is new (it must fit under the limit), then pairs: id, JSON.
// Returns {1, version} when written, {0, count} when the limit would be exceeded.
export const SAVE_SILENCES_SCRIPT = `
local limit = tonumber(ARGV[1])
if limit > 0 and ARGV[2] == '1' then
  local count = redis.call('HLEN', KEYS[1])
  if count + 1 > limit then return {0, count} end
end
for i = 3, #ARGV, 2 do
  redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
end
return {1, redis.call('INCR', KEYS[2])}
`;

// KEYS[1] silences hash, KEYS[2] version counter; ARGV pairs: id, the JSON read.
// Deletes each silence still holding that JSON; increments the version if any went.
export const DELETE_UNCHANGED_SILENCES_SCRIPT = `
local deleted = 0
for i = 1, #ARGV, 2 do
  if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[i + 1] then
    redis.call('HDEL', KEYS[1], ARGV[i])
    deleted = deleted + 1
  end
end
if deleted > 0 then redis.call('INCR', KEYS[2]) end
return deleted
`;
