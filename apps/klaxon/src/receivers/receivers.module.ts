// Klaxon's receiver features beyond Alertmanager (role `api`): the notification history and receiver
// tests, with the OpenAPI document of /api/klaxon/v1.
import { Module } from '@nestjs/common';
import { DeliveryRecordingModule } from './delivery-recording.module';
import { NotificationsController } from './notifications.controller';
import { ReceiverTestController } from './receiver-test.controller';
import { ReceiverTestService } from './receiver-test.service';

@Module({
  imports: [DeliveryRecordingModule],
  controllers: [NotificationsController, ReceiverTestController],
  providers: [ReceiverTestService],
})
export class ReceiversModule {}
