import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createConnection } from 'node:net';

export interface EmbeddedRedisLogger {
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
}

/** Raised when Klaxon cannot start its own Redis; the message says what to do. */
export class EmbeddedRedisError extends Error {}

const SOCKET_NAME = 'redis.sock';
const PID_FILE = 'redis.pid';

/**
 * Runs a private `redis-server` for this Klaxon process: data (append-only file) under
 * `<storage>/redis`, reachable only through a unix socket with mode 700, no TCP port.
 * A watchdog shell stops Redis if Klaxon dies without shutting it down (even on SIGKILL), and
 * an unexpected exit of Redis is followed by a restart on the same data.
 */
export class EmbeddedRedis {
  private child?: ChildProcess;
  private stopping = false;
  private restarts = 0;
  readonly dir: string;
  readonly socketPath: string;

  constructor(storagePath: string, private readonly log: EmbeddedRedisLogger, private readonly binary = 'redis-server') {
    this.dir = resolve(storagePath, 'redis');
    this.socketPath = join(this.dir, SOCKET_NAME);
  }

  get url(): string {
    return `unix://${this.socketPath}`;
  }

  async start(): Promise<void> {
    const probe = spawnSync(this.binary, ['--version'], { encoding: 'utf8' });
    if (probe.error || probe.status !== 0) {
      throw new EmbeddedRedisError(
        'redis-server was not found on PATH: install it (Debian/Ubuntu: apt-get install redis-server; macOS: brew install redis) ' +
          'or point Klaxon at an existing Redis with --redis.url=redis://host:6379 (or REDIS_URL)',
      );
    }
    if (Buffer.byteLength(this.socketPath) > 100) {
      throw new EmbeddedRedisError(`--storage.path is too long for a unix socket (${this.socketPath}): use a shorter path or --redis.url`);
    }
    mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    await this.stopLeftover();
    this.spawnServer();
    await this.waitForSocket(15_000);
    this.log.info('Started embedded Redis', { socket: this.socketPath, dir: this.dir });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    this.log.info('Stopped embedded Redis');
  }

  private spawnServer(): void {
    const args = [
      '--port', '0',
      '--unixsocket', this.socketPath,
      '--unixsocketperm', '700',
      '--dir', this.dir,
      '--pidfile', join(this.dir, PID_FILE),
      '--appendonly', 'yes',
      '--appendfsync', 'everysec',
      '--save', '',
      '--maxmemory-policy', 'noeviction',
      '--daemonize', 'no',
      '--logfile', join(this.dir, 'redis.log'),
    ];
    // The watchdog: runs redis-server, stops it when Klaxon (our pid) is gone, and forwards SIGTERM.
    const watchdog = [
      '"$0" "$@" & child=$!',
      'trap \'kill -TERM $child 2>/dev/null; wait $child; exit 0\' TERM INT',
      `while kill -0 ${process.pid} 2>/dev/null && kill -0 $child 2>/dev/null; do sleep 0.5; done`,
      'kill -TERM $child 2>/dev/null; wait $child',
    ].join('\n');
    // Its own process group: a signal sent to Klaxon's group (Ctrl-C, `timeout`, systemd) reaches Klaxon
    // only, and Klaxon stops Redis last, after the work that needs it.
    const child = spawn('sh', ['-c', watchdog, this.binary, ...args], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
    this.child = child;
    child.stderr?.on('data', (chunk: Buffer) => this.log.warn('embedded Redis', { output: chunk.toString().trim() }));
    child.on('exit', (code, signal) => {
      if (this.stopping) return;
      this.restarts++;
      const delay = Math.min(30_000, 500 * 2 ** Math.min(this.restarts, 6));
      this.log.error('Embedded Redis exited unexpectedly; restarting', { code, signal, delay_ms: delay });
      setTimeout(() => {
        if (!this.stopping) this.spawnServer();
      }, delay).unref();
    });
  }

  /** A Redis left running by an earlier Klaxon on the same storage path is stopped first. */
  private async stopLeftover(): Promise<void> {
    const pidFile = join(this.dir, PID_FILE);
    if (!existsSync(pidFile)) return;
    const pid = Number(readFileSync(pidFile, 'utf8').trim());
    if (pid > 0 && isAlive(pid)) {
      this.log.warn('Stopping a Redis left running on this storage path', { pid });
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        /* already gone */
      }
      const deadline = Date.now() + 10_000;
      while (isAlive(pid) && Date.now() < deadline) await sleep(100);
    }
    rmSync(pidFile, { force: true });
  }

  private async waitForSocket(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child && this.child.exitCode !== null) {
        throw new EmbeddedRedisError(`redis-server exited at start (see ${join(this.dir, 'redis.log')})`);
      }
      if (await canConnect(this.socketPath)) return;
      await sleep(50);
    }
    throw new EmbeddedRedisError(`redis-server did not start within ${timeoutMs / 1000}s (see ${join(this.dir, 'redis.log')})`);
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function canConnect(path: string): Promise<boolean> {
  return new Promise((done) => {
    const socket = createConnection({ path }, () => {
      socket.end();
      done(true);
    });
    socket.on('error', () => done(false));
  });
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}
