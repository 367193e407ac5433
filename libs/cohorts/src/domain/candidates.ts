import { InvalidSelectionInputError } from './cohorts.errors';
import type { ApplicationForSelection, CohortConstraints, NonCandidateReason } from './selection.types';

/**
 * Scoring ranks at 1e-9 points (scoring's SCORE_RESOLUTION); the threshold is compared at the same
 * resolution so that two scores the ranking treats as tied always fall on the same side of minScore,
 * and a score computed as 69.99999999999999 for an exact 70 still meets a minimum of 70.
 */
const SCORE_RESOLUTION = 1e-9;

/** A ranked application with its score: what the greedy works on. */
export type RankedApplication = ApplicationForSelection & { rank: number; score: number };

/** score ≥ minScore once both are rounded to whole resolution steps (a transitive test, unlike |a − b| < ε). */
export function meetsMinScore(score: number, minScore: number | undefined): boolean {
  if (minScore === undefined) return true;
  return Math.round(score / SCORE_RESOLUTION) >= Math.round(minScore / SCORE_RESOLUTION);
}

/**
 * Why an application is not a candidate, or null when it is one (DESIGN §6), in the order of the
 * reasons' precedence. An application without rank or score counts as NOT_FULLY_EVALUATED: scoring
 * ranks every submitted, eligible application it has totals for, so a missing rank means missing scores.
 */
export function nonCandidateReason(
  application: ApplicationForSelection,
  constraints: Pick<CohortConstraints, 'minScore' | 'evaluatorsPerApplication'>,
): NonCandidateReason | null {
  if (application.status === 'withdrawn') return 'WITHDRAWN';
  if (!application.eligible) return 'INELIGIBLE';
  if (!isRanked(application) || application.evaluationCount < constraints.evaluatorsPerApplication) {
    return 'NOT_FULLY_EVALUATED';
  }
  if (!meetsMinScore(application.score, constraints.minScore)) return 'BELOW_MIN_SCORE';
  return null;
}

export function isRanked(application: ApplicationForSelection): application is RankedApplication {
  return application.rank !== null && application.score !== null;
}

/** Candidates in rank order, and every other application with its reason. */
export function splitCandidates(
  applications: readonly ApplicationForSelection[],
  constraints: CohortConstraints,
): {
  candidates: RankedApplication[];
  others: Array<{ application: ApplicationForSelection; reason: NonCandidateReason }>;
} {
  const candidates: RankedApplication[] = [];
  const others: Array<{ application: ApplicationForSelection; reason: NonCandidateReason }> = [];
  for (const application of applications) {
    const reason = nonCandidateReason(application, constraints);
    if (reason !== null) others.push({ application, reason });
    else if (isRanked(application)) candidates.push(application);
  }
  candidates.sort((a, b) => a.rank - b.rank);
  return { candidates, others };
}

/** Rejects the inputs the algorithm's guarantees rest on: unique ids and ranks, one region per country, sane limits. */
export function assertValidSelectionInput(
  applications: readonly ApplicationForSelection[],
  constraints: CohortConstraints,
): void {
  assertCount(constraints.size, 'size', 1);
  assertCount(constraints.evaluatorsPerApplication, 'evaluatorsPerApplication', 0);
  if (constraints.maxPerCountry !== undefined) assertCount(constraints.maxPerCountry, 'maxPerCountry', 0);
  if (constraints.waitlistSize !== undefined) assertCount(constraints.waitlistSize, 'waitlistSize', 0);
  for (const [region, limit] of Object.entries(constraints.maxPerRegion ?? {})) {
    if (limit !== undefined) assertCount(limit, `maxPerRegion.${region}`, 0);
  }
  for (const [region, minimum] of Object.entries(constraints.minPerRegion ?? {})) {
    if (minimum !== undefined) assertCount(minimum, `minPerRegion.${region}`, 0);
  }
  if (constraints.minScore !== undefined && !Number.isFinite(constraints.minScore)) {
    throw new InvalidSelectionInputError('minScore must be a finite number');
  }
  assertConsistentApplications(applications);
}

function assertCount(value: number, name: string, least: number): void {
  if (!Number.isInteger(value) || value < least) {
    throw new InvalidSelectionInputError(`${name} must be an integer ≥ ${least}, got ${value}`);
  }
}

function assertConsistentApplications(applications: readonly ApplicationForSelection[]): void {
  const ids = new Set<string>();
  const regionOfCountry = new Map<string, string>();
  for (const { applicationId, countryCode, region } of applications) {
    if (ids.has(applicationId)) throw new InvalidSelectionInputError(`application ${applicationId} appears twice`);
    ids.add(applicationId);
    const known = regionOfCountry.get(countryCode);
    if (known === undefined) regionOfCountry.set(countryCode, region);
    else if (known !== region)
      throw new InvalidSelectionInputError(`country ${countryCode} is in ${known} and ${region}`);
  }
  assertDistinctRanks(applications);
}

/** A typed-array sort, then neighbours: several times cheaper than a set of 100,000 numbers. */
function assertDistinctRanks(applications: readonly ApplicationForSelection[]): void {
  const ranks = new Float64Array(applications.length);
  let count = 0;
  for (const { rank } of applications) {
    if (rank === null) continue;
    if (!Number.isFinite(rank)) throw new InvalidSelectionInputError(`rank ${rank} is not a finite number`);
    ranks[count++] = rank;
  }
  const sorted = ranks.subarray(0, count).sort();
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1]) throw new InvalidSelectionInputError(`rank ${sorted[i]} is given twice`);
  }
}
