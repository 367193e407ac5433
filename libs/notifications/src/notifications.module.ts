import { Module } from '@nestjs/common';
import { Subscriptions } from '@app/platform';
import { NotificationsService } from './application/notifications.service';
import { NotificationsRepository } from './infrastructure/notifications.repository';
import { NOTIFICATIONS_QUEUE_JOBS } from './jobs/notifications.jobs';

/** Notifications, for the contexts that notify (inside their transactions) and for the HTTP edge. */
@Module({
  imports: [Subscriptions.declare(NOTIFICATIONS_QUEUE_JOBS)],
  providers: [NotificationsService, NotificationsRepository],
  exports: [NotificationsService],
})
export class NotificationsModule {}
