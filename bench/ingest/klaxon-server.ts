import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KLAXON_BIN } from '../../test/support/klaxon-process';
import { stopChild } from '../../test/support/stop-child';

/** The compiled Klaxon (dist/, as built before the run, started as users start it: bin/klaxon) on 127.0.0.1:<random> with its embedded Redis. */
export class KlaxonServer {
  private child?: ChildProcess;
  readonly dir = mkdtempSync(join(tmpdir(), 'klaxon-bench-'));
  address = '';

  get baseUrl(): string {
    return `http://${this.address}`;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get storagePath(): string {
    return join(this.dir, 'data');
  }

  static async start(config: string, args: string[]): Promise<KlaxonServer> {
    const server = new KlaxonServer();
    const configFile = join(server.dir, 'alertmanager.yml');
    writeFileSync(configFile, config);
    const child = spawn(
      KLAXON_BIN,
      [`--config.file=${configFile}`, `--storage.path=${server.storagePath}`, '--web.listen-address=127.0.0.1:0', ...args],
      { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, REDIS_URL: '' } },
    );
    server.child = child;
    let output = '';
    await new Promise<void>((done, fail) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const m = /msg="Listening on" address=([^\s]+)/.exec(output);
        if (m) {
          server.address = m[1];
          done();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => fail(new Error(`klaxon exited with ${code}:\n${output}`)));
    });
    return server;
  }

  async stop(): Promise<void> {
    await stopChild(this.child, this.dir);
  }
}
