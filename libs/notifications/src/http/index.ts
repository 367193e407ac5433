import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications.module';
import { NotificationsController } from './notifications.controller';

/** The notifications context's HTTP edge, imported only by apps/api. */
@Module({ imports: [NotificationsModule], controllers: [NotificationsController] })
export class NotificationsHttpModule {}
