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

export class RankIntervalDto {
  /** The 5th percentile of the bootstrap's ranks. */
  @ApiProperty({ type: 'integer', minimum: 1 })
  lower: number;
  /** The 95th percentile of the bootstrap's ranks. */
  @ApiProperty({ type: 'integer', minimum: 1 })
  upper: number;
}

/** How sure a calibrated rank is: a seeded bootstrap of the stage's fit (docs/rules.md). */
export class RankUncertaintyDto {
  /** Share of the replicates in which the application ranks within the call's cohort size. */
  @ApiProperty({ minimum: 0, maximum: 1 })
  probabilityInCohort: number;
  /** The 90% interval of the rank. */
  @ApiProperty({ type: RankIntervalDto })
  rankInterval: RankIntervalDto;
  meanRank: number;
  /** Computed from other totals or ranks than the current ones: a newer computation is pending. */
  stale: boolean;
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
  /** The rank's uncertainty; null unless the stage is calibrated and its bootstrap has run. */
  @ApiProperty({ type: RankUncertaintyDto, nullable: true })
  uncertainty: RankUncertaintyDto | null;
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
  /** Replies to a registration call the secretariat confirmed (0 for a selection call). */
  confirmed: number;
  /** Replies to a registration call the secretariat declined (0 for a selection call). */
  declined: number;
}

export class AssignmentCountsDto {
  /** Live assignments: assigned, draft or submitted. */
  total: number;
  submitted: number;
}

/** Whether a calibrated stage's rank intervals are of its current fit, and how they were computed. */
export class CalibrationUncertaintyDto {
  /** `current`: of the current fit and cohort size; `stale`: of an earlier one (a newer one is due); `pending`: none yet. */
  @ApiProperty({ enum: ['current', 'stale', 'pending'] })
  status: 'current' | 'stale' | 'pending';
  /** The bootstrap's seed: the first 32 bits of SHA-256("<call id>/<stage>"). */
  @ApiProperty({ type: 'integer', nullable: true })
  seed: number | null;
  @ApiProperty({ type: 'integer', nullable: true })
  replicates: number | null;
  /** K, the cohort size the probabilities are of. */
  @ApiProperty({ type: 'integer', nullable: true })
  cohortSize: number | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  computedAt: Date | null;
}

/** The fit of a calibrated stage: T_ae = q_a + b_e + ε by ridge least squares (docs/rules.md). */
export class CalibrationDto {
  /** λ of the ridge penalty on the evaluators' biases. */
  ridge: number;
  /** Conjugate-gradient iterations of the solve. */
  @ApiProperty({ type: 'integer' })
  iterations: number;
  /** ‖r‖ / ‖rhs‖ at the end of the solve. */
  relativeResidual: number;
  /** Connected components of the evaluator–application graph; scores compare fully only within one. */
  @ApiProperty({ type: 'integer' })
  components: number;
  /** Whether the graph is one component. */
  connected: boolean;
  /** Evaluations fitted. */
  @ApiProperty({ type: 'integer' })
  evaluations: number;
  @ApiProperty({ type: 'string', format: 'date-time' })
  fittedAt: Date;
  @ApiProperty({ type: CalibrationUncertaintyDto })
  uncertainty: CalibrationUncertaintyDto;
}

/** Whether a weighted final ranking's rank intervals are of its current inputs, and how they were computed. */
export class FinalRankingUncertaintyDto {
  /** `current`: of the current fits, results, weights and cohort size; `stale`: of earlier ones (a newer one is due); `pending`: none yet. */
  @ApiProperty({ enum: ['current', 'stale', 'pending'] })
  status: 'current' | 'stale' | 'pending';
  /** The seed of each resampled (calibrated, weighted) stage, by stage position: that stage's own bootstrap seed. */
  @ApiProperty({ type: 'object', additionalProperties: { type: 'integer' }, example: { '1': 2718281828 } })
  seeds: Record<string, number>;
  @ApiProperty({ type: 'integer', nullable: true })
  replicates: number | null;
  /** K, the cohort size the probabilities are of. */
  @ApiProperty({ type: 'integer', nullable: true })
  cohortSize: number | null;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  computedAt: Date | null;
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
  /** The stage's calibration fit; null unless its normalization is `calibrated` and it has been scored. */
  @ApiProperty({ type: CalibrationDto, nullable: true })
  calibration: CalibrationDto | null;
  /**
   * The call's weighted final ranking's rank intervals, whatever the stage read; null unless the final
   * ranking is weighted and a weighted stage is calibrated.
   */
  @ApiProperty({ type: FinalRankingUncertaintyDto, nullable: true })
  finalRankingUncertainty: FinalRankingUncertaintyDto | null;
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

export class EvaluatorCalibrationDto {
  /** b_e in points: positive for a lenient evaluator. */
  bias: number;
  /** The connected component of the evaluator–application graph it is in (0, 1, …). */
  @ApiProperty({ type: 'integer' })
  component: number;
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
  /** The evaluator's bias in the stage's calibration fit; null unless the stage is calibrated. */
  @ApiProperty({ type: EvaluatorCalibrationDto, nullable: true })
  calibration: EvaluatorCalibrationDto | null;
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
