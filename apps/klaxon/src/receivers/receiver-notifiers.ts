// Every integration Klaxon delivers to, rendering with the given templates. The dispatcher's
// NotifierRegistry and the receiver test use the same list.
import { EmailNotifier, Notifier, OpsgenieNotifier, PagerdutyNotifier, TemplateSource, WebhookNotifier } from '../../../../libs/notify/src';

export function receiverNotifiers(templates: TemplateSource): Notifier[] {
  return [new WebhookNotifier(), new EmailNotifier(templates), new PagerdutyNotifier(templates), new OpsgenieNotifier(templates)];
}
