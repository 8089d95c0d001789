// Prometheus Alertmanager 0.25 (Debian package) as a child process: the reference that tests and
// benchmarks compare Klaxon with.
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { stopChild } from './stop-child';

export const ALERTMANAGER_BIN = process.env.ALERTMANAGER_BIN ?? '/usr/bin/prometheus-alertmanager';

export class AlertmanagerProcess {
  private child?: ChildProcess;
  private output = '';
  readonly dir = mkdtempSync(join(tmpdir(), 'klaxon-am-'));
  readonly configFile = join(this.dir, 'alertmanager.yml');
  port = 0;

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get logs(): string {
    return this.output;
  }

  static async start(config: string, args: string[] = [], logLevel: 'debug' | 'info' | 'warn' | 'error' = 'debug'): Promise<AlertmanagerProcess> {
    const am = new AlertmanagerProcess();
    writeFileSync(am.configFile, config);
    am.port = await freePort();
    const child = spawn(
      ALERTMANAGER_BIN,
      [
        `--config.file=${am.configFile}`,
        `--storage.path=${am.dir}`,
        `--web.listen-address=127.0.0.1:${am.port}`,
        '--cluster.listen-address=',
        `--log.level=${logLevel}`,
        ...args,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    am.child = child;
    child.stdout!.on('data', (c: Buffer) => (am.output += c.toString()));
    child.stderr!.on('data', (c: Buffer) => (am.output += c.toString()));
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`alertmanager exited:\n${am.output}`);
      try {
        const res = await fetch(`${am.baseUrl}/-/ready`);
        if (res.status === 200) return am;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) throw new Error(`alertmanager not ready within 10 s:\n${am.output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  signal(sig: NodeJS.Signals): void {
    this.child?.kill(sig);
  }

  async stop(): Promise<void> {
    await stopChild(this.child, this.dir);
  }
}
