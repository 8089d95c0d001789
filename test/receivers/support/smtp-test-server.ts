// A real SMTP server on loopback (smtp-server) that keeps every message with its session: the EHLO
// name, whether TLS was on, who authenticated and how, the envelope, and the raw message.
import type { AddressInfo } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { SMTPServer, SMTPServerOptions } from 'smtp-server';

export interface ReceivedMail {
  hello: string;
  secure: boolean;
  clientCertificateSubject?: string;
  user?: string;
  authMethod?: string;
  mailFrom: string;
  mailFromArgs: Record<string, unknown> | false;
  rcptTo: string[];
  raw: string;
}

export interface SmtpTestServerOptions {
  tls?: { key: string; cert: string; ca?: string; requireClientCert?: boolean };
  /** Implicit TLS from the first byte (needs `tls`). */
  implicitTls?: boolean;
  /** Do not offer STARTTLS (the server has `tls` but hides it). */
  hideStartTls?: boolean;
  /** Offer these AUTH mechanisms and accept this user; without it, AUTH is not offered. */
  auth?: { methods: string[]; user: string; password: string };
}

export class SmtpTestServer {
  readonly mails: ReceivedMail[] = [];
  private constructor(private readonly server: SMTPServer) {}

  static async start(options: SmtpTestServerOptions = {}): Promise<SmtpTestServer> {
    let self!: SmtpTestServer;
    const config: SMTPServerOptions = {
      secure: options.implicitTls ?? false,
      ...(options.tls ? { key: options.tls.key, cert: options.tls.cert, ca: options.tls.ca } : {}),
      ...(options.tls?.requireClientCert ? { requestCert: true, rejectUnauthorized: true } : {}),
      hideSTARTTLS: options.hideStartTls ?? false,
      disabledCommands: [...(options.tls ? [] : ['STARTTLS']), ...(options.auth ? [] : ['AUTH'])],
      authMethods: options.auth?.methods,
      authOptional: true,
      allowInsecureAuth: true,
      logger: false,
      onSecure(socket, session, callback) {
        const cn = (socket as TLSSocket).getPeerCertificate?.()?.subject?.CN;
        (session as unknown as { clientCn?: string }).clientCn = Array.isArray(cn) ? cn[0] : cn;
        callback();
      },
      onAuth(auth, session, callback) {
        const expected = options.auth;
        const ok = expected !== undefined && auth.username === expected.user && (auth.method === 'CRAM-MD5' ? auth.validatePassword(expected.password) : auth.password === expected.password);
        if (!ok) return callback(new Error('Invalid username or password'));
        (session as unknown as { authMethod: string }).authMethod = auth.method;
        callback(null, { user: auth.username });
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          self.mails.push({
            hello: session.hostNameAppearsAs,
            secure: session.secure,
            clientCertificateSubject: (session as unknown as { clientCn?: string }).clientCn,
            user: (session.user as string | undefined) || undefined,
            authMethod: (session as unknown as { authMethod?: string }).authMethod,
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            mailFromArgs: session.envelope.mailFrom ? session.envelope.mailFrom.args : false,
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    };
    const server = new SMTPServer(config);
    server.on('error', () => undefined);
    self = new SmtpTestServer(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return self;
  }

  get smarthost(): string {
    return `127.0.0.1:${(this.server.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
