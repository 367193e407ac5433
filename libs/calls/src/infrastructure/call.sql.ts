import { Call } from '../domain/call';

/**
 * The columns of a call (alias `c`) shaped as a `Call` (but for the stages' due dates, which JSON
 * gives as strings: `toCall`), its criteria, questions and stages in order and its translations as JSON:
 * one statement reads a whole call, where a join of both lists would multiply their rows and
 * TypeORM's paged joins send a second statement.
 */
export const CALL_COLUMNS = `
  c.id, c.kind, c.reference, c.title, c.description, c.status,
  c.opens_at AS "opensAt", c.closes_at AS "closesAt", c.cohort_size AS "cohortSize",
  c.evaluators_per_application AS "evaluatorsPerApplication",
  c.eligibility, c.selection, c.scoring, c.assignment, c.blind, c.expertise, c.final_ranking AS "finalRanking",
  c.session_allocation AS "sessionAllocation", c.version,
  c.created_at AS "createdAt", c.updated_at AS "updatedAt",
  (SELECT p.cohort_id FROM cohorts_published_by_call p WHERE p.call_id = c.id) AS "publishedCohortId",
  (SELECT coalesce(json_agg(json_build_object(
            'code', k.code, 'title', k.title, 'description', k.description, 'weight', k.weight)
          ORDER BY k.position), '[]')
   FROM criteria k WHERE k.call_id = c.id AND k.stage = 1) AS criteria,
  (SELECT json_agg(json_build_object(
            'name', s.name, 'scoring', s.scoring, 'evaluatorsPerApplication', s.evaluators_per_application,
            'evaluationDueAt', s.evaluation_due_at,
            'reminderDaysBefore', s.reminder_days_before, 'reminderDaysAfter', s.reminder_days_after,
            'criteria', (SELECT coalesce(json_agg(json_build_object(
                                  'code', k.code, 'title', k.title, 'description', k.description, 'weight', k.weight)
                                ORDER BY k.position), '[]')
                         FROM criteria k WHERE k.call_id = s.call_id AND k.stage = s.position))
          ORDER BY s.position)
   FROM call_stages s WHERE s.call_id = c.id) AS stages,
  (SELECT coalesce(json_agg(json_strip_nulls(json_build_object(
            'key', q.key, 'label', q.label, 'type', q.type, 'required', q.required,
            'maxLength', q.max_length, 'options', q.options, 'minCount', q.min_count, 'maxCount', q.max_count))
          ORDER BY q.position), '[]')
   FROM questions q WHERE q.call_id = c.id) AS questions,
  (SELECT coalesce(json_agg(json_build_object(
            'key', s.key, 'title', s.title, 'startsAt', s.starts_at, 'endsAt', s.ends_at, 'capacity', s.capacity)
          ORDER BY s.position), '[]')
   FROM call_sessions s WHERE s.call_id = c.id) AS sessions,
  (SELECT coalesce(json_object_agg(t.language, json_strip_nulls(json_build_object(
            'title', t.title, 'description', t.description, 'criteria', t.criteria, 'questions', t.questions,
            'sessions', t.sessions))), '{}')
   FROM call_translations t WHERE t.call_id = c.id) AS translations`;

/** How a read takes the call's row: plainly, share-locked, or locked for update, until the transaction ends. */
export type CallLock = 'none' | 'share' | 'update';

const LOCKING: Record<CallLock, string> = { none: '', share: 'FOR SHARE OF c', update: 'FOR UPDATE OF c' };

export function callByIdSql(lock: CallLock): string {
  return `SELECT ${CALL_COLUMNS} FROM calls c WHERE c.id = $1 ${LOCKING[lock]}`;
}

/** The calls of the ids given ($1), in no particular order: one statement however many. */
export const CALLS_BY_IDS_SQL = `SELECT ${CALL_COLUMNS} FROM calls c WHERE c.id = ANY ($1::uuid[])`;

/** A page of calls by deadline (latest first), with the number of calls the filter matches. */
export const CALL_PAGE_SQL = `
  SELECT ${CALL_COLUMNS}, count(*) OVER ()::int AS total
  FROM calls c
  WHERE $1::text[] IS NULL OR c.status = ANY($1)
  ORDER BY c.closes_at DESC, c.id ASC
  LIMIT $2 OFFSET $3`;

/** A call as CALL_COLUMNS reads it: its stages' due dates and its sessions' times still ISO strings. */
export type CallRow = Omit<Call, 'stages' | 'sessions'> & {
  stages: Array<Omit<Call['stages'][number], 'evaluationDueAt'> & { evaluationDueAt: string | null }>;
  sessions: Array<Omit<Call['sessions'][number], 'startsAt' | 'endsAt'> & { startsAt: string; endsAt: string | null }>;
};

export type CallPageRow = CallRow & { total: number };

export function toCall(row: CallRow): Call {
  return {
    ...row,
    stages: row.stages.map((stage) => ({
      ...stage,
      evaluationDueAt: stage.evaluationDueAt === null ? null : new Date(stage.evaluationDueAt),
    })),
    sessions: row.sessions.map((session) => ({
      ...session,
      startsAt: new Date(session.startsAt),
      endsAt: session.endsAt === null ? null : new Date(session.endsAt),
    })),
  };
}
