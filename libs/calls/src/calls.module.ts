import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { CallsService } from './application/calls.service';
import { CircularSettingsService } from './application/circular-settings.service';
import { ReminderScheduleService } from './application/reminder-schedule.service';
import { CallEntity, CallStageEntity, CriterionEntity, QuestionEntity } from './infrastructure/call.entities';
import { CallsRepository } from './infrastructure/calls.repository';
import { CircularSettingsRepository } from './infrastructure/circular-settings.repository';
import { ReminderScheduleRepository } from './infrastructure/reminder-schedule.repository';

@Module({
  imports: [TypeOrmModule.forFeature([CallEntity, CriterionEntity, QuestionEntity, CallStageEntity]), AuditModule],
  providers: [
    CallsService,
    CallsRepository,
    ReminderScheduleService,
    ReminderScheduleRepository,
    CircularSettingsService,
    CircularSettingsRepository,
  ],
  exports: [CallsService, ReminderScheduleService, CircularSettingsService],
})
export class CallsModule {}
