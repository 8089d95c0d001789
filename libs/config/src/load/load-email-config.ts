// `email_configs` items (before global inheritance, which load-receivers applies).
import type { EmailConfig } from '../receiver.types';
import type { YamlValue } from '../yaml/yaml-value';
import { hostPortError } from './field-parsers';
import { loadTlsConfig } from './load-http-config';
import { LoadContext, readSecretPair } from './load-context';

const EMAIL_KEYS = [
  'send_resolved', 'to', 'from', 'hello', 'smarthost', 'auth_username', 'auth_password', 'auth_password_file',
  'auth_secret', 'auth_secret_file', 'auth_identity', 'headers', 'html', 'text', 'require_tls', 'tls_config',
  'force_implicit_tls', 'threading',
];

export const DEFAULT_EMAIL_HTML = '{{ template "email.default.html" . }}';
export const DEFAULT_EMAIL_SUBJECT = '{{ template "email.default.subject" . }}';

/** The email config as written; inherited fields stay undefined until the global is applied. */
export type PartialEmailConfig = Omit<EmailConfig, 'from' | 'hello' | 'smarthost' | 'requireTls'> & {
  from?: string;
  hello?: string;
  smarthost?: string;
  requireTls?: boolean;
};

/** Go's textproto.CanonicalMIMEHeaderKey. */
export function canonicalMimeHeaderKey(key: string): string {
  if (!/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/.test(key)) return key;
  return key
    .split('-')
    .map((part) => (part === '' ? '' : part[0].toUpperCase() + part.slice(1).toLowerCase()))
    .join('-');
}

export function loadEmailConfig(ctx: LoadContext, v: YamlValue): PartialEmailConfig | undefined {
  const s = v.asStruct('config.plain', EMAIL_KEYS);
  if (!s) return undefined;
  const to = s.get('to').asString() ?? '';
  if (to === '') s.error('missing to address in email config');
  const headers: Record<string, string> = {};
  for (const [key, hv] of s.get('headers').entries()) {
    const canonical = canonicalMimeHeaderKey(key);
    if (Object.prototype.hasOwnProperty.call(headers, canonical)) hv.error(`duplicate header ${JSON.stringify(canonical)} in email config`);
    headers[canonical] = hv.asString() ?? '';
  }
  if (headers.Subject === undefined) headers.Subject = DEFAULT_EMAIL_SUBJECT;
  const smarthost = s.get('smarthost').asString() || undefined;
  if (smarthost) {
    const err = hostPortError(smarthost);
    if (err) s.get('smarthost').error(err);
  }
  const password = readSecretPair(ctx, s, 'auth_password');
  const secret = readSecretPair(ctx, s, 'auth_secret');
  const out: PartialEmailConfig = {
    sendResolved: s.get('send_resolved').asBool() ?? false,
    to,
    from: s.get('from').asString() || undefined,
    hello: s.get('hello').asString() || undefined,
    smarthost,
    authUsername: s.get('auth_username').asString() || undefined,
    authPassword: password.value,
    authPasswordFile: password.file,
    authSecret: secret.value,
    authSecretFile: secret.file,
    authIdentity: s.get('auth_identity').asString() || undefined,
    headers,
    html: s.get('html').asString() ?? DEFAULT_EMAIL_HTML,
    text: s.get('text').asString() || undefined,
    requireTls: s.get('require_tls').asBool(),
    forceImplicitTls: s.get('force_implicit_tls').asBool(),
    tlsConfig: loadTlsConfig(ctx, s.get('tls_config')),
  };
  const threading = s.get('threading').asStruct('config.plain', ['enabled', 'thread_by_date']);
  if (threading) {
    const threadByDate = threading.get('thread_by_date').asString() || 'daily';
    if (threadByDate !== 'daily' && threadByDate !== 'none') {
      threading.get('thread_by_date').error(`invalid thread_by_date value ${JSON.stringify(threadByDate)}, must be "daily" or "none"`);
    }
    out.threading = { enabled: threading.get('enabled').asBool() ?? false, threadByDate };
  }
  return out;
}
