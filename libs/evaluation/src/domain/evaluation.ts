import type { Region } from '@app/identity';

export const ASSIGNMENT_STATUSES = ['assigned', 'draft', 'submitted', 'declined', 'released'] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

/** How sure the evaluator is of its evaluation; an evaluation need not say (older clients do not). */
export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCE_LEVELS)[number];

/** Statuses that hold a slot; declined and released slots are kept only as history. */
export const LIVE_STATUSES: readonly AssignmentStatus[] = ['assigned', 'draft', 'submitted'];

export interface CriterionScore {
  criterionCode: string;
  score: number;
  comment?: string;
}

export interface Assignment {
  id: string;
  callId: string;
  /** The review stage the evaluation is for (1..n). */
  stage: number;
  applicationId: string;
  evaluatorId: string;
  status: AssignmentStatus;
  endReason: string | null;
  overallComment: string | null;
  confidence: Confidence | null;
  /** The evaluator's affinity for the application when the automatic assignment made the pair; else null. */
  affinity: number | null;
  submittedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface Evaluation extends Assignment {
  scores: CriterionScore[];
}

/** A conflict of interest recorded for an evaluator and an application. */
export interface Conflict {
  id: string;
  callId: string;
  evaluatorId: string;
  applicationId: string;
  reason: string;
  source: 'declared' | 'automatic';
  declaredBy: string;
  createdAt: Date;
}

/** The organisation that made an application, as the secretariat names it in lists. */
export interface ApplicantOrganisation {
  name: string;
  countryCode: string;
  region: Region;
}

/** A conflict as the call's list shows it: with the organisation of the application concerned. */
export interface ListedConflict extends Conflict {
  organisation: ApplicantOrganisation;
}

/** What conflict checks need to know of an evaluator. */
export interface EvaluatorProfile {
  id: string;
  email: string;
  countryCode: string | null;
  affiliation: string | null;
}

/** What conflict checks need to know of an application. */
export interface ApplicationProfile {
  id: string;
  organisationName: string;
  countryCode: string;
  /**
   * The e-mail domains of the applicant organisation's members, lower-case, public mail providers
   * left out (identity decides which): an evaluator with an address there works for it.
   */
  emailDomains?: readonly string[];
}
