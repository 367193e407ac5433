/** A result of DESIGN.md §5 (view scoring_results), as read and as answered. */
/** One row of scoring_results: an application's figures of DESIGN.md §5 as last computed. */
export interface ApplicationResult {
  applicationId: string;
  callId: string;
  /** The review stage whose evaluations the figures are of. */
  stage: number;
  rawScore: number;
  normalizedScore: number;
  score: number;
  evaluationCount: number;
  spread: number;
  stdDev: number;
  needsModeration: boolean;
  /** The moderator's consensus score, which the rank is by instead of `score`; null when none was recorded. */
  consensusScore: number | null;
  /** 1..n among rankable applications; null for the others. */
  rank: number | null;
  computedAt: Date;
}

export interface ResultRow {
  application_id: string;
  call_id: string;
  stage: number;
  raw_score: number;
  normalized_score: number;
  score: number;
  evaluation_count: number;
  spread: number;
  std_dev: number;
  needs_moderation: boolean;
  consensus_score: number | null;
  rank: number | null;
  computed_at: Date;
}

/** The columns a ResultRow reads. */
export const APPLICATION_RESULT_COLUMNS = `application_id, call_id, stage, raw_score, normalized_score, score, evaluation_count, spread,
  std_dev, needs_moderation, consensus_score, rank, computed_at`;

/** A stored result as the scoring context answers it. */
export function toResult(row: ResultRow): ApplicationResult {
  return {
    applicationId: row.application_id,
    callId: row.call_id,
    stage: row.stage,
    rawScore: row.raw_score,
    normalizedScore: row.normalized_score,
    score: row.score,
    evaluationCount: row.evaluation_count,
    spread: row.spread,
    stdDev: row.std_dev,
    needsModeration: row.needs_moderation,
    consensusScore: row.consensus_score,
    rank: row.rank,
    computedAt: row.computed_at,
  };
}
