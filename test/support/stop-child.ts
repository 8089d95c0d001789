// Ends a child process started by a test or bench and removes its data directory.
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';

/** Sends `signal` unless the child has already exited, and resolves once it has. */
export async function endChild(child: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill(signal);
  await exited;
}

/** SIGTERM, wait for the exit, then remove `dir`. */
export async function stopChild(child: ChildProcess | undefined, dir: string): Promise<void> {
  await endChild(child, 'SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
