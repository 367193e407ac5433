import { ApiProperty, ApiPropertyOptional, IntersectionType, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { StageQueryDto } from '@app/calls';
import { ExportFormatQueryDto, PageQueryDto, SearchTermField, sortValues } from '@app/platform';
import { RANKING_SORT_KEYS } from '../infrastructure/ranking.repository';

const RANKING_SORTS = sortValues(RANKING_SORT_KEYS);

/** A page of a stage's ranking (stage 1 unless `stage` says which). */
export class RankingQueryDto extends IntersectionType(PageQueryDto, StageQueryDto) {
  /** Part of the organisation's name or city, in any case; without it, every ranked application. */
  @SearchTermField()
  search?: string;

  /** What to sort by, descending with a leading `-`; ties keep the rank's order. By rank by default. */
  @ApiPropertyOptional({ enum: RANKING_SORTS, default: 'rank' })
  @IsOptional()
  @IsIn(RANKING_SORTS)
  sort?: string;
}

/** The ranking's search and order, without paging: an export holds every ranked application found. */
export class RankingExportQueryDto extends IntersectionType(
  OmitType(RankingQueryDto, ['limit', 'offset'] as const),
  ExportFormatQueryDto,
) {}

export class ScoringStatusDto {
  /** True only when every submitted evaluation is reflected in the results. */
  upToDate: boolean;
  /** Rescoring requests not yet served. */
  pending: number;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  lastComputedAt: Date | null;
}

export class RankedOrganisationDto {
  name: string;
  countryCode: string;
  region: string;
}

export class RankingItemDto {
  rank: number;
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  @ApiProperty({ type: RankedOrganisationDto })
  organisation: RankedOrganisationDto;
  /** The raw or normalised score, per the call's normalisation setting. */
  score: number;
  rawScore: number;
  normalizedScore: number;
  evaluationCount: number;
  spread: number;
  stdDev: number;
  needsModeration: boolean;
  /** The moderator's consensus score (0–100), which the rank is by instead of `score`; null when none was recorded. */
  @ApiProperty({ type: 'number', nullable: true })
  consensusScore: number | null;
}

/** An application's figures (DESIGN §5) as last computed. */
export class ApplicationScoresDto {
  /** The figure that ranks: the normalised score when the call normalises, else the raw one. */
  score: number;
  rawScore: number;
  normalizedScore: number;
  evaluationCount: number;
  spread: number;
  stdDev: number;
  needsModeration: boolean;
  /** The moderator's consensus score (0–100), which the rank is by instead of `score`; null when none was recorded. */
  @ApiProperty({ type: 'number', nullable: true })
  consensusScore: number | null;
  /** Null when the application is not ranked (ineligible or withdrawn). */
  @ApiProperty({ type: 'integer', nullable: true })
  rank: number | null;
  computedAt: Date;
}

export class ApplicationResultDto {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  /** Null until a submitted evaluation of the application has been scored. */
  @ApiProperty({ type: ApplicationScoresDto, nullable: true })
  result: ApplicationScoresDto | null;
}

export class RankingDto {
  @ApiProperty({ type: [RankingItemDto] })
  items: RankingItemDto[];
  total: number;
}

export class ApplicationCountsDto {
  draft: number;
  /** Submitted and not withdrawn, eligible or not. */
  submitted: number;
  withdrawn: number;
  /** Submitted ones held eligible (the secretariat's decision, else the computed one). */
  eligible: number;
  /** Submitted ones held ineligible. */
  ineligible: number;
}

export class AssignmentCountsDto {
  /** Live assignments: assigned, draft or submitted. */
  total: number;
  submitted: number;
}

export class CallStatisticsDto {
  @ApiProperty({ type: ApplicationCountsDto })
  applications: ApplicationCountsDto;
  /** Distinct countries of the submitted applications. */
  countries: number;
  /** Submitted applications per region. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { AFR: 3, EUR: 1 } })
  byRegion: Record<string, number>;
  /** Submitted applications per type of organisation. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { innovation_hub: 4 } })
  byOrganisationType: Record<string, number>;
  @ApiProperty({ type: AssignmentCountsDto })
  assignments: AssignmentCountsDto;
  /** Krippendorff's alpha (interval) over the evaluators' totals; null while undefined. */
  @ApiProperty({ type: 'number', nullable: true })
  interRaterReliability: number | null;
}

export class ScoringRunDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  callId: string;
  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] })
  status: 'queued' | 'running' | 'completed' | 'failed';
  /** Why the run exists: the secretariat asked, or criterion weights changed. */
  @ApiProperty({ enum: ['requested', 'reweighted'] })
  reason: 'requested' | 'reweighted';
  /** Submitted evaluations to score, known once the run has started. */
  total: number;
  /** Evaluations scored so far. */
  done: number;
  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt: Date;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  startedAt: Date | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  finishedAt: Date | null;
  /** Why a failed run failed. */
  @ApiProperty({ type: 'string', nullable: true })
  error: string | null;
}

export class EvaluatorMarkingDto {
  @ApiProperty({ format: 'uuid' })
  evaluatorId: string;
  displayName: string;
  /** Submitted evaluations in the call. */
  evaluations: number;
  /** Mean of the evaluator's totals (0–100). */
  mean: number;
  /** Population standard deviation of its totals. */
  stdDev: number;
  min: number;
  max: number;
  /** Every total, ascending. */
  @ApiProperty({ type: [Number] })
  totals: number[];
}

/** Who marks harshly and who leniently: each evaluator's totals beside the call's (DESIGN §5.3). */
export class MarkingDistributionDto {
  @ApiProperty({ type: 'number', nullable: true })
  callMean: number | null;
  @ApiProperty({ type: 'number', nullable: true })
  callStdDev: number | null;
  /** Most lenient first. */
  @ApiProperty({ type: [EvaluatorMarkingDto] })
  items: EvaluatorMarkingDto[];
}
