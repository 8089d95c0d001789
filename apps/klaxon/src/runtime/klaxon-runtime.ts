import type Redis from 'ioredis';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { KlaxonOptions } from '../cli/klaxon-options';
import type { Logger } from '../logging/logger';

/**
 * What every part of a running Klaxon process shares: its options, its logger and its Redis.
 * Built once at start and handed to Nest as a value provider.
 */
export class KlaxonRuntime {
  readonly startedAt = new Date();
  /** Identifies this process among the Klaxon processes sharing one Redis. */
  readonly peerName = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;
  private boundExternalUrl?: string;
  private boundAddress?: string;

  constructor(
    readonly options: KlaxonOptions,
    readonly logger: Logger,
    /** Commands that must fail fast while Redis is away. */
    readonly redis: Redis,
    /** Where Redis is, for BullMQ and other clients (may contain credentials: never log it). */
    readonly redisLocation: string,
  ) {}

  /** Set once the HTTP server listens: the external URL (flag or derived) and the bound address. */
  setListening(address: string, externalUrl: string): void {
    this.boundAddress = address;
    this.boundExternalUrl = externalUrl;
  }

  get externalUrl(): string {
    return this.boundExternalUrl ?? this.options.externalUrl ?? 'http://localhost:9093';
  }

  get listenAddress(): string | undefined {
    return this.boundAddress;
  }
}
