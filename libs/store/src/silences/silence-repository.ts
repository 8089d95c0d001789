import type Redis from 'ioredis';
import type { Silence } from '../../../dispatch/src';
import { defineScript } from '../redis-script';
import { decodeSilence, encodeSilence } from './silence-codec';
import { SILENCES_KEY, SILENCES_VERSION_KEY } from './silence-keys';
import { DELETE_UNCHANGED_SILENCES_SCRIPT, SAVE_SILENCES_SCRIPT } from './silence-scripts.lua';

/** Creating a silence would exceed `--silences.max-silences` (Alertmanager's wording). */
export class SilenceLimitError extends Error {
  constructor(count: number, limit: number) {
    super(`exceeded maximum number of silences: ${count} (limit: ${limit})`);
  }
}

/** Every silence, as of one value of `klaxon:silences:version`. */
export interface SilenceSnapshot {
  version: string;
  silences: readonly Silence[];
}

/**
 * The silences in Redis (`klaxon:silences`, id → JSON). Every change increments
 * `klaxon:silences:version` in the same atomic step, so readers keep a decoded copy and
 * refresh it only when the version moved (one GET per read otherwise).
 */
export class SilenceRepository {
  private readonly saveScript;
  private readonly deleteScript;
  private cached?: SilenceSnapshot;

  constructor(private readonly redis: Redis) {
    this.saveScript = defineScript(redis, 'klaxonSaveSilences', 2, SAVE_SILENCES_SCRIPT);
    this.deleteScript = defineScript(redis, 'klaxonDeleteUnchangedSilences', 2, DELETE_UNCHANGED_SILENCES_SCRIPT);
  }

  async snapshot(): Promise<SilenceSnapshot> {
    const version = (await this.redis.get(SILENCES_VERSION_KEY)) ?? '0';
    if (this.cached && this.cached.version === version) return this.cached;
    const reply = await this.redis.multi().get(SILENCES_VERSION_KEY).hvals(SILENCES_KEY).exec();
    if (!reply) throw new Error('reading silences was aborted');
    const [[versionErr, fresh], [valuesErr, values]] = reply as [[Error | null, string | null], [Error | null, string[]]];
    if (versionErr) throw versionErr;
    if (valuesErr) throw valuesErr;
    const snapshot: SilenceSnapshot = { version: fresh ?? '0', silences: values.map(decodeSilence) };
    this.cached = snapshot;
    return snapshot;
  }

  async get(id: string): Promise<Silence | undefined> {
    const text = await this.redis.hget(SILENCES_KEY, id);
    return text === null ? undefined : decodeSilence(text);
  }

  /**
   * Writes silences in one atomic step. When `creates` is set, the write fails with
   * `SilenceLimitError` if the store already holds `maxSilences` (0: unlimited).
   */
  async save(silences: readonly Silence[], options: { creates: boolean; maxSilences: number }): Promise<void> {
    const args = [String(options.maxSilences), options.creates ? '1' : '0'];
    for (const s of silences) args.push(s.id, encodeSilence(s));
    const [ok, value] = (await this.saveScript.run([SILENCES_KEY, SILENCES_VERSION_KEY], args)) as [number, number];
    if (ok !== 1) throw new SilenceLimitError(value, options.maxSilences);
  }

  /** Deletes silences that ended before `cutoff` (retention over); safe in several processes. */
  async deleteEndedBefore(cutoff: number): Promise<number> {
    const all = await this.redis.hgetall(SILENCES_KEY);
    const doomed: string[] = [];
    for (const [id, text] of Object.entries(all)) {
      if (decodeSilence(text).endsAt < cutoff) doomed.push(id, text);
    }
    if (doomed.length === 0) return 0;
    return Number(await this.deleteScript.run([SILENCES_KEY, SILENCES_VERSION_KEY], doomed));
  }
}
