// Tracks the deliveries of one flush, so that resolved alerts leave the group only when all succeeded.
import type Redis from 'ioredis';
import { RedisScript, defineScript } from '../redis-script';
import { ALERTS_KEY, INFLIGHT_KEY, NFLOG_KEY, flushKey, groupMembersKey } from './dispatch-keys';
import type { InflightMarker, StoredNflogEntry } from './notification-log';

/** A resolved alert as the flush saw it: removed only if the store still holds exactly this. */
export interface ResolvedSnapshot {
  fingerprint: string;
  json: string;
}

export interface PlannedDelivery {
  nflogKey: string;
  marker: InflightMarker;
}

// Drops resolved alerts from a group unless they changed since the flush read them.
export const REMOVE_RESOLVED_LUA = `
local function removeResolved(alertsKey, membersKey, resolved)
  for i = 1, #resolved, 2 do
    local current = redis.call('HGET', alertsKey, resolved[i])
    if (not current) or current == resolved[i + 1] then redis.call('SREM', membersKey, resolved[i]) end
  end
end`;

// Records one delivery's end (idempotent per job): nflog on success, marker cleared, flush settled.
const SETTLE = `${REMOVE_RESOLVED_LUA}
if ARGV[4] == '1' then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
local marker = redis.call('HGET', KEYS[2], ARGV[1])
if marker and string.find(marker, ARGV[3], 1, true) then redis.call('HDEL', KEYS[2], ARGV[1]) end
if redis.call('EXISTS', KEYS[3]) == 0 then return 0 end
if redis.call('HSETNX', KEYS[3], 'job:' .. ARGV[3], '1') == 0 then return 0 end
if ARGV[4] ~= '1' then redis.call('HSET', KEYS[3], 'failed', '1') end
local pending = redis.call('HINCRBY', KEYS[3], 'pending', -1)
if pending > 0 then return 1 end
if redis.call('HGET', KEYS[3], 'failed') ~= '1' then
  removeResolved(KEYS[4], KEYS[5], cjson.decode(redis.call('HGET', KEYS[3], 'resolved')))
end
redis.call('DEL', KEYS[3])
return 2`;

export class FlushOutcome {
  private readonly settleScript: RedisScript;

  constructor(redis: Redis) {
    this.settleScript = defineScript(redis, 'klaxonSettleDelivery', 5, SETTLE);
  }

  /** A delivery ended; `entry` is written when it succeeded. Safe to call twice for one job. */
  async settle(params: { flushId: string; groupId: string; nflogKey: string; jobId: string; entry?: StoredNflogEntry }): Promise<void> {
    await this.settleScript.run(
      [NFLOG_KEY, INFLIGHT_KEY, flushKey(params.flushId), ALERTS_KEY, groupMembersKey(params.groupId)],
      [params.nflogKey, params.entry ? JSON.stringify(params.entry) : '', params.jobId, params.entry ? '1' : '0'],
    );
  }
}
