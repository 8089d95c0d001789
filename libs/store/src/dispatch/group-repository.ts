// Aggregation groups in Redis: metadata, members, and arming their first flush.
import type Redis from 'ioredis';
import type { LabelSet } from '../../../core/src';
import { RedisScript, defineScript } from '../redis-script';
import { GROUPS_KEY, SCHEDULE_KEY, STARTED_KEY, UNROUTED_KEY, groupMembersKey } from './dispatch-keys';

export interface GroupMeta {
  groupKey: string;
  /** `Route.id` of the route the group belongs to. */
  routeId: string;
  labels: LabelSet;
}

export interface GroupMembership {
  groupId: string;
  meta: GroupMeta;
  fingerprint: string;
  /** When the first flush is due if the group is new (`now + group_wait`). */
  firstFlushAt: number;
  /** The alert's `startsAt + group_wait` is already past: an unflushed group flushes at once. */
  flushAtOnce: boolean;
  now: number;
}

// Idempotent: replaying a membership changes nothing once it is recorded. One call records a
// whole batch: ARGV[1] is the members key prefix, ARGV[2] the number G of distinct groups, then G
// (group id, metadata) pairs, then 5 values per membership (group index in 1..G, fingerprint,
// first flush time, flush at once, now).
const ADD_MEMBERS = `
local groups = tonumber(ARGV[2])
local metaAt = 3
local m = 3 + 2 * groups
while m <= #ARGV do
  local g = metaAt + 2 * (tonumber(ARGV[m]) - 1)
  local id = ARGV[g]
  redis.call('HSETNX', KEYS[1], id, ARGV[g + 1])
  redis.call('SADD', ARGV[1] .. id, ARGV[m + 1])
  if redis.call('SISMEMBER', KEYS[3], id) == 0 then
    redis.call('ZADD', KEYS[2], 'NX', ARGV[m + 2], id)
    if ARGV[m + 3] == '1' then redis.call('ZADD', KEYS[2], 'LT', ARGV[m + 4], id) end
  elseif not redis.call('ZSCORE', KEYS[2], id) then
    redis.call('ZADD', KEYS[2], ARGV[m + 2], id)
  end
  m = m + 5
end
return 1`;

export class GroupRepository {
  private readonly addMembersScript: RedisScript;

  constructor(private readonly redis: Redis) {
    this.addMembersScript = defineScript(redis, 'klaxonAddGroupMembers', 3, ADD_MEMBERS);
  }

  /**
   * Records memberships in one script call, arming each new group's first flush (each group's
   * metadata is sent once however many of its alerts the batch holds).
   */
  async addMembers(memberships: readonly GroupMembership[]): Promise<void> {
    if (memberships.length === 0) return;
    const groupIndex = new Map<string, number>();
    const metas: string[] = [];
    const rows: string[] = [];
    for (const m of memberships) {
      let index = groupIndex.get(m.groupId);
      if (index === undefined) {
        index = groupIndex.size + 1;
        groupIndex.set(m.groupId, index);
        metas.push(m.groupId, JSON.stringify(m.meta));
      }
      rows.push(String(index), m.fingerprint, String(m.firstFlushAt), m.flushAtOnce ? '1' : '0', String(m.now));
    }
    await this.addMembersScript.run([GROUPS_KEY, SCHEDULE_KEY, STARTED_KEY], [groupMembersKey(''), String(groupIndex.size), ...metas, ...rows]);
  }

  async removeMembers(groupId: string, fingerprints: readonly string[]): Promise<void> {
    if (fingerprints.length > 0) await this.redis.srem(groupMembersKey(groupId), ...fingerprints);
  }

  /**
   * Records that this process found no route for the group, and returns since when that has
   * been so (the first report's `now`). Cleared when a flush finishes routed, or the group goes.
   */
  async unroutedSince(groupId: string, now: number): Promise<number> {
    await this.redis.hsetnx(UNROUTED_KEY, groupId, String(now));
    return Number(await this.redis.hget(UNROUTED_KEY, groupId));
  }
}
