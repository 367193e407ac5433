import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';
import { REMINDER_OUTCOMES, type ReminderOutcome } from '../domain/bulk-actions';
import { EligibilityDecisionDto } from './application.dto';

/** A bulk action names at most a page of the list's applications. */
export const MAX_BULK_APPLICATIONS = 500;

export class BulkApplicationsDto {
  /** Applications of the call in the path; repeated ids count once. */
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: MAX_BULK_APPLICATIONS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_APPLICATIONS)
  @IsUUID('all', { each: true })
  applicationIds: string[];
}

export class BulkEligibilityDecisionDto extends EligibilityDecisionDto {
  /** Submitted applications of the call in the path; repeated ids count once. */
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: MAX_BULK_APPLICATIONS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_APPLICATIONS)
  @IsUUID('all', { each: true })
  applicationIds: string[];
}

export class BulkEligibilityResultDto {
  /** How many applications took the decision: every one named. */
  decided: number;
  @ApiProperty({ type: [String], format: 'uuid' })
  applicationIds: string[];
}

export class ReminderResultDto {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  /** `already_reminded_today`: its applicant was reminded earlier today (UTC); `not_draft`: submitted or withdrawn. */
  @ApiProperty({ enum: REMINDER_OUTCOMES })
  outcome: ReminderOutcome;
}

export class RemindersResultDto {
  /** How many applicants were reminded now. */
  reminded: number;
  /** Each application named, in the order named. */
  @ApiProperty({ type: [ReminderResultDto] })
  items: ReminderResultDto[];
}
