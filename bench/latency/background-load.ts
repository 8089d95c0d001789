// Active alerts refreshed at Prometheus' cadence, posted from a thread of their own
// (background-load-worker.ts) so that building batches never delays the bench's probes.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';

export type LoadCommand = 'fill' | 'start' | 'stop';
export type LoadReport = { filled: true } | { error: string } | { stopped: true; failures: number };

export class BackgroundLoad {
  private readonly worker: Worker;
  /** Refresh POSTs that failed, known once stopped. */
  failures = 0;

  constructor(baseUrl: string, readonly activeAlerts: number) {
    this.worker = new Worker(join(__dirname, 'background-load-worker.js'), { workerData: { baseUrl, activeAlerts } });
  }

  /** Posts every alert once, as fast as a few parallel requests allow. */
  async fill(): Promise<void> {
    const report = this.next();
    this.worker.postMessage('fill' satisfies LoadCommand);
    const answer = await report;
    if ('error' in answer) throw new Error(`background load: ${answer.error}`);
  }

  /** Keeps re-sending every alert once a minute, in batches spread evenly over the minute. */
  start(): void {
    this.worker.postMessage('start' satisfies LoadCommand);
  }

  async stop(): Promise<void> {
    const report = this.next();
    this.worker.postMessage('stop' satisfies LoadCommand);
    const answer = await report;
    if ('failures' in answer) this.failures = answer.failures;
    await this.worker.terminate();
  }

  private next(): Promise<LoadReport> {
    return new Promise((resolve, reject) => {
      const onMessage = (report: LoadReport) => {
        this.worker.off('error', onError);
        resolve(report);
      };
      const onError = (err: Error) => {
        this.worker.off('message', onMessage);
        reject(err);
      };
      this.worker.once('message', onMessage).once('error', onError);
    });
  }
}
