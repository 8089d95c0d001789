import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../support/free-port';

export const ALERTMANAGER_BIN = '/usr/bin/prometheus-alertmanager';

/** The real Alertmanager 0.25, as a reference to compare Klaxon's answers with. */
export class AlertmanagerProcess {
  private child?: ChildProcess;
  readonly dir = mkdtempSync(join(tmpdir(), 'klaxon-test-am-'));
  port = 0;

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  static async start(config: string, args: string[] = []): Promise<AlertmanagerProcess> {
    const am = new AlertmanagerProcess();
    am.port = await freePort();
    const configFile = join(am.dir, 'alertmanager.yml');
    writeFileSync(configFile, config);
    am.child = spawn(
      ALERTMANAGER_BIN,
      [`--config.file=${configFile}`, `--storage.path=${am.dir}`, `--web.listen-address=127.0.0.1:${am.port}`, '--cluster.listen-address=', ...args],
      { stdio: 'ignore' },
    );
    const deadline = Date.now() + 10_000;
    for (;;) {
      try {
        if ((await fetch(`${am.baseUrl}/-/ready`)).ok) return am;
      } catch {
        /* not yet */
      }
      if (Date.now() > deadline) throw new Error('alertmanager did not become ready');
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
