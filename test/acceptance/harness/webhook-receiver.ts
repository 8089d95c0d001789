// A webhook endpoint on loopback that records every notification it is sent (a real HTTP server).
import { IncomingHttpHeaders, Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedNotification {
  /** Unix ms when the request body was complete. */
  receivedAt: number;
  /** `performance.now()` at the same moment: sub-millisecond intervals measured in this process. */
  receivedAtMono: number;
  headers: IncomingHttpHeaders;
  /** The raw body text. */
  raw: string;
  body: WebhookMessage;
}

export interface WebhookAlert {
  status: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  startsAt: string;
  endsAt: string;
  generatorURL: string;
  fingerprint: string;
}

export interface WebhookMessage {
  receiver: string;
  status: string;
  alerts: WebhookAlert[];
  groupLabels: Record<string, string>;
  commonLabels: Record<string, string>;
  commonAnnotations: Record<string, string>;
  externalURL: string;
  version: string;
  groupKey: string;
  truncatedAlerts: number;
}

/** What to answer; `record: false` answers without recording (Alertmanager's MockWebhook.Func). */
export interface WebhookAnswer {
  status?: number;
  delayMs?: number;
  record?: boolean;
}

export class WebhookReceiver {
  readonly notifications: ReceivedNotification[] = [];
  /** Every request, recorded or not. */
  requests = 0;
  private waiters: (() => void)[] = [];

  private constructor(private readonly server: Server, private answer: (n: ReceivedNotification) => WebhookAnswer) {}

  static async start(answer: (n: ReceivedNotification) => WebhookAnswer = () => ({})): Promise<WebhookReceiver> {
    let receiver!: WebhookReceiver;
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const notification: ReceivedNotification = { receivedAt: Date.now(), receivedAtMono: performance.now(), headers: req.headers, raw, body: safeParse(raw) };
        receiver.requests++;
        const { status = 200, delayMs = 0, record = true } = receiver.answer(notification);
        const reply = () => {
          if (record && status < 300) receiver.record(notification);
          res.writeHead(status).end();
        };
        if (delayMs > 0) setTimeout(reply, delayMs);
        else reply();
      });
    });
    server.keepAliveTimeout = 1_000;
    receiver = new WebhookReceiver(server, answer);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  /** host:port, as Alertmanager's acceptance configs use it (`url: 'http://%s'`). */
  get address(): string {
    const { port } = this.server.address() as AddressInfo;
    return `127.0.0.1:${port}`;
  }

  get url(): string {
    return `http://${this.address}/`;
  }

  setAnswer(answer: (n: ReceivedNotification) => WebhookAnswer): void {
    this.answer = answer;
  }

  /** Resolves once `count` notifications were recorded, or rejects after `timeoutMs`. */
  async waitFor(count: number, timeoutMs: number): Promise<ReceivedNotification[]> {
    const deadline = Date.now() + timeoutMs;
    while (this.notifications.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`expected ${count} notifications within ${timeoutMs} ms, got ${this.notifications.length}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return this.notifications.slice(0, count);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private record(n: ReceivedNotification): void {
    this.notifications.push(n);
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

function safeParse(raw: string): WebhookMessage {
  try {
    return JSON.parse(raw) as WebhookMessage;
  } catch {
    return { alerts: [] } as unknown as WebhookMessage;
  }
}
