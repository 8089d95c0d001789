import { spawn } from 'node:child_process';

export const AMTOOL = '/usr/bin/amtool';

export interface AmtoolResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real amtool 0.25 against `url` (version check off: Klaxon reports its own version). */
export function amtool(url: string, args: string[], stdin?: string): Promise<AmtoolResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(AMTOOL, [`--alertmanager.url=${url}`, '--no-version-check', ...args], {
      env: { ...process.env, HOME: '/nonexistent' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}
