// The email of one notification (reference 3.14): templated headers (Subject, To, From defaults),
// Message-Id, Date, and a multipart/alternative body with a text part (when `text` is set) and an
// HTML part, both quoted-printable. Also the SMTP envelope: the From address and every To address.
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import addressparser from 'nodemailer/lib/addressparser';
import type { EmailConfig } from '../../../config/src';
import { NotifyError } from '../notifier';
import type { FieldRenderer } from '../templating/field-renderer';
import { encodeHeaderValue } from './header-encoding';
import { encodeQuotedPrintable } from './quoted-printable';

export interface EmailMessage {
  envelope: { from: string; to: string[] };
  /** The message as sent after DATA, CRLF line ends. */
  raw: string;
}

export interface MessageClock {
  now: Date;
  /** For Message-Id; the host name by default. */
  host?: string;
}

export function buildEmailMessage(config: EmailConfig, render: FieldRenderer, clock: MessageClock = { now: new Date() }): EmailMessage {
  const from = singleAddress(render.text('email from', config.from));
  const to = addressList(render.text('email to', config.to));
  const headers = new Map<string, string>();
  const configured = { To: config.to, From: config.from, ...config.headers };
  for (const name of Object.keys(configured).sort()) {
    headers.set(name, render.text(`email header ${JSON.stringify(name)}`, configured[name as keyof typeof configured] as string));
  }
  const text = config.text ? render.text('email text', config.text) : undefined;
  const html = config.html ? render.html('email html', config.html) : undefined;
  const boundary = randomBytes(30).toString('hex');
  let raw = '';
  for (const [name, value] of headers) raw += `${name}: ${encodeHeaderValue(value)}\r\n`;
  if (!headers.has('Message-Id')) raw += `Message-Id: ${messageId(clock)}\r\n`;
  raw += `Date: ${rfc1123z(clock.now)}\r\n`;
  raw += `Content-Type: multipart/alternative;  boundary=${boundary}\r\n`;
  raw += 'MIME-Version: 1.0\r\n\r\n';
  const parts: string[] = [];
  if (text !== undefined) parts.push(part('text/plain', text));
  if (html !== undefined) parts.push(part('text/html', html));
  raw += parts.map((p, i) => `${i === 0 ? '' : '\r\n'}--${boundary}\r\n${p}`).join('');
  raw += `\r\n--${boundary}--\r\n`;
  return { envelope: { from, to }, raw };
}

function part(type: string, body: string): string {
  return `Content-Transfer-Encoding: quoted-printable\r\nContent-Type: ${type}; charset=UTF-8\r\n\r\n${encodeQuotedPrintable(body)}`;
}

function singleAddress(value: string): string {
  const list = parse(value, 'from');
  if (list.length !== 1) throw new NotifyError(`must be exactly one from address, got ${list.length}`, false, 'other');
  return list[0];
}

function addressList(value: string): string[] {
  const list = parse(value, 'to');
  if (list.length === 0) throw new NotifyError('no to address', false, 'other');
  return list;
}

function parse(value: string, field: string): string[] {
  const addresses = addressparser(value, { flatten: true }).map((a) => a.address).filter((a) => a !== '');
  for (const a of addresses) {
    if (!/^[^\s@<>]+@[^\s@<>]+$/.test(a)) throw new NotifyError(`parse '${field}' addresses: mail: invalid address`, false, 'other');
  }
  return addresses;
}

function messageId(clock: MessageClock): string {
  const nanos = BigInt(clock.now.getTime()) * 1_000_000n + BigInt(randomBytes(2).readUInt16BE() % 1_000_000);
  const random = randomBytes(8).readBigUInt64BE() >> 1n;
  return `<${nanos}.${random}@${clock.host ?? hostname()}>`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z in UTC: "Tue, 24 Nov 2026 02:39:13 +0000". */
export function rfc1123z(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${two(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())} +0000`;
}
