import { Module } from '@nestjs/common';
import { NotificationsService } from './application/notifications.service';
import { NotificationsRepository } from './infrastructure/notifications.repository';

/** Notifications, for the contexts that notify (inside their transactions) and for the HTTP edge. */
@Module({
  providers: [NotificationsService, NotificationsRepository],
  exports: [NotificationsService],
})
export class NotificationsModule {}
