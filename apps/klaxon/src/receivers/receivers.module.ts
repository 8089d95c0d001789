// Klaxon's receiver features beyond Alertmanager: the notification history and receiver tests.
// DeliveryHistory and DeliveryRateLimiter are exported for the delivery worker (see docs/receivers.md).
import { Module } from '@nestjs/common';
import { DeliveryHistory } from './delivery-history';
import { DeliveryRateLimiter } from './delivery-rate-limiter';
import { NotificationsController } from './notifications.controller';
import { ReceiverTestController } from './receiver-test.controller';
import { ReceiverTestService } from './receiver-test.service';

@Module({
  controllers: [NotificationsController, ReceiverTestController],
  providers: [DeliveryHistory, DeliveryRateLimiter, ReceiverTestService],
  exports: [DeliveryHistory, DeliveryRateLimiter],
})
export class ReceiversModule {}
