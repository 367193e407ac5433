import { Module } from '@nestjs/common';
import { CallsModule } from '../calls.module';
import { CallsController } from './calls.controller';
import { CircularSettingsController } from './circular-settings.controller';
import { ReminderScheduleController } from './reminder-schedule.controller';

/** The calls context's HTTP edge, imported only by apps/api. */
@Module({
  imports: [CallsModule],
  controllers: [CallsController, ReminderScheduleController, CircularSettingsController],
})
export class CallsHttpModule {}
