import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions, IntersectionType, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { CALL_STATUSES, type CallStatus } from '@app/calls';
import { REGIONS, Region } from '@app/identity';
import { ExportFormatQueryDto, PageQueryDto, SearchTermField, sortValues, trimmed } from '@app/platform';
import {
  APPLICATION_OUTCOMES,
  APPLICATION_STATUSES,
  type AnswerValue,
  type ApplicationOutcome,
  type ApplicationStatus,
} from '../domain/application';
import {
  APPLICATION_LIST_SORT_KEYS,
  ELIGIBILITY_FILTERS,
  EligibilityFilter,
} from '../infrastructure/application-list.repository';
import { STORED_ANSWERS_SCHEMA, answerValueSchema } from './answers.schema';

const APPLICATION_LIST_SORTS = sortValues(APPLICATION_LIST_SORT_KEYS);

const answersSchema: ApiPropertyOptions = {
  ...STORED_ANSWERS_SCHEMA,
  example: { programme_description: 'We run a 6-month programme…', cohorts_per_year: 2 },
};

export class CreateApplicationDto {
  @ApiPropertyOptional({
    ...answersSchema,
    additionalProperties: answerValueSchema(false),
    description: 'Answers by question key; may be partial.',
  } as ApiPropertyOptions)
  @IsOptional()
  @IsObject()
  answers?: Record<string, AnswerValue>;
}

export class UpdateApplicationDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: { ...answerValueSchema(false), nullable: true },
    description: 'Answers to merge into the draft by question key; null removes an answer.',
  })
  @IsObject()
  answers: Record<string, AnswerValue | null>;
}

export class UploadDocumentDto {
  @ApiProperty({ example: 'statutes', description: 'What the document is, e.g. a kind the call requires.' })
  @Matches(/^[a-z0-9_-]{1,50}$/, { message: 'kind must be 1–50 lower-case letters, digits, _ or -' })
  kind: string;
}

export class UploadDocumentFormDto extends UploadDocumentDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'PDF, DOCX, XLSX, PNG or JPEG; 10 MiB at most.' })
  file: unknown;
}

export class EligibilityDecisionDto {
  @IsBoolean()
  eligible: boolean;

  @Transform(trimmed)
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}

export const REPLY_DECISIONS = ['confirmed', 'declined'] as const;

/** The secretariat's decision on a reply to a registration call. */
export class ReplyDecisionRequestDto {
  @ApiProperty({ enum: REPLY_DECISIONS })
  @IsIn(REPLY_DECISIONS)
  decision: (typeof REPLY_DECISIONS)[number];

  /** Why: sent to the member who submitted the reply and kept. */
  @Transform(trimmed)
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}

/** The sessions a reply asks for, most wanted first; replaces those asked before. */
export class SessionPreferencesDto {
  @IsArray()
  @ArrayMaxSize(50)
  @ArrayUnique()
  @Matches(/^[a-z][a-z0-9_]{0,59}$/, { each: true, message: 'each session key must be lower_snake_case' })
  sessionKeys: string[];
}

export class ReplyDecisionDto {
  @ApiProperty({ enum: REPLY_DECISIONS })
  decision: (typeof REPLY_DECISIONS)[number];
  reason: string;
  @ApiProperty({ type: 'string', format: 'date-time' })
  decidedAt: string;
}

export class ApplicationListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  status?: ApplicationStatus;

  @IsOptional()
  @Matches(/^[A-Z]{2}$/, { message: 'countryCode must be an ISO 3166-1 alpha-2 code (upper case)' })
  countryCode?: string;

  @ApiPropertyOptional({ enum: REGIONS })
  @IsOptional()
  @IsIn(REGIONS)
  region?: Region;

  /** The eligibility in force (the secretariat's decision, else the computed one); drafts have none. */
  @ApiPropertyOptional({ enum: ELIGIBILITY_FILTERS })
  @IsOptional()
  @IsIn(ELIGIBILITY_FILTERS)
  eligibility?: EligibilityFilter;

  /** Part of the organisation's name or city, in any case. */
  @SearchTermField()
  search?: string;

  /** What to sort by, descending with a leading `-` (unsubmitted ones last either way); by creation by default. */
  @ApiPropertyOptional({ enum: APPLICATION_LIST_SORTS, default: 'createdAt' })
  @IsOptional()
  @IsIn(APPLICATION_LIST_SORTS)
  sort?: string;
}

/** The list's filters and order, without paging: an export holds every application they find. */
export class ApplicationExportQueryDto extends IntersectionType(
  OmitType(ApplicationListQueryDto, ['limit', 'offset'] as const),
  ExportFormatQueryDto,
) {}

export class EligibilityReasonDto {
  /** e.g. COUNTRY_NOT_ELIGIBLE, ORGANISATION_TYPE_NOT_ELIGIBLE, SECRETARIAT_DECISION. */
  code: string;
  message: string;
}

export class EligibilityDto {
  eligible: boolean;
  @ApiProperty({ type: [EligibilityReasonDto] })
  reasons: EligibilityReasonDto[];
  /** True when the secretariat decided it, overriding the rules. */
  overridden: boolean;
}

/** The member of the applicant organisation who submitted the application. */
export class SubmitterDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  displayName: string;
}

export class DocumentDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  kind: string;
  filename: string;
  size: number;
  /** Hex SHA-256 of the bytes as received. */
  sha256: string;
  mimeType: string;
  createdAt: Date;
}

/** What an application's reader needs of its call, whatever the call's status. */
export class ApplicationCallDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  reference: string;
  title: string;
  @ApiProperty({ enum: CALL_STATUSES })
  status: CallStatus;
  @ApiProperty({ type: 'string', format: 'date-time' })
  closesAt: Date;
}

/** What one criterion's evaluators said, anonymously. */
export class CriterionFeedbackDto {
  code: string;
  title: string;
  weight: number;
  /** The mean of the submitted scores on this criterion. */
  meanScore: number;
  @ApiProperty({ type: [String] })
  comments: string[];
}

/** Released at publication: the final score and rank, each criterion's mean and comments, the overall comments. */
export class ApplicationFeedbackDto {
  @ApiProperty({ type: 'number', nullable: true })
  score: number | null;
  @ApiProperty({ type: 'integer', nullable: true })
  rank: number | null;
  evaluationCount: number;
  @ApiProperty({ type: [CriterionFeedbackDto] })
  criteria: CriterionFeedbackDto[];
  @ApiProperty({ type: [String] })
  comments: string[];
}

export class ApplicationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  callId: string;
  @ApiProperty({ type: ApplicationCallDto })
  call: ApplicationCallDto;
  @ApiProperty({ format: 'uuid' })
  organisationId: string;
  countryCode: string;
  @ApiProperty({ enum: REGIONS })
  region: Region;
  @ApiProperty({ enum: APPLICATION_STATUSES })
  status: ApplicationStatus;
  /** Once the call's cohort is published, whether the application was selected, waitlisted or not. */
  @ApiProperty({ enum: APPLICATION_OUTCOMES, nullable: true })
  outcome: ApplicationOutcome | null;
  /** Once the call's cohort is published, what the evaluations said (who said it is never released). */
  @ApiProperty({ type: ApplicationFeedbackDto, nullable: true })
  feedback: ApplicationFeedbackDto | null;
  /** Send it back in If-Match to change the draft. */
  version: number;
  @ApiProperty(answersSchema)
  answers: Record<string, AnswerValue>;
  @ApiProperty({ type: EligibilityDto, nullable: true })
  eligibility: EligibilityDto | null;
  /** A reply to a registration call: the secretariat's decision and its reason, once given. */
  @ApiPropertyOptional({ type: ReplyDecisionDto, nullable: true })
  replyDecision?: ReplyDecisionDto | null;
  /** A reply to a registration call with sessions: the sessions it asks for, most wanted first. */
  @ApiPropertyOptional({ type: [String] })
  sessionPreferences?: string[];
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  submittedAt: Date | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  withdrawnAt: Date | null;
  @ApiProperty({ type: [DocumentDto] })
  documents: DocumentDto[];
  createdAt: Date;
  updatedAt: Date;
  /**
   * In the read of one application: the member who submitted it, null before its submission (and
   * always to an evaluator of a blind call).
   */
  @ApiPropertyOptional({ type: SubmitterDto, nullable: true })
  submittedBy?: SubmitterDto | null;
  /**
   * In the read of one application of a blind call, to its evaluators and the secretariat: the
   * pseudonym (e.g. `A-017`) evaluators know it by. They then read neither the answers to URL,
   * e-mail and people questions nor the organisation's name, city or website in the others, and its documents
   * are named by position (`Document 1.pdf`).
   */
  @ApiPropertyOptional({ example: 'A-017' })
  pseudonym?: string;
}

export class ApplicantOrganisationDto {
  name: string;
  @ApiProperty({ type: 'string', nullable: true })
  city: string | null;
}

/** An application in its call's list, with who applied. */
export class CallApplicationDto extends ApplicationDto {
  @ApiProperty({ type: ApplicantOrganisationDto })
  organisation: ApplicantOrganisationDto;
}
