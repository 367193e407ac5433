import { Body, Controller, Get, Param, ParseUUIDPipe, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Staff } from '@app/platform';
import { ReminderScheduleService } from '../application/reminder-schedule.service';
import { ReminderScheduleDto } from './reminder-schedule.dto';

const ID = new ParseUUIDPipe();

/** When a call reminds its evaluators of their due dates and its applicants of their drafts. */
@ApiTags('calls')
@Controller('calls/:id/reminder-schedule')
export class ReminderScheduleController {
  constructor(private readonly schedules: ReminderScheduleService) {}

  @Get()
  @Staff()
  @ApiOkResponse({ type: ReminderScheduleDto })
  get(@Param('id', ID) callId: string): Promise<ReminderScheduleDto> {
    return this.schedules.get(callId);
  }

  /** Replaces the schedule until publication (409 COHORT_PUBLISHED after); each list is kept furthest first. */
  @Put()
  @Staff()
  @ApiOkResponse({ type: ReminderScheduleDto })
  replace(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Body() body: ReminderScheduleDto,
  ): Promise<ReminderScheduleDto> {
    return this.schedules.replace(actor, callId, body);
  }
}
