import type { MembershipCategory, OrganisationType, Region } from '@app/identity';
import type { CallSession, SessionAllocationRule } from './call-sessions';
import type { CallTranslations } from './call-translations';
import type { ExpertiseSettings } from './expertise-settings';

export const CALL_STATUSES = ['draft', 'open', 'closed', 'reviewing', 'published', 'archived'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

/**
 * A `selection` call evaluates, ranks and selects (the accelerator centres' call); a `registration`
 * call collects replies the secretariat confirms or declines (declarations of interest, delegations,
 * requests for speaking time), with no panel and no scores.
 */
export const CALL_KINDS = ['selection', 'registration'] as const;
export type CallKind = (typeof CALL_KINDS)[number];

export const QUESTION_TYPES = ['text', 'longtext', 'number', 'choice', 'url', 'email', 'people'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

export interface EligibilityRules {
  /** Allowed organisation types; all when absent. */
  organisationTypes?: OrganisationType[];
  /** The membership categories the call is addressed to; every category when absent. */
  addresseeCategories?: MembershipCategory[];
  /** Countries admitted besides the ITU Member States (e.g. observers). */
  countryCodes?: string[];
  /** Document kinds that must be attached before submission. */
  requiredDocuments?: string[];
}

export interface SelectionConstraints {
  maxPerCountry?: number;
  maxPerRegion?: Partial<Record<Region, number>>;
  minPerRegion?: Partial<Record<Region, number>>;
  minScore?: number;
  waitlistSize?: number;
}

export interface ScoringSettings {
  scaleMin: number;
  scaleMax: number;
  normalization: 'none' | 'zscore' | 'calibrated';
  disagreementThreshold: number;
}

export interface AssignmentSettings {
  excludeSameCountry: boolean;
}

export interface Criterion {
  code: string;
  title: string;
  description: string;
  weight: number;
}

export interface Question {
  key: string;
  label: string;
  type: QuestionType;
  required: boolean;
  maxLength?: number;
  /** A choice question's options; a people question's roles (people-question.ts). */
  options?: string[];
  /** A people question's fewest and most people, settled when it is defined (people-question.ts). */
  minCount?: number;
  maxCount?: number;
}

/**
 * One review stage (issue 14): its own scale and normalisation, evaluators per application,
 * criteria and evaluation due date. Stage 1's scale, evaluators and criteria are the call's own
 * fields (the v1 contract's), mirrored here.
 */
export interface ReviewStage {
  name: string;
  scoring: ScoringSettings;
  evaluatorsPerApplication: number;
  criteria: Criterion[];
  /** When the stage's evaluations are due; none when not set. */
  evaluationDueAt: Date | null;
  /** Days before the due date its evaluators are reminded; null follows the call's reminder schedule. */
  reminderDaysBefore: number[] | null;
  /** Days after the due date those unfinished are reminded; null follows the call's reminder schedule. */
  reminderDaysAfter: number[] | null;
}

/**
 * How the final ranking, from which cohorts are proposed, is made: the last stage's ranking, or the
 * applications of the last stage ranked by a weighted mean of their stage scores (weights by stage
 * position, e.g. `{ "1": 1, "2": 3 }`; a stage left out weighs nothing).
 */
export type FinalRankingRule = { rule: 'last-stage' } | { rule: 'weighted'; weights: Record<string, number> };

export const LAST_STAGE_RULE: FinalRankingRule = { rule: 'last-stage' };

/** The most review stages a call may have. */
export const MAX_STAGES = 10;

/** What the secretariat defines; everything of a call but its identity and lifecycle. */
export interface CallDefinition {
  /** Set when the call is created, never changed. */
  kind: CallKind;
  reference: string;
  title: string;
  description: string;
  opensAt: Date;
  closesAt: Date;
  cohortSize: number;
  evaluatorsPerApplication: number;
  eligibility: EligibilityRules;
  selection: SelectionConstraints;
  scoring: ScoringSettings;
  assignment: AssignmentSettings;
  criteria: Criterion[];
  questions: Question[];
  /**
   * Whether evaluators see a pseudonym instead of who applied (its name, city, website, team and
   * documents' names); the secretariat always sees everything. Settled before evaluation starts.
   */
  blind: boolean;
  /** The keywords evaluators declare expertise with, and the question read as an application's topic. */
  expertise: ExpertiseSettings;
  /** Stages 1..n in order; the first mirrors the call's scoring, evaluatorsPerApplication and criteria. */
  stages: ReviewStage[];
  finalRanking: FinalRankingRule;
  /**
   * The call's texts in the other languages (the English ones are the fields above): title,
   * description, criteria by code, questions by key. Changeable until publication.
   */
  translations: CallTranslations;
  /** A registration call's sessions whose seats are allocated among the replies; none otherwise. */
  sessions: CallSession[];
  /** How those seats are allocated; null without sessions. */
  sessionAllocation: SessionAllocationRule | null;
}

export interface Call extends CallDefinition {
  id: string;
  status: CallStatus;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  /** The cohort published for the call (cohorts grants it), once there is one. */
  publishedCohortId: string | null;
}

/**
 * What an application shows and checks of its call: its heading, window, questions, whether it is
 * blind and whether it has sessions. The calls context grants it to applications as the view
 * `calls_for_applications`, so an application is read with its call in one statement.
 */
export interface ApplicationCall extends Pick<
  Call,
  'id' | 'kind' | 'reference' | 'title' | 'status' | 'opensAt' | 'closesAt' | 'blind' | 'questions'
> {
  hasSessions: boolean;
}

export function applicationCallOf(call: Call): ApplicationCall {
  const { id, kind, reference, title, status, opensAt, closesAt, blind, questions } = call;
  return {
    id,
    kind,
    reference,
    title,
    status,
    opensAt,
    closesAt,
    blind,
    questions,
    hasSessions: call.sessions.length > 0,
  };
}

/**
 * What an evaluation is checked against: its call's status and each review stage's scale and
 * criteria, in order. The calls context grants it to evaluation as the view
 * `calls_evaluation_forms`, read and share-locked with the assignment being saved in one statement.
 */
export interface EvaluationForm {
  status: CallStatus;
  stages: Array<Pick<ReviewStage, 'scoring' | 'criteria'>>;
}

export function evaluationFormOf(call: Call): EvaluationForm {
  return { status: call.status, stages: call.stages.map(({ scoring, criteria }) => ({ scoring, criteria })) };
}

export const DEFAULT_DISAGREEMENT_THRESHOLD = 30;
