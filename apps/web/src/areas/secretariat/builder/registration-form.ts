import type { Call } from '../../../api/types';
import type { CreateCallBody } from '../types';
import type { CallFormValues, NumberValue } from './call-form';
import { fromGenevaWallTime, toGenevaWallTime } from './geneva-time';

/**
 * A registration call's sessions and the rule allocating their seats, in the shapes the builder's
 * fields edit, and as the API takes them.
 */

export type CallKind = Call['kind'];

/** A session: its times are Geneva wall-clock time, `YYYY-MM-DDTHH:mm` ('' for no end). */
export interface SessionRow {
  uid: string;
  key: string;
  title: string;
  startsAt: string;
  endsAt: string;
  capacity: NumberValue;
}

export interface AllocationValues {
  rule: 'receipt' | 'priority';
  /** With `priority`: the choice question read, and its options highest priority first. */
  questionKey: string;
  classes: string[];
  maxPerCountry: NumberValue;
}

/** The API's limits (CallSessionDto, call-sessions.ts). */
export const MAX_SESSIONS = 50;
export const MAX_SESSION_CAPACITY = 10_000;
const SESSION_KEY = /^[a-z][a-z0-9_]{0,59}$/;

let sessions = 0;
export function emptySession(): SessionRow {
  sessions += 1;
  return { uid: `session-${sessions}`, key: '', title: '', startsAt: '', endsAt: '', capacity: 1 };
}

export function emptyAllocation(): AllocationValues {
  return { rule: 'receipt', questionKey: '', classes: [], maxPerCountry: '' };
}

/** The call's sessions and rule as the builder's values. */
export function registrationValues(call: Call): Pick<CallFormValues, 'sessions' | 'sessionAllocation'> {
  const rule = call.sessionAllocation;
  return {
    sessions: (call.sessions ?? []).map((session) => ({
      ...emptySession(),
      key: session.key,
      title: session.title,
      startsAt: toGenevaWallTime(session.startsAt),
      endsAt: session.endsAt ? toGenevaWallTime(session.endsAt) : '',
      capacity: session.capacity,
    })),
    sessionAllocation: rule
      ? {
          rule: rule.rule,
          questionKey: rule.questionKey ?? '',
          classes: rule.classes ?? [],
          maxPerCountry: rule.maxPerCountry ?? '',
        }
      : emptyAllocation(),
  };
}

function count(value: NumberValue): number | undefined {
  if (value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(String(value).replace(',', '.'));
  return Number.isFinite(n) ? n : undefined;
}

/**
 * A registration call's sessions and rule, for the body: the rule only with sessions to allocate
 * (`null` clears it when the last session goes), the question and its classes only by priority.
 */
export function registrationBody(
  values: Pick<CallFormValues, 'sessions' | 'sessionAllocation'>,
  clearing: boolean,
): Pick<CreateCallBody, 'sessions' | 'sessionAllocation'> {
  const sessions = values.sessions.map((row) => ({
    key: row.key.trim(),
    title: row.title.trim(),
    startsAt: fromGenevaWallTime(row.startsAt) ?? row.startsAt,
    ...(row.endsAt ? { endsAt: fromGenevaWallTime(row.endsAt) ?? row.endsAt } : {}),
    capacity: count(row.capacity) ?? 0,
  }));
  if (sessions.length === 0) return clearing ? { sessions, sessionAllocation: null as never } : { sessions };
  const { rule, questionKey, classes, maxPerCountry } = values.sessionAllocation;
  const limit = count(maxPerCountry);
  return {
    sessions,
    sessionAllocation: {
      rule,
      ...(rule === 'priority' ? { questionKey, classes } : {}),
      ...(limit !== undefined ? { maxPerCountry: limit } : {}),
    },
  };
}

/** The call's choice questions, whose answer may rank replies, with their options. */
export function priorityQuestions(
  values: Pick<CallFormValues, 'questions'>,
): Array<{ key: string; label: string; options: string[] }> {
  return values.questions
    .filter((q) => q.type === 'choice' && q.key.trim())
    .map((q) => ({
      key: q.key.trim(),
      label: q.label.trim() || q.key.trim(),
      options: q.options
        .split('\n')
        .map((o) => o.trim())
        .filter(Boolean),
    }));
}

type Fail = (path: string, key: string, extra?: Record<string, unknown>) => void;

/** Each session's own rules and the rule's, as the API checks them. */
export function checkRegistration(values: CallFormValues, fail: Fail): void {
  if (values.sessions.length > MAX_SESSIONS) fail('sessions', 'tooManySessions', { count: MAX_SESSIONS });
  const seen = new Set<string>();
  values.sessions.forEach((row, i) => {
    const path = `sessions.${i}`;
    const key = row.key.trim();
    if (!SESSION_KEY.test(key)) fail(`${path}.key`, 'questionKey');
    else if (seen.has(key)) fail(`${path}.key`, 'duplicate', { value: key });
    seen.add(key);
    if (!row.title.trim()) fail(`${path}.title`, 'required');
    const starts = fromGenevaWallTime(row.startsAt);
    if (!starts) fail(`${path}.startsAt`, 'dateRequired');
    if (row.endsAt) {
      const ends = fromGenevaWallTime(row.endsAt);
      if (!ends) fail(`${path}.endsAt`, 'dateRequired');
      else if (starts && !(ends > starts)) fail(`${path}.endsAt`, 'endsBeforeStarts');
    }
    const capacity = count(row.capacity);
    if (capacity === undefined || !Number.isInteger(capacity) || capacity < 1 || capacity > MAX_SESSION_CAPACITY) {
      fail(`${path}.capacity`, 'integerRange', { min: 1, max: MAX_SESSION_CAPACITY });
    }
  });
  if (values.sessions.length === 0) return;
  const rule = values.sessionAllocation;
  const limit = count(rule.maxPerCountry);
  if (
    rule.maxPerCountry !== '' &&
    (limit === undefined || !Number.isInteger(limit) || limit < 1 || limit > MAX_SESSION_CAPACITY)
  ) {
    fail('sessionAllocation.maxPerCountry', 'integerRange', { min: 1, max: MAX_SESSION_CAPACITY });
  }
  if (rule.rule !== 'priority') return;
  const question = priorityQuestions(values).find((q) => q.key === rule.questionKey);
  if (!question) fail('sessionAllocation.questionKey', 'notAChoiceQuestion');
  else if (rule.classes.length === 0) fail('sessionAllocation.classes', 'classesRequired');
  else if (rule.classes.some((c) => !question.options.includes(c)))
    fail('sessionAllocation.classes', 'classesNotOptions');
}
