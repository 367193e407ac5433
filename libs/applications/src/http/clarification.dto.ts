import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsDate, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto, asQueryArray, isoDateTime, trimmed } from '@app/platform';
import {
  ANSWER_MAX_LENGTH,
  CLARIFICATION_STATUSES,
  QUESTION_MAX_LENGTH,
  type ClarificationStatus,
} from '../domain/clarification';

export class AskClarificationDto {
  /** The question, as the applicant will read it (an evaluator's is sent only once the secretariat approves it). */
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(QUESTION_MAX_LENGTH)
  question: string;

  /** Until when the applicant may answer: in the future, within 90 days. */
  @ApiProperty({ type: 'string', format: 'date-time' })
  @Transform(isoDateTime)
  @IsDate({ message: 'replyBy must be an ISO 8601 date-time' })
  replyBy: Date;
}

/** The secretariat sends a proposal as it stands, or with its own wording or deadline. */
export class ApproveClarificationDto {
  /** The question as sent, when the secretariat rewords the evaluator's. */
  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(QUESTION_MAX_LENGTH)
  question?: string;

  /** A new reply deadline; the proposal's otherwise. */
  @ApiPropertyOptional({ type: 'string', format: 'date-time' })
  @IsOptional()
  @Transform(isoDateTime)
  @IsDate({ message: 'replyBy must be an ISO 8601 date-time' })
  replyBy?: Date;
}

export class DeclineClarificationDto {
  /** Why, for the evaluator who proposed it. */
  @Transform(trimmed)
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}

export class AnswerClarificationDto {
  /** The applicant's answer. */
  @Transform(trimmed)
  @IsString()
  @MinLength(1)
  @MaxLength(ANSWER_MAX_LENGTH)
  answer: string;
}

export class AnswerClarificationFormDto extends AnswerClarificationDto {
  @ApiPropertyOptional({
    type: 'string',
    format: 'binary',
    description: 'One document supporting the answer: PDF, DOCX, XLSX, PNG or JPEG; 10 MiB at most.',
  })
  file?: unknown;
}

export class ClarificationListQueryDto extends PageQueryDto {
  /** Only requests in these statuses (repeat the parameter for several: `status=proposed&status=expired`). */
  @ApiPropertyOptional({ enum: CLARIFICATION_STATUSES, isArray: true })
  @IsOptional()
  @Transform(asQueryArray)
  @ArrayMaxSize(CLARIFICATION_STATUSES.length)
  @IsIn(CLARIFICATION_STATUSES, { each: true })
  status?: ClarificationStatus[];
}

export class ClarificationPersonDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  displayName: string;
}

export class ClarificationDocumentDto {
  filename: string;
  mimeType: string;
  size: number;
  /** Hex SHA-256 of the bytes as received. */
  sha256: string;
}

export class ClarificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  @ApiProperty({ format: 'uuid' })
  callId: string;
  /** `expired`: sent, not answered, and past its reply deadline. */
  @ApiProperty({ enum: CLARIFICATION_STATUSES })
  status: ClarificationStatus;
  /** As sent to the applicant (or as proposed, until sent). */
  question: string;
  /** The evaluator's wording, when it proposed the question; not shown to the applicant. */
  @ApiProperty({ type: String, nullable: true })
  proposedQuestion: string | null;
  replyBy: Date;
  /** The evaluator who proposed it; not shown to the applicant. */
  @ApiProperty({ type: ClarificationPersonDto, nullable: true })
  proposedBy: ClarificationPersonDto | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  proposedAt: Date | null;
  @ApiProperty({ type: ClarificationPersonDto, nullable: true })
  sentBy: ClarificationPersonDto | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  sentAt: Date | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  declinedAt: Date | null;
  @ApiProperty({ type: String, nullable: true })
  declineReason: string | null;
  @ApiProperty({ type: String, nullable: true })
  answer: string | null;
  @ApiProperty({ type: ClarificationPersonDto, nullable: true })
  answeredBy: ClarificationPersonDto | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  answeredAt: Date | null;
  /** The answer's document, downloaded from `GET /clarifications/{id}/document`. */
  @ApiProperty({ type: ClarificationDocumentDto, nullable: true })
  document: ClarificationDocumentDto | null;
  createdAt: Date;
}

export class ClarificationOrganisationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  name: string;
}

/** A request in a call's list, with the organisation it is put to. */
export class CallClarificationDto extends ClarificationDto {
  organisation: ClarificationOrganisationDto;
}
