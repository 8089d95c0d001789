// Compare-and-set write of merged alerts plus one alert-events entry, atomically.
//
// KEYS[1] alerts hash, KEYS[2] alert-events stream.
// ARGV[1] number of alerts n, ARGV[2] stream MAXLEN, ARGV[3] comma-joined fingerprints (field
// `fps`: every stored alert), ARGV[4] comma-joined fingerprints the dispatcher has to group
// again (field `grp`), then n triples: fingerprint, the value read before merging ("" when
// absent), the new value.
// Returns the id of the stream entry when written, 0 (writing nothing) when any fingerprint
// changed since it was read.
export const STORE_ALERTS_SCRIPT = `
local n = tonumber(ARGV[1])
for i = 0, n - 1 do
  local base = 5 + i * 3
  local current = redis.call('HGET', KEYS[1], ARGV[base])
  if current == false then current = '' end
  if current ~= ARGV[base + 1] then return 0 end
end
local chunk = {}
for i = 0, n - 1 do
  local base = 5 + i * 3
  chunk[#chunk + 1] = ARGV[base]
  chunk[#chunk + 1] = ARGV[base + 2]
  if #chunk >= 512 then
    redis.call('HSET', KEYS[1], unpack(chunk))
    chunk = {}
  end
end
if #chunk > 0 then redis.call('HSET', KEYS[1], unpack(chunk)) end
return redis.call('XADD', KEYS[2], 'MAXLEN', '~', ARGV[2], '*', 'fps', ARGV[3], 'grp', ARGV[4])
`;

// Deletes the given fingerprints only if their value is still the one read (GC of resolved alerts).
// KEYS[1] alerts hash; ARGV pairs: fingerprint, expected value. Returns the number deleted.
export const DELETE_UNCHANGED_SCRIPT = `
local deleted = 0
for i = 1, #ARGV, 2 do
  if redis.call('HGET', KEYS[1], ARGV[i]) == ARGV[i + 1] then
    redis.call('HDEL', KEYS[1], ARGV[i])
    deleted = deleted + 1
  end
end
return deleted
`;
