// The integrations this process can deliver to; new ones are added here.
import { Injectable } from '@nestjs/common';
import { Notifier, WebhookNotifier } from '../../../../libs/notify/src';

@Injectable()
export class NotifierRegistry {
  readonly all: readonly Notifier[] = [new WebhookNotifier()];

  get(integration: string): Notifier | undefined {
    return this.all.find((n) => n.integration === integration);
  }
}
