import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
} from 'class-validator';
import { StageQueryDto } from '@app/calls';
import { PageQueryDto, asQueryArray, trimmed } from '@app/platform';
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '../domain/evaluation';
import { AssignmentDto } from './evaluation.dto';

export class ProgressEvaluatorDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  displayName: string;
  email: string;
  /** A deactivated evaluator keeps its work but is given nothing new. */
  active: boolean;
}

/** A page of the panel's progress in a stage (stage 1 unless `stage` says which). */
export class PanelProgressQueryDto extends IntersectionType(PageQueryDto, StageQueryDto) {}

/** One panel member's assignments in the call's stage, counted by status. */
export class EvaluatorProgressDto {
  @ApiProperty({ type: ProgressEvaluatorDto })
  evaluator: ProgressEvaluatorDto;
  assigned: number;
  draft: number;
  submitted: number;
  declined: number;
  released: number;
  /** Submitted evaluations. */
  done: number;
  /** Live assignments: assigned, draft or submitted. */
  total: number;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  lastRemindedAt: Date | null;
}

export class EvaluatorIdsDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  evaluatorIds: string[];
}

/** The evaluators to remind, and what the secretariat adds to the reminder, if anything. */
export class ReminderRequestDto extends EvaluatorIdsDto {
  /** Shown in the reminder (in-app and e-mail) as written, whatever the recipient's language. */
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  message?: string;
}

export class RemindedEvaluatorDto {
  @ApiProperty({ format: 'uuid' })
  evaluatorId: string;
  /** Evaluations it has left to submit, as the reminder told it. */
  open: number;
}

export class SkippedReminderDto {
  @ApiProperty({ format: 'uuid' })
  evaluatorId: string;
  @ApiProperty({ enum: ['NOTHING_TO_EVALUATE', 'ALREADY_REMINDED_TODAY'] })
  reason: 'NOTHING_TO_EVALUATE' | 'ALREADY_REMINDED_TODAY';
}

export class ReminderReportDto {
  @ApiProperty({ type: [RemindedEvaluatorDto] })
  reminded: RemindedEvaluatorDto[];
  @ApiProperty({ type: [SkippedReminderDto] })
  skipped: SkippedReminderDto[];
}

export class CallAssignmentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  evaluatorId?: string;

  /** Only assignments in these statuses (repeat the parameter for several). */
  @ApiPropertyOptional({ enum: ASSIGNMENT_STATUSES, isArray: true })
  @IsOptional()
  @Transform(asQueryArray)
  @IsIn(ASSIGNMENT_STATUSES, { each: true })
  status?: AssignmentStatus[];
}

export class CallAssignmentDto extends AssignmentDto {
  /** The applicant organisation's name. */
  organisationName: string;
  /** The evaluator's affinity for the application (0–1) when the automatic assignment made the pair; else null. */
  @ApiProperty({ type: Number, nullable: true })
  affinity: number | null;
}

export class ReassignmentRequestDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  assignmentIds: string[];

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  toEvaluatorId: string;

  @Transform(trimmed)
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}

export class ReassignmentDto {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  @ApiProperty({ format: 'uuid' })
  fromAssignmentId: string;
  @ApiProperty({ format: 'uuid' })
  fromEvaluatorId: string;
  @ApiProperty({ format: 'uuid' })
  toAssignmentId: string;
}

export class ReassignmentReportDto {
  @ApiProperty({ type: [ReassignmentDto] })
  items: ReassignmentDto[];
}

class HistoryActorDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  displayName: string;
}

/** One change to an application or to one of its assignments. */
export class ApplicationHistoryEntryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  occurredAt: Date;
  /** e.g. `application.submitted`, `evaluation.reopened`. */
  action: string;
  /** `application` or `assignment`. */
  entityType: string;
  @ApiProperty({ format: 'uuid' })
  entityId: string;
  /** Null when the platform itself made the change. */
  @ApiProperty({ type: HistoryActorDto, nullable: true })
  actor: HistoryActorDto | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  before: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  after: Record<string, unknown> | null;
}
