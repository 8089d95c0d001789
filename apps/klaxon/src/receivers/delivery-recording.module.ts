// What the delivery worker needs from the receiver parts, without any HTTP endpoint: the notification
// history recorder and the shared rate limiter. Imported by ReceiversModule (role `api`) and meant for
// DispatcherModule (role `worker`).
import { Module } from '@nestjs/common';
import { DeliveryHistory } from './delivery-history';
import { DeliveryRateLimiter } from './delivery-rate-limiter';

@Module({
  providers: [DeliveryHistory, DeliveryRateLimiter],
  exports: [DeliveryHistory, DeliveryRateLimiter],
})
export class DeliveryRecordingModule {}
