// The benchmark load: alerts with 10 labels and 2 annotations over 1,000 groups, posted in
// batches by a fixed number of concurrent connections.
import { Agent, request } from 'node:http';

export const GROUPS = 1_000;

/** Batch bodies (JSON text) for `total` alerts, `batchSize` per POST. */
export function alertBatches(total: number, batchSize: number, runId: string): string[] {
  const startsAt = new Date().toISOString();
  const batches: string[] = [];
  for (let first = 0; first < total; first += batchSize) {
    const alerts = [];
    for (let i = first; i < Math.min(total, first + batchSize); i++) {
      const group = i % GROUPS;
      alerts.push({
        labels: {
          alertname: `BenchAlert${group}`,
          instance: `host-${i}.example.org:9100`,
          job: 'node-exporter',
          severity: i % 10 === 0 ? 'critical' : 'warning',
          env: 'production',
          region: `region-${i % 7}`,
          cluster: `cluster-${i % 13}`,
          service: `service-${group % 50}`,
          team: `team-${group % 20}`,
          run: runId,
        },
        annotations: {
          summary: `Instance host-${i} is in trouble`,
          description: `The node exporter on host-${i} reports a problem in group ${group}; see the runbook.`,
        },
        startsAt,
        generatorURL: `http://prometheus.example.org/graph?g0.expr=up&i=${i}`,
      });
    }
    batches.push(JSON.stringify(alerts));
  }
  return batches;
}

function post(agent: Agent, url: URL, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      { agent, hostname: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** Posts every batch over `connections` keep-alive connections; resolves with the elapsed ms. */
export async function sendBatches(baseUrl: string, batches: readonly string[], connections: number): Promise<number> {
  const agent = new Agent({ keepAlive: true, maxSockets: connections });
  const url = new URL('/api/v2/alerts', baseUrl);
  let next = 0;
  const started = process.hrtime.bigint();
  const worker = async () => {
    while (next < batches.length) {
      const body = batches[next++];
      const status = await post(agent, url, body);
      if (status !== 200) throw new Error(`POST /api/v2/alerts answered ${status}`);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  agent.destroy();
  return elapsed;
}
