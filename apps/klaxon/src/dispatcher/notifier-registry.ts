// The integrations this process can deliver to; new ones are added in receivers/receiver-notifiers.ts.
import { Injectable } from '@nestjs/common';
import { Notifier } from '../../../../libs/notify/src';
import { ConfigStore } from '../config/config-store';
import { receiverNotifiers } from '../receivers/receiver-notifiers';

@Injectable()
export class NotifierRegistry {
  readonly all: readonly Notifier[];

  constructor(configStore: ConfigStore) {
    this.all = receiverNotifiers(configStore);
  }

  get(integration: string): Notifier | undefined {
    return this.all.find((n) => n.integration === integration);
  }
}
