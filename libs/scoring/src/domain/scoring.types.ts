/** The shapes scoring reads and produces (DESIGN.md §5); see ./scoring for the formulas. */

/** `calibrated` (issue 16): scores from the fit of ./calibration, computed after the SQL by the scoring service. */
export type Normalization = 'none' | 'zscore' | 'calibrated';

export interface WeightedCriterion {
  code: string;
  /** Relative weight, > 0; weights need not sum to 1. */
  weight: number;
}

export interface ScoringScale {
  scaleMin: number;
  scaleMax: number;
}

export interface CriterionScoreValue {
  criterionCode: string;
  score: number;
}

export interface ApplicationToScore {
  id: string;
  submittedAt: Date;
  /** Submitted, eligible and not withdrawn: only these are ranked (§5.6). */
  rankable: boolean;
  /** The consensus score (0–100) a moderator recorded for the application, which it is ranked by instead of its score. */
  consensusScore?: number;
}

/** One evaluator's submitted evaluation of one application. */
export interface SubmittedEvaluation {
  applicationId: string;
  evaluatorId: string;
  scores: CriterionScoreValue[];
}

export interface CallScoringInput {
  criteria: WeightedCriterion[];
  scale: ScoringScale;
  normalization: Normalization;
  /** needsModeration is raised when an application's spread exceeds this (§5.5). */
  disagreementThreshold: number;
  applications: ApplicationToScore[];
  /** Submitted evaluations only, every criterion scored. */
  evaluations: SubmittedEvaluation[];
}

export interface ApplicationScore {
  applicationId: string;
  /** Mean of the evaluators' totals (§5.2). */
  rawScore: number;
  /** Mean of the z-score adjusted totals (§5.3); computed whatever the setting, so it can be previewed. */
  normalizedScore: number;
  /** rawScore or normalizedScore, per the call's normalization (§5.4). */
  score: number;
  evaluationCount: number;
  /** max T − min T. */
  spread: number;
  /** Population standard deviation of the totals. */
  stdDev: number;
  needsModeration: boolean;
  /** The moderator's consensus score, when one was recorded: the rank is by it instead of `score`. */
  consensusScore?: number;
  /** 1..n among rankable applications; null for the others. */
  rank: number | null;
}

export interface EvaluatorStatistics {
  mean: number;
  /** Population standard deviation of the evaluator's totals in the call. */
  stdDev: number;
  count: number;
}

export interface CallStatistics {
  /** Number of submitted totals in the call. */
  evaluationCount: number;
  /** μ over every submitted total in the call; null when there is none. */
  mean: number | null;
  /** σ (population) over every submitted total in the call; null when there is none. */
  stdDev: number | null;
  perEvaluator: Record<string, EvaluatorStatistics>;
  /** Krippendorff's alpha (interval) over evaluator totals per application; null when undefined. */
  interRaterReliability: number | null;
}

export interface CallScoring {
  /** Ranked applications by rank, then unranked ones by id; only applications with ≥ 1 evaluation. */
  applications: ApplicationScore[];
  statistics: CallStatistics;
}

/** One evaluator's total T for one application, with its part of the normalised score (./scoring zScoreParts). */
export interface EvaluatorTotal extends ZScoreParts {
  applicationId: string;
  evaluatorId: string;
  total: number;
}

/**
 * §5.3's T' in parts that do not move with the call's μ and σ: T' = μ + σ·standardized when the
 * evaluator's deviation is usable, T' = μ + centred otherwise (the other part null).
 */
export interface ZScoreParts {
  standardized: number | null;
  centred: number | null;
}
