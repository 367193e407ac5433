import type { Region } from '@app/identity';

export const APPLICATION_STATUSES = [
  'draft',
  'submitted',
  'withdrawn',
  'selected',
  'waitlisted',
  'not_selected',
  /** Selected (or promoted), then withdrawn from the published cohort by the secretariat. */
  'withdrawn_from_cohort',
  /** A reply to a registration call the secretariat confirmed. */
  'confirmed',
  /** A reply to a registration call the secretariat declined, with its reason. */
  'declined',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

/**
 * The outcomes publication gives the submitted applications of a call, and `withdrawn`: a centre the
 * secretariat took off the published list.
 */
export const APPLICATION_OUTCOMES = ['selected', 'waitlisted', 'not_selected', 'withdrawn'] as const;
export type ApplicationOutcome = (typeof APPLICATION_OUTCOMES)[number];

export function outcomeOf(status: ApplicationStatus): ApplicationOutcome | null {
  if (status === 'withdrawn_from_cohort') return 'withdrawn';
  return status === 'selected' || status === 'waitlisted' || status === 'not_selected' ? status : null;
}

/**
 * One person an answer to a people question names. In a draft a property may be absent or blank;
 * a submitted application's people each have a name, an e-mail address and one of the question's roles.
 */
export interface Person {
  name: string;
  /** Their title or function (e.g. "Director of innovation"); may stay blank. */
  title: string;
  email: string;
  /** One of the question's roles (its options), e.g. `head_of_delegation`. */
  role: string;
}

/** The properties of a person, in the order they are shown and exported. */
export const PERSON_FIELDS = ['name', 'title', 'email', 'role'] as const;

/** The longest a person's texts may be, and the most people one answer may name whatever its question says. */
export const PERSON_LIMITS = { name: 200, title: 200, email: 254, role: 300, people: 100 } as const;

/** A text, a number, or the people of a people question. */
export type AnswerValue = string | number | Person[];
export type Answers = Record<string, AnswerValue>;

export interface EligibilityReason {
  code: string;
  message: string;
}

export interface Eligibility {
  eligible: boolean;
  reasons: EligibilityReason[];
}

/** The secretariat's decision on a reply to a registration call, and why. */
export interface ReplyDecision {
  decision: 'confirmed' | 'declined';
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

/** A decision of the secretariat that replaces the computed eligibility. */
export interface EligibilityOverride {
  eligible: boolean;
  reason: string;
  decidedBy: string;
  decidedAt: string;
}

/** What one criterion's evaluators said, without saying who they were. */
export interface CriterionFeedback {
  code: string;
  title: string;
  weight: number;
  /** The mean of the submitted scores on this criterion. */
  meanScore: number;
  comments: string[];
}

/**
 * Released to the applicant at publication (DESIGN.md: applicants "see the outcome and the feedback
 * released to them"): the final score and rank, each criterion's mean and comments, the overall
 * comments, in the call's criterion order and the evaluations' submission order. Null before.
 */
export interface ApplicationFeedback {
  score: number | null;
  rank: number | null;
  evaluationCount: number;
  criteria: CriterionFeedback[];
  comments: string[];
}

export interface Application {
  id: string;
  callId: string;
  organisationId: string;
  countryCode: string;
  region: Region;
  status: ApplicationStatus;
  answers: Answers;
  /** Computed at submission from the call's rules. */
  eligibility: Eligibility | null;
  eligibilityOverride: EligibilityOverride | null;
  /** A registration call's reply: the secretariat's last decision on it; null before one and for selection calls. */
  replyDecision: ReplyDecision | null;
  /** A reply to a registration call with sessions: the sessions it asks for, most wanted first. */
  sessionPreferences: string[];
  submittedAt: Date | null;
  withdrawnAt: Date | null;
  feedback: ApplicationFeedback | null;
  version: number;
  /** The version at which the answers last changed; null when written before it was kept. */
  answersVersion: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * Whether answers typed on `version` of a draft may be merged into it: they are stale only when the
 * answers changed after that version (another tab, a colleague). Attaching or removing a document
 * bumps the version (the ETag) but leaves typed answers current, so a tab never conflicts with its
 * own uploads.
 */
export function answersCurrentAt(
  application: Pick<Application, 'version' | 'answersVersion'>,
  version: number,
): boolean {
  return version <= application.version && version >= (application.answersVersion ?? application.version);
}

/** The eligibility in force: the secretariat's override when there is one. */
export function effectiveEligibility(application: Application): Eligibility | null {
  const override = application.eligibilityOverride;
  if (override) {
    return {
      eligible: override.eligible,
      reasons: [{ code: 'SECRETARIAT_DECISION', message: override.reason }],
    };
  }
  return application.eligibility;
}
