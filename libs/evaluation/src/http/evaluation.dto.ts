import { ApiProperty, ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { type Answers, STORED_ANSWERS_SCHEMA } from '@app/applications';
import { MAX_STAGES } from '@app/calls';
import { REGIONS, type Region } from '@app/identity';
import { MAX_INT32, MIN_INT32, NestedObjects, PageQueryDto, sortValues, trimmed } from '@app/platform';
import { ASSIGNMENT_STATUSES, CONFIDENCE_LEVELS, type AssignmentStatus, type Confidence } from '../domain/evaluation';
import { CONFLICT_SORT_KEYS } from '../infrastructure/panel.repository';

export class PanelRequestDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  evaluatorIds: string[];
}

export class PanelMemberDto {
  @ApiProperty({ format: 'uuid' })
  evaluatorId: string;
  displayName: string;
  email: string;
  @ApiProperty({ type: 'string', nullable: true })
  countryCode: string | null;
  @ApiProperty({ type: 'string', nullable: true })
  affiliation: string | null;
  /** Live assignments in the stage read (stage 1 unless `stage` says which). */
  load: number;
  addedAt: Date;
}

/** The panel a stage assigns from: the call's (stage 1's, and a later stage's without a panel of its own), or the stage's own. */
export class PanelDto {
  @ApiProperty({ format: 'uuid' })
  callId: string;
  /** The stage read (1 unless `stage` says which). */
  stage: number;
  /** True when the stage names a panel of its own; false when it assigns from the call's panel. */
  ownPanel: boolean;
  @ApiProperty({ type: [PanelMemberDto] })
  members: PanelMemberDto[];
}

export class DeclareConflictDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  applicationId: string;

  @Transform(trimmed)
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;

  /** The evaluator concerned; the secretariat must name one, an evaluator declares for itself. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  evaluatorId?: string;
}

export class ConflictDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  callId: string;
  @ApiProperty({ format: 'uuid' })
  evaluatorId: string;
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  reason: string;
  @ApiProperty({ enum: ['declared', 'automatic'] })
  source: 'declared' | 'automatic';
  /** Who declared it: the evaluator itself or the secretariat. */
  @ApiProperty({ format: 'uuid' })
  declaredBy: string;
  createdAt: Date;
}

export class ConflictOrganisationDto {
  name: string;
  countryCode: string;
  @ApiProperty({ enum: REGIONS })
  region: Region;
}

export class ListedConflictDto extends ConflictDto {
  /** The organisation that made the application concerned. */
  @ApiProperty({ type: ConflictOrganisationDto })
  organisation: ConflictOrganisationDto;
}

const CONFLICT_SORTS = sortValues(CONFLICT_SORT_KEYS);

export class ConflictQueryDto extends PageQueryDto {
  /** What to sort by (`createdAt` is when it was recorded), descending with a leading `-`; the oldest first by default. */
  @ApiPropertyOptional({ enum: CONFLICT_SORTS, default: 'createdAt' })
  @IsOptional()
  @IsIn(CONFLICT_SORTS)
  sort?: string;
}

export class DeclaredConflictDto extends ConflictDto {
  /** What became of the evaluator's assignment to the application, if it had one. */
  @ApiProperty({ enum: ['none', 'released', 'kept_submitted'] })
  assignment: 'none' | 'released' | 'kept_submitted';
}

export class ManualAssignmentDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  applicationId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  evaluatorId: string;

  /** The review stage to evaluate the application in; stage 1 when absent. From stage 2, only shortlisted applications. */
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_STAGES)
  stage?: number;
}

export class UnassignedDto {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  /** Evaluators still missing: fewer panel members without a conflict than the call needs. */
  missing: number;
}

export class AutoAssignmentDto {
  created: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, description: 'Load by evaluator id.' })
  assignmentsPerEvaluator: Record<string, number>;
  @ApiProperty({ type: [UnassignedDto] })
  unassigned: UnassignedDto[];
}

export class ReasonDto {
  @Transform(trimmed)
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}

/** Why the secretariat reopens an evaluation: kept in the audit trail and told to the evaluator. */
export class ReopenEvaluationDto {
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason?: string;
}

export class AssignmentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  callId: string;
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  @ApiProperty({ format: 'uuid' })
  evaluatorId: string;
  /** The review stage the evaluation is for (1 in a call of one stage). */
  stage: number;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES })
  status: AssignmentStatus;
  /** Why the slot was freed, when it was. */
  @ApiProperty({ type: 'string', nullable: true })
  endReason: string | null;
  createdAt: Date;
}

export class ReviewDocumentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  kind: string;
  filename: string;
  mimeType: string;
  size: number;
}

export class ApplicationForReviewDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** Who applied; in a blind call, its pseudonym. */
  organisationName: string;
  /**
   * In a blind call, the pseudonym (e.g. `A-017`) the application is known by, null in any other.
   * Its answers to URL, e-mail and people questions are then left out, the organisation's name, city and
   * website taken out of the others, and its documents named by position (`Document 1.pdf`).
   */
  @ApiProperty({ type: 'string', nullable: true, example: 'A-017' })
  pseudonym: string | null;
  countryCode: string;
  region: string;
  @ApiProperty(STORED_ANSWERS_SCHEMA)
  answers: Answers;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  submittedAt: Date | null;
  @ApiProperty({ type: [ReviewDocumentDto] })
  documents: ReviewDocumentDto[];
}

export class MyAssignmentDto extends AssignmentDto {
  @ApiProperty({ type: ApplicationForReviewDto })
  application: ApplicationForReviewDto;
  /** When the evaluation is due: its stage's due date, null when the stage has none. */
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  dueAt: Date | null;
  /** Due and not yet submitted (a call not yet published). */
  overdue: boolean;
}

/** The caller's unfinished assignments (assigned or draft, in calls not yet published). */
export class EvaluatorWorkloadDto {
  /** Unfinished assignments, with a due date or not. */
  open: number;
  /** Of those, the ones past their due date. */
  overdue: number;
  /** The nearest due date still ahead, if any. */
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  nextDueAt: Date | null;
}

export class MyAssignmentsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  callId?: string;
}

/** One call's, or every call's when absent. */
export class WorkloadQueryDto extends PickType(MyAssignmentsQueryDto, ['callId'] as const) {}

export class ScoreDto {
  @IsString()
  @MaxLength(40)
  criterionCode: string;

  @IsInt()
  @Min(MIN_INT32)
  @Max(MAX_INT32)
  score: number;

  @IsOptional()
  @IsString()
  @MaxLength(5000)
  comment?: string;
}

export class SaveEvaluationDto {
  @ApiProperty({ type: [ScoreDto] })
  @ArrayMaxSize(50)
  @NestedObjects(() => ScoreDto)
  scores: ScoreDto[];

  @IsOptional()
  @IsString()
  @MaxLength(20_000)
  overallComment?: string;

  /**
   * How confident the evaluator is in this evaluation. Optional, also for submission (clients that
   * predate it keep working); a draft saved without it has none.
   */
  @ApiPropertyOptional({ enum: CONFIDENCE_LEVELS })
  @IsOptional()
  @IsIn(CONFIDENCE_LEVELS)
  confidence?: Confidence;
}

export class EvaluationDto {
  @ApiProperty({ format: 'uuid' })
  assignmentId: string;
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  @ApiProperty({ format: 'uuid' })
  evaluatorId: string;
  /** The review stage the evaluation is for (1 in a call of one stage): its criteria are that stage's. */
  stage: number;
  @ApiProperty({ enum: ASSIGNMENT_STATUSES })
  status: AssignmentStatus;
  @ApiProperty({ type: [ScoreDto] })
  scores: ScoreDto[];
  @ApiProperty({ type: 'string', nullable: true })
  overallComment: string | null;
  /** How confident the evaluator is in this evaluation; null when it did not say. */
  @ApiProperty({ enum: CONFIDENCE_LEVELS, nullable: true })
  confidence: Confidence | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  submittedAt: Date | null;
  updatedAt: Date;
}
