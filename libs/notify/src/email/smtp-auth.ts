// Which SASL mechanism to use (Alertmanager's email auth): none without auth_username; otherwise the
// first mechanism the server offers that the config has a secret for: CRAM-MD5 needs auth_secret,
// PLAIN and LOGIN need auth_password (PLAIN also sends auth_identity).
import type { EmailConfig } from '../../../config/src';
import { NotifyError } from '../notifier';

export interface SmtpLogin {
  method: 'PLAIN' | 'LOGIN' | 'CRAM-MD5';
  user: string;
  pass: string;
}

export function chooseSmtpLogin(config: EmailConfig, offered: readonly string[]): SmtpLogin | undefined {
  const user = config.authUsername;
  if (!user) return undefined;
  const problems: string[] = [];
  for (const mechanism of offered) {
    if (mechanism === 'CRAM-MD5') {
      if (config.authSecret) return { method: 'CRAM-MD5', user, pass: config.authSecret };
      problems.push('missing secret for CRAM-MD5 auth mechanism');
    } else if (mechanism === 'PLAIN' || mechanism === 'LOGIN') {
      if (config.authPassword) return { method: mechanism, user, pass: config.authPassword };
      problems.push(`missing password for ${mechanism} auth mechanism`);
    }
  }
  throw new NotifyError(problems.length > 0 ? problems.join('; ') : `unknown auth mechanism: ${offered.join(' ')}`, false, 'other');
}
