// A local HTTP server speaking the PagerDuty Events and OpsGenie Alert APIs for tests: records every
// request and answers from a script (202 by default; 429 with Retry-After, 500, 400 with a body, or
// hanging until the client gives up).
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
  /** The status answered (absent while hanging). */
  status?: number;
}

export type ScriptedAnswer = { status: number; body?: string; headers?: Record<string, string> } | { hang: true };

export class FakeReceiverApi {
  readonly requests: CapturedRequest[] = [];
  private readonly script: ScriptedAnswer[] = [];
  private readonly hanging: ServerResponse[] = [];
  private constructor(private readonly server: Server) {}

  /** On `port` (a server that was down coming back), else on a free one. */
  static async start(port = 0): Promise<FakeReceiverApi> {
    let api!: FakeReceiverApi;
    const server = createServer((req, res) => api.handle(req, res));
    api = new FakeReceiverApi(server);
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    return api;
  }

  get base(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** The next requests get these answers, in order; after them, 202. */
  answerNext(...answers: ScriptedAnswer[]): void {
    this.script.push(...answers);
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      const answer = this.script.shift() ?? { status: 202, body: '{"status":"success","message":"Event processed"}' };
      this.requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, at: Date.now(), ...('status' in answer ? { status: answer.status } : {}) });
      if ('hang' in answer) {
        this.hanging.push(res);
        return;
      }
      res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
      res.end(answer.body ?? '');
    });
  }
}
