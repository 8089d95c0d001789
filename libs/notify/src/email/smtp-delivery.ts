// One SMTP session (reference 3.14): implicit TLS on port 465 or with force_implicit_tls, else plain
// TCP upgraded with STARTTLS, which `require_tls` (the default) demands; EHLO with `hello`; AUTH only
// when the server offers it and auth_username is set; MAIL FROM (BODY=8BITMIME when offered), one
// RCPT TO per address, DATA. Errors name the SMTP step, never a credential.
import { readFileSync } from 'node:fs';
import { isIP } from 'node:net';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { EmailConfig, TlsConfig } from '../../../config/src';
import { NotifyError } from '../notifier';
import type { EmailMessage } from './email-message';
import { chooseSmtpLogin } from './smtp-auth';

const CONNECT_TIMEOUT_MS = 30_000;

/** What nodemailer learnt from EHLO (not in its type declarations). */
interface EhloState {
  allowsAuth: boolean;
  _supportedAuth: string[];
}

export async function deliverBySmtp(config: EmailConfig, message: EmailMessage, signal: AbortSignal): Promise<void> {
  const { host, port } = splitHostPort(config.smarthost);
  const implicitTls = config.forceImplicitTls ?? port === 465;
  const connection = new SMTPConnection({
    host,
    port,
    secure: implicitTls,
    name: config.hello,
    requireTLS: !implicitTls && config.requireTls,
    ignoreTLS: !implicitTls && !config.requireTls,
    tls: tlsOptions(config.tlsConfig, host),
    connectionTimeout: CONNECT_TIMEOUT_MS,
    greetingTimeout: CONNECT_TIMEOUT_MS,
    socketTimeout: CONNECT_TIMEOUT_MS,
    logger: false,
  });
  const abort = () => connection.close();
  signal.addEventListener('abort', abort, { once: true });
  // nodemailer reports some failures (a refused STARTTLS, a dropped connection) only as events.
  let failed: (err: SMTPConnection.SMTPError) => void = () => undefined;
  const connectionError = new Promise<never>((_, reject) => (failed = reject));
  connectionError.catch(() => undefined);
  connection.on('error', (err) => failed(err));
  connection.on('end', () => failed(Object.assign(new Error('connection closed'), { code: 'ECONNECTION' }) as SMTPConnection.SMTPError));
  const step = (name: string, run: (cb: (err?: SMTPConnection.SMTPError | null) => void) => void) =>
    Promise.race([new Promise<void>((resolve, reject) => run((err) => (err ? reject(err) : resolve()))), connectionError]).catch((err: SMTPConnection.SMTPError) => {
      throw smtpError(name, err, config, implicitTls);
    });
  try {
    await step('dial', (cb) => connection.connect(cb));
    const ehlo = connection as unknown as EhloState;
    const login = ehlo.allowsAuth ? chooseSmtpLogin(config, ehlo._supportedAuth) : undefined;
    if (login) await step('authenticate', (cb) => connection.login({ method: login.method, user: login.user, pass: login.pass } as SMTPConnection.Credentials, cb));
    await step('send', (cb) => connection.send({ from: message.envelope.from, to: message.envelope.to, use8BitMime: true }, message.raw, (err) => cb(err)));
    connection.quit();
  } catch (err) {
    connection.close();
    if (signal.aborted) throw new NotifyError('email delivery aborted', true, 'other');
    throw err;
  } finally {
    signal.removeEventListener('abort', abort);
  }
}

/** 5xx replies are permanent (except to AUTH, which a fixed password may cure); everything else is retried. */
function smtpError(stepName: string, err: SMTPConnection.SMTPError, config: EmailConfig, implicitTls: boolean): NotifyError {
  if (err instanceof NotifyError) return err;
  const code = err.responseCode;
  const reply = typeof err.response === 'string' ? redact(err.response, config) : '';
  if (!implicitTls && config.requireTls && err.command === 'STARTTLS' && code !== undefined && code >= 500) {
    return new NotifyError(`'require_tls' is true (default) but "${config.smarthost}" does not advertise the STARTTLS extension`, true, 'other');
  }
  const detail = reply || redact(err.message, config);
  const permanent = code !== undefined && code >= 500 && code < 600 && stepName !== 'authenticate';
  return new NotifyError(`${stepName}: ${detail}`, !permanent, code !== undefined && code >= 500 ? 'clientError' : 'other');
}

function redact(text: string, config: EmailConfig): string {
  let out = text;
  for (const secret of [config.authPassword, config.authSecret]) if (secret) out = out.split(secret).join('<secret>');
  return out;
}

function splitHostPort(smarthost: string): { host: string; port: number } {
  const i = smarthost.lastIndexOf(':');
  const host = smarthost.slice(0, i).replace(/^\[(.*)\]$/, '$1');
  return { host, port: Number(smarthost.slice(i + 1)) };
}

function tlsOptions(tls: TlsConfig | undefined, host: string): Record<string, unknown> {
  const read = (inline: string | undefined, file: string | undefined) => inline ?? (file ? readFileSync(file, 'utf8') : undefined);
  return {
    servername: tls?.serverName || (isIP(host) ? undefined : host),
    rejectUnauthorized: !(tls?.insecureSkipVerify ?? false),
    ca: read(tls?.ca, tls?.caFile),
    cert: read(tls?.cert, tls?.certFile),
    key: read(tls?.key, tls?.keyFile),
    minVersion: tls?.minVersion ? tlsVersion(tls.minVersion) : undefined,
  };
}

function tlsVersion(v: string): string | undefined {
  return ({ TLS10: 'TLSv1', TLS11: 'TLSv1.1', TLS12: 'TLSv1.2', TLS13: 'TLSv1.3' } as Record<string, string>)[v];
}
