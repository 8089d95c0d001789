// All default templates, parsed before any user file.
import { EMAIL_TEMPLATES } from './email';
import { NOTIFIER_TEMPLATES } from './notifiers';
import { SHARED_TEMPLATES } from './shared';

export const DEFAULT_TEMPLATE_FILES: Array<{ name: string; text: string }> = [
  { name: 'klaxon-shared.tmpl', text: SHARED_TEMPLATES },
  { name: 'klaxon-notifiers.tmpl', text: NOTIFIER_TEMPLATES },
  { name: 'klaxon-email.tmpl', text: EMAIL_TEMPLATES },
];
