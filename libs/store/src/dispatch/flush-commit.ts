// Everything one group flush writes, as one script to queue in the transaction that also enqueues
// its delivery jobs: dropped members, nflog entries (of deliveries that already ended, or that need
// none), in-flight markers and the flush's tally (or, without deliveries still running, the removal
// of its resolved alerts unless one failed), and the next tick.
import type { ChainableCommander } from 'ioredis';
import type Redis from 'ioredis';
import { RedisScript, defineScript } from '../redis-script';
import {
  ALERTS_KEY, GROUPS_KEY, INFLIGHT_KEY, LEASES_KEY, NFLOG_KEY, SCHEDULE_KEY, STARTED_KEY, UNROUTED_KEY, flushKey, groupMembersKey,
} from './dispatch-keys';
import { PlannedDelivery, REMOVE_RESOLVED_LUA, ResolvedSnapshot } from './flush-outcome';
import { ClaimedGroup, FINISH_FLUSH_LUA, FinishOutcome, finishOutcome } from './flush-schedule';
import type { StoredNflogEntry } from './notification-log';

const COMMIT_FLUSH = `${REMOVE_RESOLVED_LUA}
${FINISH_FLUSH_LUA}
local p = cjson.decode(ARGV[4])
for i = 1, #p.dropped do redis.call('SREM', KEYS[4], p.dropped[i]) end
for i = 1, #p.entries, 2 do redis.call('HSET', KEYS[7], p.entries[i], p.entries[i + 1]) end
if p.pending > 0 then
  for i = 1, #p.markers, 2 do redis.call('HSET', KEYS[8], p.markers[i], p.markers[i + 1]) end
  redis.call('HSETNX', KEYS[9], 'pending', p.pending)
  redis.call('HSETNX', KEYS[9], 'group', ARGV[1])
  redis.call('HSETNX', KEYS[9], 'resolved', ARGV[5])
  if p.failed then redis.call('HSETNX', KEYS[9], 'failed', '1') end
  redis.call('PEXPIRE', KEYS[9], p.ttl)
elseif not p.failed then
  removeResolved(KEYS[10], KEYS[4], cjson.decode(ARGV[5]))
end
return finishFlush(KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[6], ARGV[1], ARGV[2], ARGV[3], '0', '1')`;

export interface FlushCommitParams {
  claim: ClaimedGroup;
  /** Identifies the flush's tally (`flush:<id>`); only used with deliveries. */
  flushId: string;
  /** Members that are gone from the store or no longer land in this group. */
  dropped: readonly string[];
  /**
   * nflog entries written at once: of deliveries that already succeeded, and where nothing is
   * sent (all resolved, send_resolved false).
   */
  entries: ReadonlyMap<string, StoredNflogEntry>;
  /** Deliveries still to end (their jobs are enqueued in the same transaction). */
  deliveries: readonly PlannedDelivery[];
  /** A delivery of this flush already failed, so its resolved alerts stay in the group. */
  failed?: boolean;
  /** Leave the group once every delivery succeeded (at once when none is still to end). */
  resolved: readonly ResolvedSnapshot[];
  /** How long the tally outlives the flush, when deliveries die without settling it. */
  tallyTtlMs: number;
  /** The group's next tick. */
  nextAt: number;
}

export class FlushCommit {
  private readonly script: RedisScript;

  /** `redis`: the client whose MULTIs the commits are queued on. */
  constructor(redis: Redis) {
    this.script = defineScript(redis, 'klaxonCommitFlush', 10, COMMIT_FLUSH);
  }

  /** Queues the flush's writes on `tx` (a MULTI of the constructor's client); read the outcome with `outcome` from its reply. */
  append(tx: ChainableCommander, p: FlushCommitParams): void {
    const payload = {
      dropped: p.dropped,
      entries: [...p.entries].flatMap(([key, entry]) => [key, JSON.stringify(entry)]),
      markers: p.deliveries.flatMap((d) => [d.nflogKey, JSON.stringify(d.marker)]),
      pending: p.deliveries.length,
      failed: p.failed === true,
      ttl: Math.ceil(p.tallyTtlMs),
    };
    this.script.queue(
      tx,
      [SCHEDULE_KEY, LEASES_KEY, GROUPS_KEY, groupMembersKey(p.claim.groupId), STARTED_KEY, UNROUTED_KEY, NFLOG_KEY, INFLIGHT_KEY, flushKey(p.flushId), ALERTS_KEY],
      [p.claim.groupId, p.claim.token, String(p.nextAt), JSON.stringify(payload), JSON.stringify(p.resolved.flatMap((r) => [r.fingerprint, r.json]))],
    );
  }

  outcome(reply: unknown): FinishOutcome {
    return finishOutcome(Number(reply));
  }
}
