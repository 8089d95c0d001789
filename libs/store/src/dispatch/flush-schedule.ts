// The flush timers of all groups, shared by every Klaxon process: a sorted set of due times.
import type Redis from 'ioredis';
import { RedisScript, defineScript } from '../redis-script';
import { GROUPS_KEY, LEASES_KEY, SCHEDULE_KEY, STARTED_KEY, UNROUTED_KEY, groupMembersKey } from './dispatch-keys';

export interface ClaimedGroup {
  groupId: string;
  /** When the flush was due. */
  dueAt: number;
  /** Proves ownership when rescheduling: a flusher whose lease ran out cannot clobber the next one. */
  token: string;
}

// Moves due groups' scores to the lease end, so no other process claims them meanwhile.
// Groups named after the fourth argument are skipped (this process cannot route them).
const CLAIM = `
local skip = {}
for i = 5, #ARGV do skip[ARGV[i]] = true end
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, tonumber(ARGV[3]) + #ARGV - 4)
local out = {}
for i = 1, #due, 2 do
  if not skip[due[i]] and #out < 3 * tonumber(ARGV[3]) then
    local token = ARGV[4] .. '/' .. ARGV[1] .. '/' .. i
    redis.call('ZADD', KEYS[1], 'XX', ARGV[2], due[i])
    redis.call('HSET', KEYS[2], due[i], token)
    redis.call('SADD', KEYS[3], due[i])
    out[#out + 1] = due[i]
    out[#out + 1] = due[i + 1]
    out[#out + 1] = token
  end
end
local nextDue = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
out[#out + 1] = nextDue[2] or ''
return out`;

// Ends a flush: the next tick, or the group's removal when it has no members left. A routed
// flush also clears the group's "unrouted since" mark. 0: lease lost, 1: rescheduled, 2: removed.
export const FINISH_FLUSH_LUA = `
local function finishFlush(schedule, leases, groups, members, started, unrouted, groupId, token, nextAt, remove, routed)
  if redis.call('HGET', leases, groupId) ~= token then return 0 end
  redis.call('HDEL', leases, groupId)
  if routed == '1' then redis.call('HDEL', unrouted, groupId) end
  if remove == '1' or redis.call('SCARD', members) == 0 then
    redis.call('ZREM', schedule, groupId)
    redis.call('HDEL', groups, groupId)
    redis.call('SREM', started, groupId)
    redis.call('HDEL', unrouted, groupId)
    redis.call('DEL', members)
    return 2
  end
  redis.call('ZADD', schedule, 'XX', nextAt, groupId)
  return 1
end`;

const FINISH = `${FINISH_FLUSH_LUA}
return finishFlush(KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5])`;

export interface ClaimResult {
  claimed: ClaimedGroup[];
  /** The earliest score left in the schedule (a due time or a lease end), if any. */
  nextDueAt?: number;
}

export type FinishOutcome = 'lost-lease' | 'rescheduled' | 'removed';

export function finishOutcome(reply: number): FinishOutcome {
  return reply === 0 ? 'lost-lease' : reply === 1 ? 'rescheduled' : 'removed';
}

export class FlushSchedule {
  private readonly claim: RedisScript;

  constructor(private readonly redis: Redis) {
    this.claim = defineScript(redis, 'klaxonClaimDueGroups', 3, CLAIM);
  }

  /**
   * Claims up to `limit` groups due at `now` for `leaseMs`, except those in `skip`, and tells
   * when the next one (skipped or not) is due.
   */
  async claimDue(now: number, leaseMs: number, limit: number, owner: string, skip: readonly string[] = []): Promise<ClaimResult> {
    const reply = (await this.claim.run([SCHEDULE_KEY, LEASES_KEY, STARTED_KEY], [String(now), String(now + leaseMs), String(limit), owner, ...skip])) as string[];
    const claimed: ClaimedGroup[] = [];
    for (let i = 0; i + 2 < reply.length; i += 3) claimed.push({ groupId: reply[i], dueAt: Number(reply[i + 1]), token: reply[i + 2] });
    const next = reply[reply.length - 1];
    return { claimed, nextDueAt: next === '' ? undefined : Number(next) };
  }

  /**
   * Sets the next flush at `nextAt`, or removes the group if it is empty or `remove` is set.
   * `routed: false` keeps the group's "unrouted since" mark (see `GroupRepository.unroutedSince`).
   */
  async finish(claim: ClaimedGroup, nextAt: number, { remove = false, routed = true }: { remove?: boolean; routed?: boolean } = {}): Promise<FinishOutcome> {
    const result = (await this.redis.eval(
      FINISH,
      6,
      SCHEDULE_KEY,
      LEASES_KEY,
      GROUPS_KEY,
      groupMembersKey(claim.groupId),
      STARTED_KEY,
      UNROUTED_KEY,
      claim.groupId,
      claim.token,
      String(nextAt),
      remove ? '1' : '0',
      routed ? '1' : '0',
    )) as number;
    return finishOutcome(result);
  }

  /** When the group's next flush is due (or its lease ends), if it is scheduled. */
  async dueAt(groupId: string): Promise<number | undefined> {
    const score = await this.redis.zscore(SCHEDULE_KEY, groupId);
    return score === null ? undefined : Number(score);
  }
}
