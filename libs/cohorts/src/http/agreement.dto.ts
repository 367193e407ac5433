import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { trimmed } from '@app/platform';
import { AGREEMENT_STATUSES, AGREEMENT_TERMS_MAX, AGREEMENT_TERMS_MIN, RETURN_REASON_MIN } from '../domain/agreement';
import { REGION_ORDER } from '../domain/public-cohort';
import { PublicCohortCallDto, PublicCohortMemberDto } from './cohort.dto';

export class WriteAgreementTermsDto {
  /** The terms of the call's cooperation agreements, as they will read in each agreement issued from now on. */
  @Transform(trimmed)
  @IsString()
  @MinLength(AGREEMENT_TERMS_MIN)
  @MaxLength(AGREEMENT_TERMS_MAX)
  terms: string;
}

export class AgreementTermsDto {
  @ApiProperty({ format: 'uuid' })
  callId: string;
  terms: string;
  @ApiProperty({ type: 'string', format: 'date-time' })
  updatedAt: string;
}

export class ReturnAgreementDto {
  /** What the centre must correct in its signed copy; it is sent to the centre. */
  @Transform(trimmed)
  @IsString()
  @MinLength(RETURN_REASON_MIN)
  @MaxLength(2000)
  reason: string;
}

export class SignedCopyFormDto {
  /** The agreement signed by the centre, as a PDF of at most 10 MiB. */
  @ApiProperty({ type: 'string', format: 'binary' })
  file: unknown;
}

export class SignedCopyDto {
  filename: string;
  size: number;
  /** SHA-256 (hex) of the bytes as uploaded. */
  sha256: string;
  @ApiProperty({ type: 'string', format: 'date-time' })
  uploadedAt: string;
}

/**
 * A cooperation agreement with a centre that accepted its place: issued → signed (the centre's
 * copy) → countersigned (the secretariat's), or back to issued when the secretariat returns the copy.
 */
export class AgreementDto {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  @ApiProperty({ format: 'uuid' })
  cohortId: string;
  @ApiProperty({ enum: AGREEMENT_STATUSES })
  status: string;
  /** The centre as the agreement names it. */
  @ApiProperty({ type: PublicCohortMemberDto })
  centre: PublicCohortMemberDto;
  @ApiProperty({ type: PublicCohortCallDto })
  call: PublicCohortCallDto;
  /** The terms as issued. */
  terms: string;
  @ApiProperty({ type: 'string', format: 'date-time' })
  issuedAt: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  signedAt: string | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  countersignedAt: string | null;
  /** Why the secretariat returned the last signed copy, while the agreement waits for another. */
  @ApiProperty({ type: 'string', nullable: true })
  returnReason: string | null;
  @ApiProperty({ type: SignedCopyDto, nullable: true })
  signedCopy: SignedCopyDto | null;
  /** The secretariat withdrew the centre from the cohort: the agreement is void and moves no more. */
  centreWithdrawn: boolean;
}

export class IssuedAgreementsDto {
  /** The applications issued an agreement now: those of accepted centres that had none. */
  @ApiProperty({ type: [String], format: 'uuid' })
  issued: string[];
}

/** A centre of the network: its cooperation agreement is countersigned. */
export class DirectoryEntryDto {
  name: string;
  @ApiProperty({ type: 'string', nullable: true })
  city: string | null;
  countryCode: string;
  countryName: string;
  @ApiProperty({ enum: REGION_ORDER })
  region: string;
  /** The call the centre was selected by. */
  @ApiProperty({ type: PublicCohortCallDto })
  call: PublicCohortCallDto;
  /** When the agreement was countersigned. */
  @ApiProperty({ type: 'string', format: 'date-time' })
  since: string;
}
