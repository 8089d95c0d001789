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

// Idempotent: replaying a membership changes nothing once it is recorded.
const ADD_MEMBER = `
redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2])
redis.call('SADD', KEYS[2], ARGV[3])
if redis.call('SISMEMBER', KEYS[4], ARGV[1]) == 0 then
  redis.call('ZADD', KEYS[3], 'NX', ARGV[4], ARGV[1])
  if ARGV[5] == '1' then redis.call('ZADD', KEYS[3], 'LT', ARGV[6], ARGV[1]) end
elseif not redis.call('ZSCORE', KEYS[3], ARGV[1]) then
  redis.call('ZADD', KEYS[3], ARGV[4], ARGV[1])
end
return 1`;

export class GroupRepository {
  private readonly addMember: RedisScript;

  constructor(private readonly redis: Redis) {
    this.addMember = defineScript(redis, 'klaxonAddGroupMember', 4, ADD_MEMBER);
  }

  /** Records memberships in one round trip, arming each new group's first flush. */
  async addMembers(memberships: readonly GroupMembership[]): Promise<void> {
    if (memberships.length === 0) return;
    const pipeline = this.redis.pipeline();
    for (const m of memberships) {
      this.addMember.queue(
        pipeline,
        [GROUPS_KEY, groupMembersKey(m.groupId), SCHEDULE_KEY, STARTED_KEY],
        [m.groupId, JSON.stringify(m.meta), m.fingerprint, String(m.firstFlushAt), m.flushAtOnce ? '1' : '0', String(m.now)],
      );
    }
    const results = await pipeline.exec();
    const failed = results?.find(([err]) => err);
    if (failed) throw failed[0];
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
