import { FieldError, InvalidTransitionError } from '@app/platform/errors';
import { ClarificationExpiredError } from './clarification.errors';

/**
 * A question put to an applicant about its submitted application:
 * proposed (by an evaluator) → sent (or declined) by the secretariat → answered | expired.
 * The secretariat's own questions start as sent. `expired` is never stored: a sent request whose
 * reply deadline has passed is expired, by the clock of whoever reads it.
 */
export const CLARIFICATION_STATUSES = ['proposed', 'sent', 'declined', 'answered', 'expired'] as const;
export type ClarificationStatus = (typeof CLARIFICATION_STATUSES)[number];
export type StoredClarificationStatus = Exclude<ClarificationStatus, 'expired'>;

export const QUESTION_MAX_LENGTH = 4000;
export const ANSWER_MAX_LENGTH = 10_000;
/** Long enough for an organisation to find the facts; short enough for a review round to wait. */
export const REPLY_WINDOW_MAX_DAYS = 90;

export interface Clarification {
  id: string;
  applicationId: string;
  callId: string;
  status: ClarificationStatus;
  question: string;
  /** The evaluator's own wording, kept when the secretariat rewords it; null for the secretariat's questions. */
  proposedQuestion: string | null;
  replyBy: Date;
  proposedBy: { id: string; displayName: string } | null;
  proposedAt: Date | null;
  sentBy: { id: string; displayName: string } | null;
  sentAt: Date | null;
  declinedAt: Date | null;
  declineReason: string | null;
  answer: string | null;
  answeredBy: { id: string; displayName: string } | null;
  answeredAt: Date | null;
  document: ClarificationDocumentInfo | null;
  createdAt: Date;
}

export interface ClarificationDocumentInfo {
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
}

/** The status a reader sees at `now`: a sent request past its deadline has expired. */
export function effectiveStatus(stored: StoredClarificationStatus, replyBy: Date, now: Date): ClarificationStatus {
  return stored === 'sent' && replyBy.getTime() <= now.getTime() ? 'expired' : stored;
}

/** Only a proposal waits for the secretariat's decision. */
export function assertCanDecide(status: ClarificationStatus, action: 'sent' | 'declined'): void {
  if (status !== 'proposed') throw new InvalidTransitionError('clarification request', status, action);
}

/** An answer is taken once, while the request is sent and before its deadline (by the database clock). */
export function assertCanAnswer(stored: StoredClarificationStatus, replyBy: Date, now: Date): void {
  const status = effectiveStatus(stored, replyBy, now);
  if (status === 'expired') throw new ClarificationExpiredError(replyBy);
  if (status !== 'sent') throw new InvalidTransitionError('clarification request', status, 'answered');
}

/** A reply deadline must leave the applicant time, and not hold the review for months. */
export function replyByErrors(replyBy: Date, now: Date, field = 'replyBy'): FieldError[] {
  if (replyBy.getTime() <= now.getTime()) {
    return [{ field, message: 'the reply deadline must be in the future', code: 'REPLY_BY_PAST' }];
  }
  if (replyBy.getTime() - now.getTime() > REPLY_WINDOW_MAX_DAYS * 86_400_000) {
    return [
      {
        field,
        message: `the reply deadline must be within ${REPLY_WINDOW_MAX_DAYS} days`,
        code: 'REPLY_BY_TOO_LATE',
        params: { days: REPLY_WINDOW_MAX_DAYS },
      },
    ];
  }
  return [];
}

/** Who reads a clarification request, and so how much of it. */
export type ClarificationReader = { kind: 'secretariat' } | { kind: 'evaluator'; id: string } | { kind: 'applicant' };

/**
 * The secretariat reads every request; an evaluator those sent to the applicant and its own
 * proposals; the applicant only what was sent to it.
 */
export function mayRead(reader: ClarificationReader, request: Pick<Clarification, 'sentAt' | 'proposedBy'>): boolean {
  if (reader.kind === 'secretariat') return true;
  if (request.sentAt !== null) return true;
  return reader.kind === 'evaluator' && request.proposedBy?.id === reader.id;
}

/**
 * What the applicant reads of a request sent to it: the question as sent and its own answer, never
 * who on the panel proposed it or in which words.
 */
export function asSeenBy(reader: ClarificationReader, request: Clarification): Clarification {
  if (reader.kind !== 'applicant') return request;
  return { ...request, proposedQuestion: null, proposedBy: null, proposedAt: null, sentBy: null };
}
