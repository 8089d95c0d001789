// Everything one group flush reads, in one round trip: the group, its members' alerts, the nflog
// entries and in-flight markers of its integrations, and the silences' version.
import type Redis from 'ioredis';
import type { StoredAlert } from '../../../dispatch/src';
import { RedisScript, defineScript } from '../redis-script';
import type { AlertRecord } from './alert-reader';
import { ALERTS_KEY, GROUPS_KEY, INFLIGHT_KEY, NFLOG_KEY, SILENCES_VERSION_KEY, groupMembersKey } from './dispatch-keys';
import type { GroupMeta } from './group-repository';
import { NflogState, nflogStates } from './notification-log';

// HMGET in slices: Lua's unpack has a bounded stack, and a group may hold any number of alerts.
const READ_FLUSH = `
local meta = redis.call('HGET', KEYS[1], ARGV[1])
if not meta then return {false} end
local members = redis.call('SMEMBERS', KEYS[2])
local alerts = {}
for first = 1, #members, 1000 do
  local last = math.min(first + 999, #members)
  local slice = redis.call('HMGET', KEYS[3], unpack(members, first, last))
  for i = 1, #slice do alerts[#alerts + 1] = slice[i] end
end
local entries, markers = {}, {}
if #ARGV > 1 then
  entries = redis.call('HMGET', KEYS[4], unpack(ARGV, 2))
  markers = redis.call('HMGET', KEYS[5], unpack(ARGV, 2))
end
return {meta, members, alerts, entries, markers, redis.call('GET', KEYS[6])}`;

export interface FlushSnapshot {
  meta: GroupMeta;
  /** Every member's fingerprint, with its stored alert (undefined when it is gone from the store). */
  members: { fingerprint: string; record?: AlertRecord }[];
  /** Per nflog key asked for, in the same order. */
  nflog: NflogState[];
  /** `klaxon:silences:version`, so the silence cache needs no read of its own. */
  silencesVersion: string | null;
}

type RawSnapshot = [string | null, string[]?, (string | null)[]?, (string | null)[]?, (string | null)[]?, (string | null)?];

export class FlushSnapshotReader {
  private readonly script: RedisScript;

  constructor(redis: Redis) {
    this.script = defineScript(redis, 'klaxonReadFlush', 6, READ_FLUSH);
  }

  /** The group's state at `now`, or undefined when the group no longer exists. */
  async read(groupId: string, nflogKeys: readonly string[], now: number): Promise<FlushSnapshot | undefined> {
    const [meta, fingerprints = [], alerts = [], entries = [], markers = [], version = null] = (await this.script.run(
      [GROUPS_KEY, groupMembersKey(groupId), ALERTS_KEY, NFLOG_KEY, INFLIGHT_KEY, SILENCES_VERSION_KEY],
      [groupId, ...nflogKeys],
    )) as RawSnapshot;
    if (!meta) return undefined;
    return {
      meta: JSON.parse(meta) as GroupMeta,
      members: fingerprints.map((fingerprint, i) => {
        const json = alerts[i];
        return json ? { fingerprint, record: { alert: JSON.parse(json) as StoredAlert, json } } : { fingerprint };
      }),
      nflog: nflogStates(nflogKeys.length, entries, markers, now),
      silencesVersion: version ?? null,
    };
  }
}
