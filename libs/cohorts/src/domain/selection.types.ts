/** The shapes cohort selection reads and produces (DESIGN.md §6); see ./selection for the algorithm. */
import type { Region } from '@app/identity';

export type { Region };

/** One submitted application of the call, ranked or not, with what decides whether it is a candidate. */
export interface ApplicationForSelection {
  applicationId: string;
  /** Position in the call's ranking, 1 = best; null when scoring did not rank it. Distinct among ranked ones. */
  rank: number | null;
  /** The ranking score; null when the application has not been scored. */
  score: number | null;
  countryCode: string;
  /** The ITU-D region of the country; a country always lies in one region. */
  region: Region;
  status: 'submitted' | 'withdrawn';
  eligible: boolean;
  /** Submitted evaluations of the application. */
  evaluationCount: number;
}

export interface CohortConstraints {
  /** Cohort size n, ≥ 1. */
  size: number;
  maxPerCountry?: number;
  maxPerRegion?: Partial<Record<Region, number>>;
  minPerRegion?: Partial<Record<Region, number>>;
  /** Candidates score at least this, compared at the scoring resolution (see ./candidates). */
  minScore?: number;
  /** Length of the waitlist; 0 when absent. */
  waitlistSize?: number;
  /** Submitted evaluations a candidate needs. */
  evaluatorsPerApplication: number;
}

/** Why an application that is not a candidate is left out, in the precedence they are given. */
export type NonCandidateReason = 'WITHDRAWN' | 'INELIGIBLE' | 'NOT_FULLY_EVALUATED' | 'BELOW_MIN_SCORE';

/** Why a candidate was passed over, decided when the greedy reached it, in this precedence. */
export type CandidateRejection = 'COHORT_FULL' | 'COUNTRY_CAP' | 'REGION_CAP' | 'SEAT_RESERVED_FOR_REGION';

export type ExclusionReason = NonCandidateReason | CandidateRejection | 'REMOVED_BY_SECRETARIAT';

/** A selected (or waitlisted) application. Country and region come along so constraints can be rechecked. */
export interface CohortMember {
  applicationId: string;
  rank: number;
  score: number;
  countryCode: string;
  region: Region;
  /** Set only on members the secretariat added by hand. */
  reason?: 'ADDED_BY_SECRETARIAT';
}

export type WaitlistEntry = Omit<CohortMember, 'reason'>;

export interface Exclusion {
  applicationId: string;
  rank: number | null;
  /** The ranking score, so that the secretariat sees what those left out scored; null when unscored. */
  score: number | null;
  reason: ExclusionReason;
}

/** A constraint the automatic selection could not honour. */
export type UnmetConstraint =
  | {
      constraint: 'minPerRegion';
      region: Region;
      required: number;
      achieved: number;
      /**
       * NOT_ENOUGH_CANDIDATES: the region's candidates, within the country and region caps, cannot fill
       * the minimum even alone. COHORT_SIZE: they could, but the (lowered) minimums together need more
       * seats than the cohort has.
       */
      reason: 'NOT_ENOUGH_CANDIDATES' | 'COHORT_SIZE';
    }
  | {
      constraint: 'size';
      required: number;
      achieved: number;
      /** Fewer candidates than seats once the country and region caps are applied. */
      reason: 'NOT_ENOUGH_CANDIDATES';
    };

export interface CohortProposal {
  /** In rank order. */
  members: CohortMember[];
  /** The best-ranked candidates not selected, in rank order, at most waitlistSize. */
  waitlist: WaitlistEntry[];
  /** Every application not selected (waitlisted ones too): ranked ones by rank, then unranked by id. */
  excluded: Exclusion[];
  unmetConstraints: UnmetConstraint[];
}

/** How a set of members departs from the constraints; after overrides these are reported, not refused. */
export type ConstraintViolation =
  | { constraint: 'size'; required: number; actual: number }
  | { constraint: 'maxPerCountry'; countryCode: string; limit: number; actual: number }
  | { constraint: 'maxPerRegion'; region: Region; limit: number; actual: number }
  | { constraint: 'minPerRegion'; region: Region; required: number; actual: number };

export interface CohortOverrides {
  /** Application ids to add to the members. */
  add: readonly string[];
  /** Member application ids to take out. */
  remove: readonly string[];
}

export interface OverriddenProposal extends CohortProposal {
  /** The constraints the members now break; unmetConstraints still describes the automatic proposal. */
  violations: ConstraintViolation[];
}
