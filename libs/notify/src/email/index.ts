export { EmailNotifier } from './email-notifier';
export { buildEmailMessage, EmailMessage, rfc1123z } from './email-message';
export { encodeQuotedPrintable } from './quoted-printable';
export { encodeHeaderValue } from './header-encoding';
