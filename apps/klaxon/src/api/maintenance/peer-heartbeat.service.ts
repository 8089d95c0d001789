import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeerRegistry } from '../../../../../libs/store/src';
import { KlaxonRuntime } from '../../runtime/klaxon-runtime';

export const HEARTBEAT_INTERVAL_MS = 5_000;
const WAIT_FOR_LISTEN_MS = 100;

/** Announces this process in `klaxon:peers` every 5 s once it listens (for `cluster.peers`). */
@Injectable()
export class PeerHeartbeat implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private stopped = false;

  constructor(
    private readonly peers: PeerRegistry,
    private readonly runtime: KlaxonRuntime,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.peers.leave(this.runtime.peerName).catch(() => undefined);
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => void this.beat(), delayMs);
    this.timer.unref();
  }

  private async beat(): Promise<void> {
    const address = this.runtime.listenAddress;
    if (address === undefined) return this.schedule(WAIT_FOR_LISTEN_MS);
    try {
      await this.peers.heartbeat({ name: this.runtime.peerName, address }, Date.now());
    } catch (err) {
      this.runtime.logger.debug('Peer heartbeat failed', { component: 'cluster', err: (err as Error).message });
    }
    this.schedule(HEARTBEAT_INTERVAL_MS);
  }
}
