import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { trimmed } from '@app/platform';
import { AMENDMENT_KINDS } from '../domain/cohort-amendment';
import { DECLINE_REASON_MIN, OFFER_STATUSES, WITHDRAWAL_REASON_MIN } from '../domain/offer';
import { REGION_ORDER } from '../domain/public-cohort';
import { PublicCohortCallDto, PublicCohortMemberDto, PublicCohortStatisticsDto } from './cohort.dto';
import { PublicCohortLotteryDto } from './lottery.dto';

export class DeclineOfferDto {
  /** Why the centre declines, for the secretariat; it is not published. */
  @Transform(trimmed)
  @IsString()
  @MinLength(DECLINE_REASON_MIN)
  @MaxLength(2000)
  reason: string;
}

/** A selected centre's offer: accepted or declined once, before `respondBy`; expired when unanswered by then. */
export class OfferDto {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  @ApiProperty({ format: 'uuid' })
  cohortId: string;
  @ApiProperty({ enum: OFFER_STATUSES })
  status: string;
  /** The centre as the published list names it. */
  @ApiProperty({ type: PublicCohortMemberDto })
  centre: PublicCohortMemberDto;
  @ApiProperty({ type: 'string', format: 'date-time' })
  offeredAt: string;
  @ApiProperty({ type: 'string', format: 'date-time' })
  respondBy: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  respondedAt: string | null;
  @ApiProperty({ type: 'string', nullable: true })
  declineReason: string | null;
}

/**
 * A change to a published cohort. `hash` is the SHA-256 (hex) of the rest in canonical JSON, and
 * `previousHash` the hash of what it amends: the published document's contentHash for the first.
 */
export class CohortAmendmentDto {
  @ApiProperty({ format: 'uuid' })
  cohortId: string;
  /** 1, 2, 3, … from the publication on. */
  sequence: number;
  @ApiProperty({ enum: AMENDMENT_KINDS })
  kind: string;
  @ApiProperty({ type: 'string', format: 'date-time' })
  at: string;
  /** The centre the change concerns. */
  @ApiProperty({ type: PublicCohortMemberDto })
  centre: PublicCohortMemberDto;
  previousHash: string;
  /** The members after the change. */
  @ApiProperty({ type: [PublicCohortMemberDto] })
  members: PublicCohortMemberDto[];
  /** Why the secretariat withdrew the centre; present on a withdrawal only (and covered by the hash). */
  @ApiProperty({ required: false })
  reason?: string;
  hash: string;
}

/** The published cohort's list as it stands after its amendments; the published document is unchanged. */
export class CurrentCohortDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ type: PublicCohortCallDto })
  call: PublicCohortCallDto;
  @ApiProperty({ type: 'string', format: 'date-time' })
  publishedAt: string;
  /** The published document's hash, where the chain of amendments starts. */
  contentHash: string;
  /** How many amendments the list has had. */
  amendments: number;
  /** The hash the list now stands at: the last amendment's, or contentHash when there is none. */
  hash: string;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  amendedAt: string | null;
  @ApiProperty({ type: [PublicCohortMemberDto] })
  members: PublicCohortMemberDto[];
  /** As published, with `selected` the current number of members. */
  @ApiProperty({ type: PublicCohortStatisticsDto })
  statistics: PublicCohortStatisticsDto;
  /** As published, when the seats at the line were drawn by lot. */
  @ApiProperty({ type: PublicCohortLotteryDto, required: false })
  lottery?: PublicCohortLotteryDto;
}

/** A candidate for a freed seat, as the ranking placed it. */
export class ReplacementEntryDto {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  rank: number;
  @ApiProperty({ type: 'number', nullable: true })
  score: number | null;
  organisationName: string;
  countryCode: string;
  @ApiProperty({ enum: REGION_ORDER })
  region: string;
}

export class PassedOverEntryDto extends ReplacementEntryDto {
  @ApiProperty({ enum: ['COUNTRY_CAP', 'REGION_CAP', 'SEAT_RESERVED_FOR_REGION'] })
  reason: string;
}

/**
 * The best replacement for a freed seat with the centres whose offers stand held fixed, and why each
 * better-ranked candidate is passed over.
 */
export class ReplacementDto {
  /** Seats not held by a centre whose offer is open or accepted. */
  freeSeats: number;
  @ApiProperty({ type: ReplacementEntryDto, nullable: true })
  proposed: ReplacementEntryDto | null;
  @ApiProperty({ type: [PassedOverEntryDto] })
  passedOver: PassedOverEntryDto[];
}

export class PromoteDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  applicationId: string;

  /** Required (5 characters or more) when the centre is not the proposed one; kept in the audit trail. */
  @IsOptional()
  @Transform(trimmed)
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class WithdrawDto {
  /** The application of a centre on the current list (its offer open or accepted). */
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  applicationId: string;

  /** Why the secretariat withdraws the centre: published in the amendment, and e-mailed to the centre. */
  @Transform(trimmed)
  @IsString()
  @MinLength(WITHDRAWAL_REASON_MIN)
  @MaxLength(2000)
  reason: string;
}
