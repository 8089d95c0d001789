import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { freePort } from './free-port';
import { endChild, stopChild } from './stop-child';

/**
 * A private redis-server for one test file: its own port and directory, killable for fault
 * tests, and restartable on the same port and data.
 */
export class TestRedisServer {
  private child?: ChildProcess;
  readonly dir = mkdtempSync(join(tmpdir(), 'klaxon-test-redis-'));
  port = 0;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(options: { appendOnly?: boolean; maxmemoryPolicy?: string } = {}): Promise<TestRedisServer> {
    const server = new TestRedisServer();
    server.port = await freePort();
    server.maxmemoryPolicy = options.maxmemoryPolicy ?? 'noeviction';
    await server.launch(options.appendOnly ?? true);
    return server;
  }

  private maxmemoryPolicy = 'noeviction';

  /** A client for assertions; the caller quits it. */
  client(): Redis {
    return new Redis(this.port, '127.0.0.1', { maxRetriesPerRequest: 1 });
  }

  async launch(appendOnly = true): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', '', '--appendonly', appendOnly ? 'yes' : 'no', '--maxmemory-policy', this.maxmemoryPolicy],
      { stdio: 'ignore' },
    );
    this.child = child;
    const deadline = Date.now() + 10_000;
    for (;;) {
      const probe = new Redis(this.port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
      probe.on('error', () => undefined);
      try {
        await probe.connect();
        await probe.ping();
        probe.disconnect();
        return;
      } catch {
        probe.disconnect();
        if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${this.port}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }
  }

  /** Kills the server abruptly (SIGKILL) without removing its data. */
  async kill(): Promise<void> {
    await endChild(this.child, 'SIGKILL');
  }

  async stop(): Promise<void> {
    await stopChild(this.child, this.dir);
  }
}
