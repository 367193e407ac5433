import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  Max,
  Min,
  MinLength,
} from 'class-validator';
import { SelectionConstraintsDto } from '@app/calls';
import { REGIONS } from '@app/identity';
import { MAX_INT32, PageQueryDto, sortValues, trimmed } from '@app/platform';
import { ANNEX_LOCALES, type AnnexLocale } from '../annex/annex-i18n';
import { COHORT_STATUSES } from '../domain/cohort-lifecycle';
import { COHORT_SORT_KEYS } from '../infrastructure/cohorts.repository';
import { REGION_ORDER } from '../domain/public-cohort';
import { PublicCohortLotteryDto } from './lottery.dto';

/** A proposal's constraints; each one left out is the call's (API.md "Cohorts"). */
export class ProposeCohortDto extends SelectionConstraintsDto {
  /** Seats in the cohort; the call's cohortSize when absent. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_INT32)
  size?: number;
}

export class AmendCohortDto {
  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  add?: string[];

  @ApiPropertyOptional({ type: [String], format: 'uuid' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  remove?: string[];

  /** Why, in words the audit trail and the applicants' feedback can carry. */
  @Transform(trimmed)
  @IsString()
  @MinLength(5)
  @MaxLength(2000)
  reason: string;
}

const COHORT_SORTS = sortValues(COHORT_SORT_KEYS);

export class CohortListQueryDto extends PageQueryDto {
  /** What to sort by (`memberCount` is the seats taken), descending with a leading `-`; the newest first by default. */
  @ApiPropertyOptional({ enum: COHORT_SORTS, default: '-createdAt' })
  @IsOptional()
  @IsIn(COHORT_SORTS)
  sort?: string;
}

export class AnnexQueryDto {
  @ApiPropertyOptional({ enum: ANNEX_LOCALES, default: 'en' })
  @IsOptional()
  @IsIn(ANNEX_LOCALES)
  lang: AnnexLocale = 'en';
}

export class EntryOrganisationDto {
  name: string;
  @ApiProperty({ type: 'string', nullable: true })
  city: string | null;
  countryCode: string;
  @ApiProperty({ enum: REGIONS })
  region: string;
}

/** The 90% interval of a rank over the bootstrap's replicates. */
export class CandidateRankIntervalDto {
  @ApiProperty({ type: 'integer', minimum: 1 })
  lower: number;
  @ApiProperty({ type: 'integer', minimum: 1 })
  upper: number;
}

/**
 * How sure the final ranking is of a candidate, in the shape of a stage ranking's `uncertainty`: from
 * the last stage's bootstrap, or the weighted final ranking's own (docs/rules.md).
 */
export class CandidateUncertaintyDto {
  /** Share of the replicates in which the candidate ranks within the call's cohort size. */
  @ApiProperty({ minimum: 0, maximum: 1 })
  probabilityInCohort: number;
  @ApiProperty({ type: CandidateRankIntervalDto })
  rankInterval: CandidateRankIntervalDto;
  meanRank: number;
  /** Computed from other inputs than the current ones: a newer computation is pending. */
  stale: boolean;
}

export class CohortEntryDto {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  rank: number;
  score: number;
  @ApiProperty({ type: EntryOrganisationDto })
  organisation: EntryOrganisationDto;
  /** ADDED_BY_SECRETARIAT on a member the secretariat added. */
  @ApiPropertyOptional({ enum: ['ADDED_BY_SECRETARIAT'] })
  reason?: string;
  /**
   * Whether the 90% interval of its calibrated rank straddles the last seat (the grey zone): the
   * data cannot place it on either side of the line. False unless the final ranking has rank intervals
   * (the last stage's when calibrated and its ranking is the final one, or a weighted final ranking's
   * with a calibrated stage) and they are current.
   */
  inGreyZone: boolean;
  /** Its rank's uncertainty in the final ranking; null when the final ranking has no intervals (yet). */
  @ApiProperty({ type: CandidateUncertaintyDto, nullable: true })
  uncertainty: CandidateUncertaintyDto | null;
}

export class CohortExclusionDto {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  @ApiProperty({ type: 'integer', nullable: true })
  rank: number | null;
  /** The ranking score; null for an application the ranking leaves out. */
  @ApiProperty({ type: 'number', nullable: true })
  score: number | null;
  @ApiProperty({
    enum: [
      'COUNTRY_CAP',
      'REGION_CAP',
      'SEAT_RESERVED_FOR_REGION',
      'COHORT_FULL',
      'BELOW_MIN_SCORE',
      'INELIGIBLE',
      'NOT_FULLY_EVALUATED',
      'WITHDRAWN',
      'REMOVED_BY_SECRETARIAT',
    ],
  })
  reason: string;
  @ApiProperty({ type: EntryOrganisationDto })
  organisation: EntryOrganisationDto;
}

/** A constraint the proposal could not meet, or that the members break after overrides. */
export class ConstraintReportDto {
  @ApiProperty({ enum: ['size', 'maxPerCountry', 'maxPerRegion', 'minPerRegion'] })
  constraint: string;
  @ApiPropertyOptional({ enum: REGIONS })
  region?: string;
  countryCode?: string;
  /** For a minimum or a size: what was asked. */
  required?: number;
  /** For a cap: the limit. */
  limit?: number;
  /** What the automatic proposal reached (unmetConstraints). */
  achieved?: number;
  /** What the members now have (violations). */
  actual?: number;
  @ApiPropertyOptional({ enum: ['NOT_ENOUGH_CANDIDATES', 'COHORT_SIZE'] })
  reason?: string;
}

export class CohortOverrideDto {
  @ApiProperty({ type: [String], format: 'uuid' })
  add: string[];
  @ApiProperty({ type: [String], format: 'uuid' })
  remove: string[];
  reason: string;
  @ApiProperty({ format: 'uuid' })
  by: string;
  @ApiProperty({ type: 'string', format: 'date-time' })
  at: string;
}

export class CohortConstraintsDto extends ProposeCohortDto {
  declare size: number;
  evaluatorsPerApplication: number;
}

export class CohortSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  callId: string;
  @ApiProperty({ enum: COHORT_STATUSES })
  status: string;
  @ApiProperty({ type: CohortConstraintsDto })
  constraints: CohortConstraintsDto;
  /** Seats taken. */
  memberCount: number;
  version: number;
  createdAt: Date;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  approvedAt: Date | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  publishedAt: Date | null;
  /** SHA-256 of the public document, once published. */
  @ApiProperty({ type: 'string', nullable: true })
  contentHash: string | null;
}

export class CohortDto extends CohortSummaryDto {
  /** In rank order. */
  @ApiProperty({ type: [CohortEntryDto] })
  members: CohortEntryDto[];
  /** The best candidates not selected, in rank order. */
  @ApiProperty({ type: [CohortEntryDto] })
  waitlist: CohortEntryDto[];
  /** Every application not selected, with why. */
  @ApiProperty({ type: [CohortExclusionDto] })
  excluded: CohortExclusionDto[];
  @ApiProperty({ type: [ConstraintReportDto] })
  unmetConstraints: ConstraintReportDto[];
  @ApiProperty({ type: [ConstraintReportDto] })
  violations: ConstraintReportDto[];
  @ApiProperty({ type: [CohortOverrideDto] })
  overrides: CohortOverrideDto[];
  /**
   * The applications whose 90% rank interval straddles the last seat (`constraints.size`), in rank
   * order: empty unless the call's last stage is calibrated, ranks the cohort and its intervals are current.
   */
  @ApiProperty({ type: [String], format: 'uuid' })
  greyZone: string[];
}

export class PublicCohortMemberDto {
  name: string;
  @ApiProperty({ type: 'string', nullable: true })
  city: string | null;
  countryCode: string;
  countryName: string;
  @ApiProperty({ enum: REGION_ORDER })
  region: string;
  /**
   * Present only when the member was ranked by a consensus score a moderator recorded (0–100, in the
   * stage the cohort was selected from) instead of its evaluators' score; absent otherwise.
   */
  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  consensusScore?: number;
}

export class PublicCohortCallDto {
  reference: string;
  title: string;
}

export class PublicCohortStatisticsDto {
  /** Applications submitted and not withdrawn, eligible or not. */
  applications: number;
  /** Their distinct countries. */
  countries: number;
  selected: number;
}

/** The published document; its contentHash is the SHA-256 of the rest in canonical JSON. */
export class PublicCohortDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ type: PublicCohortCallDto })
  call: PublicCohortCallDto;
  @ApiProperty({ type: 'string', format: 'date-time' })
  publishedAt: string;
  @ApiProperty({ type: [PublicCohortMemberDto] })
  members: PublicCohortMemberDto[];
  @ApiProperty({ type: PublicCohortStatisticsDto })
  statistics: PublicCohortStatisticsDto;
  /** Only when the seats at the line were drawn by lot: the grey zone, commitment, secret, lot order and seats. */
  @ApiPropertyOptional({ type: PublicCohortLotteryDto })
  lottery?: PublicCohortLotteryDto;
  contentHash: string;
}
