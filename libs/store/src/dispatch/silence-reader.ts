// The silences, cached per process and re-read only when `klaxon:silences:version` moves.
import type Redis from 'ioredis';
import { SilenceIndex, buildSilenceIndex } from '../../../dispatch/src';
import { decodeSilence } from '../silences/silence-codec';
import { SILENCES_KEY, SILENCES_VERSION_KEY } from './dispatch-keys';

export class SilenceReader {
  private version: string | null | undefined;
  private index: SilenceIndex = buildSilenceIndex([]);

  constructor(private readonly redis: Redis) {}

  /** The silences; `knownVersion` is `klaxon:silences:version` when the caller read it already. */
  async current(knownVersion?: string | null): Promise<SilenceIndex> {
    const version = knownVersion !== undefined ? knownVersion : await this.redis.get(SILENCES_VERSION_KEY);
    if (this.version === undefined || version !== this.version) {
      const raw = await this.redis.hvals(SILENCES_KEY);
      this.index = buildSilenceIndex(raw.map(decodeSilence));
      this.version = version;
    }
    return this.index;
  }
}
