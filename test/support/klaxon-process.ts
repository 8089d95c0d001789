import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(__dirname, '../../..');
export const KLAXON_BIN = join(REPO_ROOT, 'bin/klaxon');

export interface KlaxonProcessOptions {
  /** The alertmanager.yml text. */
  config: string;
  /** Redis to use; without it Klaxon starts its own under the storage path. */
  redisUrl?: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
  /** Reuse a storage directory (for restarts). */
  storagePath?: string;
  /** `--log.level`; debug unless said (tests read the debug lines). */
  logLevel?: 'debug' | 'info' | 'warn' | 'error';
}

/**
 * Runs `bin/klaxon` as a child process, as the acceptance tests of Alertmanager run its binary:
 * on 127.0.0.1:0, waiting for the `Listening on … address=IP:PORT` log line.
 */
export class KlaxonProcess {
  private child?: ChildProcess;
  private output = '';
  address = '';
  readonly dir: string;
  readonly configFile: string;
  readonly storagePath: string;

  constructor(readonly options: KlaxonProcessOptions) {
    this.dir = mkdtempSync(join(tmpdir(), 'klaxon-test-'));
    this.configFile = join(this.dir, 'alertmanager.yml');
    this.storagePath = options.storagePath ?? join(this.dir, 'data');
    writeFileSync(this.configFile, options.config);
  }

  static async start(options: KlaxonProcessOptions): Promise<KlaxonProcess> {
    const p = new KlaxonProcess(options);
    await p.start();
    return p;
  }

  get baseUrl(): string {
    return `http://${this.address}`;
  }

  get logs(): string {
    return this.output;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  writeConfig(text: string): void {
    writeFileSync(this.configFile, text);
  }

  async start(timeoutMs = 20_000): Promise<void> {
    const args = [
      `--config.file=${this.configFile}`,
      '--web.listen-address=127.0.0.1:0',
      `--storage.path=${this.storagePath}`,
      `--log.level=${this.options.logLevel ?? 'debug'}`,
      ...(this.options.redisUrl ? [`--redis.url=${this.options.redisUrl}`] : []),
      ...(this.options.args ?? []),
    ];
    const child = spawn(KLAXON_BIN, args, { env: { ...process.env, REDIS_URL: '', ...this.options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.output = '';
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`klaxon did not log "Listening on" within ${timeoutMs} ms:\n${this.output}`)), timeoutMs);
      const onData = (chunk: Buffer) => {
        this.output += chunk.toString();
        const m = /msg="Listening on" address=([^\s]+)/.exec(this.output);
        if (m && !this.address) {
          this.address = m[1];
          clearTimeout(timer);
          done();
        }
      };
      this.address = '';
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        fail(new Error(`klaxon exited with code ${code} before listening:\n${this.output}`));
      });
    });
  }

  signal(sig: NodeJS.Signals): void {
    this.child?.kill(sig);
  }

  /** Resolves with the exit code once the process is gone. */
  async stop(sig: NodeJS.Signals = 'SIGTERM', timeoutMs = 20_000): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill(sig);
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    const code = await exited;
    clearTimeout(timer);
    return code;
  }

  async cleanup(): Promise<void> {
    await this.stop('SIGKILL');
    rmSync(this.dir, { recursive: true, force: true });
  }
}
