import { groupBy } from './group-by';
import { normalizedFromParts } from './z-score';
import type { ApplicationScore, ApplicationToScore, EvaluatorTotal, Normalization } from './scoring.types';
import { compareIds, mean, populationStdDev, resolutionSteps, spread } from './statistics';

type UnrankedScore = Omit<ApplicationScore, 'rank'>;

/** Per-application figures of §5.2–5.5, for every application with at least one total, in id order. */
export function buildApplicationScores(
  totals: readonly EvaluatorTotal[],
  moments: { mean: number; stdDev: number },
  normalization: Normalization,
  disagreementThreshold: number,
): UnrankedScore[] {
  const byApplication = groupBy(totals, (t) => t.applicationId);
  const ids = [...byApplication.keys()].sort(compareIds);
  return ids.map((applicationId) => {
    const received = byApplication.get(applicationId) ?? [];
    const values = received.map((t) => t.total);
    const rawScore = mean(values);
    const normalizedScore = normalizedFromParts(moments, received);
    const disagreement = spread(values);
    return {
      applicationId,
      rawScore,
      normalizedScore,
      score: normalization === 'zscore' ? normalizedScore : rawScore,
      evaluationCount: values.length,
      spread: disagreement,
      stdDev: populationStdDev(values),
      needsModeration: exceedsThreshold(disagreement, disagreementThreshold),
    };
  });
}

/**
 * §5.5: spread > threshold, compared at SCORE_RESOLUTION so that totals 40 and 70 computed as
 * 40 and 70.00000000000001 do not cross a threshold of 30 by rounding alone.
 */
export function exceedsThreshold(spreadOfTotals: number, disagreementThreshold: number): boolean {
  return resolutionSteps(spreadOfTotals) > resolutionSteps(disagreementThreshold);
}

/**
 * §5.6: rankable applications (submitted, eligible, not withdrawn) get ranks 1..n without gaps, by
 * ranking score descending (the moderator's consensus score where one was recorded, the score
 * otherwise), raw score descending, submittedAt ascending, id ascending (plain string order).
 * Returns the ranked applications in rank order, then the unranked ones (rank null) in id order.
 */
export function rankApplications(
  scores: readonly UnrankedScore[],
  applicationsById: ReadonlyMap<string, ApplicationToScore>,
): ApplicationScore[] {
  const withConsensus = scores.map((s) => withConsensusScore(s, applicationsById.get(s.applicationId)));
  const rankable = withConsensus.filter((s) => applicationsById.get(s.applicationId)?.rankable === true);
  const unrankable = withConsensus.filter((s) => applicationsById.get(s.applicationId)?.rankable !== true);
  const submittedAt = (s: UnrankedScore) => applicationsById.get(s.applicationId)?.submittedAt.getTime() ?? 0;
  const ranked = [...rankable].sort(
    (a, b) =>
      compareScoresDescending(rankingScore(a), rankingScore(b)) ||
      compareScoresDescending(a.rawScore, b.rawScore) ||
      submittedAt(a) - submittedAt(b) ||
      compareIds(a.applicationId, b.applicationId),
  );
  return [...ranked.map((s, index) => ({ ...s, rank: index + 1 })), ...unrankable.map((s) => ({ ...s, rank: null }))];
}

/** The score an application is ranked by: the moderator's consensus score where one was recorded. */
export function rankingScore(score: Pick<ApplicationScore, 'score' | 'consensusScore'>): number {
  return score.consensusScore ?? score.score;
}

function withConsensusScore(score: UnrankedScore, application: ApplicationToScore | undefined): UnrankedScore {
  return application?.consensusScore === undefined ? score : { ...score, consensusScore: application.consensusScore };
}

/**
 * Scores equal at SCORE_RESOLUTION tie and fall through to the next key: two applications whose
 * scores are equal in exact arithmetic must be ordered by the documented tie-breaks, not by which
 * one collected more floating-point rounding error.
 */
export function compareScoresDescending(a: number, b: number): number {
  return resolutionSteps(b) - resolutionSteps(a);
}
