// The fingerprints of alerts that may inhibit others, so a flush need not read every alert.
import type Redis from 'ioredis';
import { INHIBIT_SOURCES_KEY } from './dispatch-keys';

export class InhibitSources {
  constructor(private readonly redis: Redis) {}

  async add(fingerprints: readonly string[]): Promise<void> {
    if (fingerprints.length > 0) await this.redis.sadd(INHIBIT_SOURCES_KEY, ...fingerprints);
  }

  async remove(fingerprints: readonly string[]): Promise<void> {
    if (fingerprints.length > 0) await this.redis.srem(INHIBIT_SOURCES_KEY, ...fingerprints);
  }

  async all(): Promise<string[]> {
    return this.redis.smembers(INHIBIT_SOURCES_KEY);
  }
}
