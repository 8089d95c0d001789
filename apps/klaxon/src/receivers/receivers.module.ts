// Klaxon's receiver features beyond Alertmanager: the notification history and receiver tests.
// DeliveryHistory is exported for the delivery worker, which records every job's outcome with it.
import { Module } from '@nestjs/common';
import { DeliveryHistory } from './delivery-history';
import { NotificationsController } from './notifications.controller';
import { ReceiverTestController } from './receiver-test.controller';
import { ReceiverTestService } from './receiver-test.service';

@Module({
  controllers: [NotificationsController, ReceiverTestController],
  providers: [DeliveryHistory, ReceiverTestService],
  exports: [DeliveryHistory],
})
export class ReceiversModule {}
