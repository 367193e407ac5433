/**
 * The shortlist between two review stages (issue 14): which applications of a stage's ranking
 * advance to the next stage, each with the reason it advances or not.
 *
 * A rule takes the `size` best-ranked candidates, or those scoring at least `minScore`, or the best
 * `size` of those; with `keepRegionalMinimums` the call's regional minimums stay feasible for the
 * final cohort. Candidates are as for a cohort (DESIGN §6): submitted, eligible applications fully
 * evaluated in the stage. With a size, the shortlist is the cohort selection of that size with the
 * regional minimums (./selection): the best-ranked set that still holds each region's minimum,
 * seats reserved for a region displacing the last of the others. With a minimum score alone,
 * every candidate meeting it advances, and a region short of its minimum advances its best-ranked
 * other candidates until it has it.
 */
import { splitCandidates } from './candidates';
import { ValidationError } from '@app/platform/errors';
import { InvalidShortlistChangeError } from './cohorts.errors';
import { selectCohort } from './selection';
import type { ApplicationForSelection, ExclusionReason, Region } from './selection.types';

export interface ShortlistRule {
  /** How many advance at most. */
  size?: number;
  /** Advance only candidates scoring at least this (at the scoring resolution). */
  minScore?: number;
  /** Keep the call's regional minimums feasible for the final cohort. */
  keepRegionalMinimums: boolean;
}

/** What the shortlist is made from besides the stage's ranked applications. */
export interface ShortlistContext {
  /** Submitted evaluations a candidate needs in the stage. */
  evaluatorsPerApplication: number;
  /** The call's regional minimums (selection.minPerRegion). */
  minPerRegion: Partial<Record<Region, number>>;
}

/** Why an application advances. */
export type AdvanceReason = 'WITHIN_SIZE' | 'MEETS_MIN_SCORE' | 'KEEPS_REGIONAL_MINIMUM' | 'ADVANCED_BY_SECRETARIAT';

/** Why an application does not advance: a cohort selection's reasons, or the secretariat's decision. */
export type HoldBackReason =
  Exclude<ExclusionReason, 'REMOVED_BY_SECRETARIAT' | 'COUNTRY_CAP' | 'REGION_CAP'> | 'HELD_BACK_BY_SECRETARIAT';

export interface ShortlistEntry {
  applicationId: string;
  rank: number | null;
  score: number | null;
  region: Region;
  advancing: boolean;
  reason: AdvanceReason | HoldBackReason;
  /** The secretariat's written reason, on the entries it changed. */
  note?: string;
}

/** A rule says a size, a minimum score or both. */
export function assertRuleGiven(rule: ShortlistRule): void {
  if (rule.size === undefined && rule.minScore === undefined) {
    throw new ValidationError([
      { field: 'size', message: 'a shortlist needs a size, a minimum score or both', code: 'RULE_REQUIRED' },
    ]);
  }
}

/** The proposed shortlist: every submitted application of the stage, ranked ones by rank, then the others by id. */
export function proposeShortlist(
  applications: readonly ApplicationForSelection[],
  rule: ShortlistRule,
  context: ShortlistContext,
): ShortlistEntry[] {
  assertRuleGiven(rule);
  const minPerRegion = rule.keepRegionalMinimums ? context.minPerRegion : {};
  const base = { minScore: rule.minScore, evaluatorsPerApplication: context.evaluatorsPerApplication };
  const { candidates } = splitCandidates(applications, { size: 1, ...base });
  const size = rule.size ?? Math.max(candidates.length, 1);
  const selection = selectCohort(applications, {
    size,
    ...base,
    minPerRegion: rule.size === undefined ? {} : minPerRegion,
  });
  const topRanks = new Set(candidates.slice(0, size).map((c) => c.applicationId));
  const entries = new Map<string, ShortlistEntry>();
  for (const member of selection.members) {
    const reason: AdvanceReason = !topRanks.has(member.applicationId)
      ? 'KEEPS_REGIONAL_MINIMUM'
      : rule.size === undefined
        ? 'MEETS_MIN_SCORE'
        : 'WITHIN_SIZE';
    entries.set(member.applicationId, { ...entryOf(member), advancing: true, reason });
  }
  const regions = new Map(applications.map((a) => [a.applicationId, a.region]));
  for (const excluded of selection.excluded) {
    entries.set(excluded.applicationId, {
      applicationId: excluded.applicationId,
      rank: excluded.rank,
      score: excluded.score,
      region: regions.get(excluded.applicationId) as Region,
      advancing: false,
      reason: excluded.reason as HoldBackReason,
    });
  }
  if (rule.size === undefined && rule.keepRegionalMinimums) {
    topUpRegions(applications, entries, context);
  }
  return ordered([...entries.values()]);
}

/**
 * With a minimum score alone, a region short of its minimum advances its best-ranked candidates
 * below the score (fully evaluated, eligible, submitted) until it has it or has none left.
 */
function topUpRegions(
  applications: readonly ApplicationForSelection[],
  entries: Map<string, ShortlistEntry>,
  context: ShortlistContext,
): void {
  const { candidates } = splitCandidates(applications, {
    size: 1,
    evaluatorsPerApplication: context.evaluatorsPerApplication,
  });
  const advancing = new Map<Region, number>();
  for (const entry of entries.values()) {
    if (entry.advancing) advancing.set(entry.region, (advancing.get(entry.region) ?? 0) + 1);
  }
  for (const candidate of candidates) {
    const minimum = context.minPerRegion[candidate.region] ?? 0;
    const entry = entries.get(candidate.applicationId);
    if (!entry || entry.advancing || (advancing.get(candidate.region) ?? 0) >= minimum) continue;
    entries.set(candidate.applicationId, { ...entry, advancing: true, reason: 'KEEPS_REGIONAL_MINIMUM' });
    advancing.set(candidate.region, (advancing.get(candidate.region) ?? 0) + 1);
  }
}

export interface ShortlistAmendment {
  /** Applications to advance although the rule holds them back. */
  advance: readonly string[];
  /** Applications to hold back although the rule advances them. */
  holdBack: readonly string[];
  /** The secretariat's written reason, kept on each entry it changes. */
  note: string;
}

/**
 * The shortlist with the secretariat's changes. Only a ranked application of the stage may be
 * advanced (a withdrawn, ineligible or unscored one has nothing to be compared on); an application
 * named twice, or not in the shortlist, is refused.
 */
export function amendShortlist(entries: readonly ShortlistEntry[], amendment: ShortlistAmendment): ShortlistEntry[] {
  const named = [...amendment.advance, ...amendment.holdBack];
  if (new Set(named).size !== named.length) {
    throw new InvalidShortlistChangeError('NAMED_TWICE');
  }
  const byId = new Map(entries.map((entry) => [entry.applicationId, entry]));
  for (const id of named) {
    if (!byId.has(id)) throw new InvalidShortlistChangeError('NOT_IN_SHORTLIST', id);
  }
  const advance = new Set(amendment.advance);
  const holdBack = new Set(amendment.holdBack);
  return entries.map((entry) => {
    if (advance.has(entry.applicationId) && !entry.advancing) {
      if (entry.rank === null) {
        throw new InvalidShortlistChangeError('NOT_RANKED', entry.applicationId);
      }
      return { ...entry, advancing: true, reason: 'ADVANCED_BY_SECRETARIAT', note: amendment.note };
    }
    if (holdBack.has(entry.applicationId) && entry.advancing) {
      return { ...entry, advancing: false, reason: 'HELD_BACK_BY_SECRETARIAT', note: amendment.note };
    }
    return entry;
  });
}

function entryOf(member: { applicationId: string; rank: number; score: number; region: Region }) {
  return { applicationId: member.applicationId, rank: member.rank, score: member.score, region: member.region };
}

function ordered(entries: ShortlistEntry[]): ShortlistEntry[] {
  return entries.sort((a, b) => {
    if (a.rank !== null && b.rank !== null) return a.rank - b.rank;
    if (a.rank !== null) return -1;
    if (b.rank !== null) return 1;
    return a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0;
  });
}
