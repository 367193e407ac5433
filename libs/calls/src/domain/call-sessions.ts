import type { FieldError } from '@app/platform/errors';
import type { Question } from './call';

/**
 * A session of a registration call whose seats are allocated among the replies (e.g. a high-level
 * policy session of the WSIS Forum with its speaking slots): a reply asks for one or more in order
 * of preference and is given at most one.
 */
export interface CallSession {
  /** Stable within the call; what replies name. */
  key: string;
  title: string;
  /** An instant; the programme shows it in Geneva time. */
  startsAt: Date;
  endsAt: Date | null;
  /** The seats (speaking slots) to allocate. */
  capacity: number;
}

/**
 * How the seats are allocated (computed by the platform, then amended with reasons and confirmed):
 * in order of receipt, or by a priority read from a choice question's answer (its options in
 * `classes`, highest first, e.g. minister before deputy minister), then receipt; with at most
 * `maxPerCountry` seats per country in each session.
 */
export type SessionAllocationRule =
  | { rule: 'receipt'; maxPerCountry?: number }
  | { rule: 'priority'; questionKey: string; classes: string[]; maxPerCountry?: number };

export const MAX_SESSIONS = 50;
export const MAX_SESSION_CAPACITY = 10_000;

/** What holds across a call's sessions and its allocation rule; each field alone is checked by the DTO. */
export function sessionErrors(
  call: { kind: string; sessions: CallSession[]; sessionAllocation: SessionAllocationRule | null },
  questions: Question[],
): FieldError[] {
  const errors: FieldError[] = [];
  if (call.kind !== 'registration' && (call.sessions.length > 0 || call.sessionAllocation)) {
    errors.push({
      field: call.sessions.length > 0 ? 'sessions' : 'sessionAllocation',
      message: 'only a registration call allocates sessions',
      code: 'NOT_A_REGISTRATION',
    });
  }
  const seen = new Set<string>();
  call.sessions.forEach((session, index) => {
    if (seen.has(session.key)) {
      errors.push({
        field: `sessions.${index}.key`,
        message: `key "${session.key}" is used twice`,
        code: 'DUPLICATE',
        params: { value: session.key },
      });
    }
    seen.add(session.key);
    if (session.endsAt && session.endsAt.getTime() <= session.startsAt.getTime()) {
      errors.push({
        field: `sessions.${index}.endsAt`,
        message: 'a session ends after it starts',
        code: 'ENDS_BEFORE_STARTS',
      });
    }
  });
  const rule = call.sessionAllocation;
  if (rule && call.sessions.length === 0 && call.kind === 'registration') {
    errors.push({ field: 'sessionAllocation', message: 'the call has no sessions to allocate', code: 'NO_SESSIONS' });
  }
  if (rule?.rule === 'priority') {
    const question = questions.find((q) => q.key === rule.questionKey);
    if (!question || question.type !== 'choice') {
      errors.push({
        field: 'sessionAllocation.questionKey',
        message: 'the priority is read from a choice question of the call',
        code: 'NOT_A_CHOICE_QUESTION',
      });
    } else {
      const unknown = rule.classes.filter((c) => !question.options?.includes(c));
      if (unknown.length > 0) {
        errors.push({
          field: 'sessionAllocation.classes',
          message: `not options of "${question.key}": ${unknown.join(', ')}`,
          code: 'NOT_AN_OPTION',
          params: { options: unknown.join(', ') },
        });
      }
    }
  }
  return errors;
}
