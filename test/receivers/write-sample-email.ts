// Writes docs/sample-email.eml (one alert firing, one resolved): an email exactly as a real SMTP server received it from Klaxon's
// email notifier with the default templates. Run after the build: node dist/test/receivers/write-sample-email.js
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GO_ZERO_TIME_MS } from '../../libs/dispatch/src';
import { EmailNotifier, FixedTemplates } from '../../libs/notify/src';
import { REPO_ROOT } from '../support/klaxon-process';
import { resolvedNotification } from './support/captured-group';
import { receiverFromYaml } from './support/receiver-from-yaml';
import { SmtpTestServer } from './support/smtp-test-server';

async function main(): Promise<void> {
  const smtp = await SmtpTestServer.start();
  const config = receiverFromYaml(`email_configs:\n- to: 'On call <oncall@example.org>'\n  from: 'Klaxon <klaxon@example.org>'\n  smarthost: ${smtp.smarthost}\n  hello: klaxon.example.org\n  require_tls: false`).emailConfigs[0];
  const resolved = resolvedNotification();
  const notification = { ...resolved, receiver: 'team-x', alerts: [{ ...resolved.alerts[0], endsAt: GO_ZERO_TIME_MS }, resolved.alerts[1]], reason: 'first_notification' };
  await new EmailNotifier(new FixedTemplates()).send(config, notification, new AbortController().signal);
  writeFileSync(join(REPO_ROOT, 'docs/sample-email.eml'), smtp.mails[0].raw);
  await smtp.close();
}

void main();
