import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { CallsModule } from '../calls.module';
import { CallsController } from './calls.controller';
import { CircularSettingsController } from './circular-settings.controller';
import { ReminderScheduleController } from './reminder-schedule.controller';

/** The calls context's HTTP edge, imported only by apps/api. */
@Module({
  // Identity: a signed-in reader's saved language (SavedLanguageInterceptor).
  imports: [CallsModule, IdentityModule],
  controllers: [CallsController, ReminderScheduleController, CircularSettingsController],
})
export class CallsHttpModule {}
