import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, Max, Min } from 'class-validator';
import { REMINDER_LIMITS } from '../domain/reminder-schedule';

/** A list of at most five whole offsets from 1 to `max`, documented with an example; `nullable`: optional, null too. */
export function Offsets(max: number, example: number[], { nullable = false } = {}) {
  return applyDecorators(
    ...(nullable
      ? [ApiPropertyOptional({ type: [Number], example, maxItems: REMINDER_LIMITS.maxOffsets, nullable }), IsOptional()]
      : [ApiProperty({ type: [Number], example, maxItems: REMINDER_LIMITS.maxOffsets })]),
    IsArray(),
    ArrayMaxSize(REMINDER_LIMITS.maxOffsets),
    IsInt({ each: true }),
    Min(1, { each: true }),
    Max(max, { each: true }),
  );
}

/**
 * When the call's automatic reminders go out; an empty list sends none of that kind. Defaults:
 * evaluators 7 and 1 days before and 1 and 3 days after their stage's due date, applicants 72 and
 * 24 hours before the deadline.
 */
export class ReminderScheduleDto {
  /** Days before a stage's evaluation due date when evaluators with unfinished assignments are reminded. */
  @Offsets(REMINDER_LIMITS.maxDays, [7, 1])
  evaluatorDaysBefore: number[];

  /** Days after the due date when those still unfinished are reminded that they are overdue. */
  @Offsets(REMINDER_LIMITS.maxDays, [1, 3])
  evaluatorDaysAfter: number[];

  /** Hours before the call's deadline when the applicants of drafts not yet submitted are reminded. */
  @Offsets(REMINDER_LIMITS.maxHours, [72, 24])
  applicantHoursBefore: number[];
}
