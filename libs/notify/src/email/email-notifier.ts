// email_configs (reference 2.5, 3.14): renders the message with the receiver's templates and delivers
// it over SMTP.
import type { EmailConfig, ReceiverConfig } from '../../../config/src';
import { Notification, Notifier } from '../notifier';
import { FieldRenderer } from '../templating/field-renderer';
import type { TemplateSource } from '../templating/template-source';
import { buildEmailMessage } from './email-message';
import { deliverBySmtp } from './smtp-delivery';

export class EmailNotifier implements Notifier<EmailConfig> {
  readonly integration = 'email';

  constructor(private readonly templates: TemplateSource) {}

  configs(receiver: ReceiverConfig): readonly EmailConfig[] {
    return receiver.emailConfigs;
  }

  sendResolved(config: EmailConfig): boolean {
    return config.sendResolved;
  }

  async send(config: EmailConfig, n: Notification, signal: AbortSignal): Promise<void> {
    const message = buildEmailMessage(config, new FieldRenderer(this.templates.current(), n));
    await deliverBySmtp(config, message, signal);
  }
}
