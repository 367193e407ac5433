import { randomInt } from 'node:crypto';
import type { Client } from 'pg';
import type { Response } from 'supertest';
import { sql } from './applications';
import { ADMIN, Actor, Applicant, PASSWORD, createApplicant, createCall, login, uniqueEmail } from './fixtures';
import type { Language } from '../../apps/web/src/i18n/languages';
import { TestApi } from './test-app';

/**
 * Helpers of the evaluation suites. People are slow to create (argon2 on purpose), so a suite creates
 * its evaluators and applicants once and reuses them across calls: an evaluator may sit on many
 * panels and an organisation may apply to many calls.
 */

/**
 * Admin logins are rate limited per client address and e-mail in a Redis that concurrent test runs
 * share, and the API trusts X-Forwarded-For from loopback: each run presents its own address.
 */
const CLIENT_ADDRESS = `198.19.${randomInt(256)}.${randomInt(1, 255)}`;
const secretariats = new WeakMap<TestApi, Promise<Actor>>();

/** The suite's secretariat, created with a single admin login per app. */
export function secretariatOf(api: TestApi): Promise<Actor> {
  let secretariat = secretariats.get(api);
  if (!secretariat) {
    secretariat = createSecretariat(api);
    secretariats.set(api, secretariat);
  }
  return secretariat;
}

async function createSecretariat(api: TestApi): Promise<Actor> {
  const admin = await api.post('/api/v1/auth/login', { body: ADMIN, headers: { 'X-Forwarded-For': CLIENT_ADDRESS } });
  if (admin.status !== 200) throw new Error(`admin login failed: ${admin.status} ${JSON.stringify(admin.body)}`);
  return createUser(api, admin.body.accessToken as string, 'secretariat', {});
}

async function createUser(
  api: TestApi,
  token: string,
  role: 'secretariat' | 'evaluator',
  profile: Record<string, unknown>,
): Promise<Actor> {
  const email = uniqueEmail(role);
  const res = await api.post('/api/v1/users', {
    token,
    body: { email, password: PASSWORD, displayName: `Test ${role}`, role, ...profile },
  });
  if (res.status !== 201) throw new Error(`create ${role} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { id: res.body.id as string, email, token: await login(api, email) };
}

export interface EvaluatorProfile {
  countryCode?: string;
  affiliation?: string;
  /** "Test evaluator" unless given: pages that name evaluators need names of their own. */
  displayName?: string;
}

/** Users with the evaluator role, created by the suite's secretariat. */
export async function createEvaluators(api: TestApi, profiles: EvaluatorProfile[]): Promise<Actor[]> {
  const { token } = await secretariatOf(api);
  return Promise.all(profiles.map((profile) => createUser(api, token, 'evaluator', { ...profile })));
}

export interface ApplicantProfile {
  countryCode: string;
  organisationName?: string;
  city?: string;
  /** An interface language: the account's, where the API keeps it for accounts. */
  locale?: Language;
}

/** Applicants with an organisation each, in the given country and under the given name. */
export function createApplicantsFrom(api: TestApi, profiles: ApplicantProfile[]): Promise<Applicant[]> {
  return Promise.all(
    profiles.map((p) =>
      createApplicant(
        api,
        p.countryCode,
        { ...(p.organisationName ? { name: p.organisationName } : {}), ...(p.city ? { city: p.city } : {}) },
        p.locale,
      ),
    ),
  );
}

export interface EvaluationCall {
  callId: string;
  /** In the order of the applicants given. */
  applicationIds: string[];
}

/**
 * A new call to which every applicant submitted an eligible application, then closed by the
 * secretariat (left open with `close: false`); `answers` gives each applicant's, in their order.
 */
export async function callWithSubmissions(
  api: TestApi,
  applicants: Applicant[],
  overrides: Record<string, unknown> = {},
  options: { close?: boolean; answers?: Array<Record<string, unknown>> } = {},
): Promise<EvaluationCall> {
  const { token } = await secretariatOf(api);
  const call = await createCall(api, token, overrides);
  const applicationIds = await Promise.all(
    applicants.map((a, i) => submitApplication(api, a, call.id, options.answers?.[i])),
  );
  if (options.close ?? true) {
    const closed = await api.post(`/api/v1/calls/${call.id}/close`, { token });
    if (closed.status !== 200) throw new Error(`close failed: ${closed.status} ${JSON.stringify(closed.body)}`);
  }
  return { callId: call.id, applicationIds };
}

async function submitApplication(
  api: TestApi,
  applicant: Applicant,
  callId: string,
  answers: Record<string, unknown> = { programme: 'A six-month programme for digital start-ups.' },
): Promise<string> {
  const draft = await api.post(`/api/v1/calls/${callId}/applications`, { token: applicant.token, body: { answers } });
  if (draft.status !== 201) throw new Error(`draft failed: ${draft.status} ${JSON.stringify(draft.body)}`);
  const submitted = await api.post(`/api/v1/applications/${draft.body.id}/submit`, { token: applicant.token });
  if (submitted.status !== 200) throw new Error(`submit failed: ${submitted.status} ${JSON.stringify(submitted.body)}`);
  if (submitted.body.eligibility?.eligible !== true) throw new Error(`ineligible: ${JSON.stringify(submitted.body)}`);
  return draft.body.id as string;
}

/** Puts the evaluators on the call's panel. */
export async function seatPanel(api: TestApi, callId: string, evaluators: Actor[]): Promise<void> {
  const { token } = await secretariatOf(api);
  const res = await api.post(`/api/v1/calls/${callId}/panel`, {
    token,
    body: { evaluatorIds: evaluators.map((e) => e.id) },
  });
  if (res.status !== 200) throw new Error(`panel failed: ${res.status} ${JSON.stringify(res.body)}`);
}

export async function autoAssign(api: TestApi, callId: string): Promise<Response> {
  return api.post(`/api/v1/calls/${callId}/assignments/auto`, { token: (await secretariatOf(api)).token });
}

export async function assignByHand(
  api: TestApi,
  callId: string,
  applicationId: string,
  evaluatorId: string,
): Promise<Response> {
  return api.post(`/api/v1/calls/${callId}/assignments`, {
    token: (await secretariatOf(api)).token,
    body: { applicationId, evaluatorId },
  });
}

/** Assigns by hand and answers the assignment id, failing loudly otherwise. */
export async function assignmentId(
  api: TestApi,
  callId: string,
  applicationId: string,
  evaluatorId: string,
): Promise<string> {
  const res = await assignByHand(api, callId, applicationId, evaluatorId);
  if (res.status !== 201) throw new Error(`assignment failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

export interface ScoreInput {
  criterionCode: string;
  score: number;
  comment?: string;
}

/** Scores for both criteria of the default call (scale 0–10), with comments. */
export const FULL_SCORES: ScoreInput[] = [
  { criterionCode: 'IMPACT', score: 7, comment: 'Reaches rural start-ups.' },
  { criterionCode: 'CAPACITY', score: 5, comment: 'Small team.' },
];

export function saveDraft(api: TestApi, token: string, id: string, body: unknown): Promise<Response> {
  return api.put(`/api/v1/assignments/${id}/evaluation`, { token, body });
}

export function submitEvaluation(api: TestApi, token: string, id: string): Promise<Response> {
  return api.post(`/api/v1/assignments/${id}/evaluation/submit`, { token });
}

/** Saves complete scores and submits them, failing loudly unless both succeed. */
export async function evaluate(
  api: TestApi,
  token: string,
  id: string,
  scores: ScoreInput[] = FULL_SCORES,
): Promise<Response> {
  const draft = await saveDraft(api, token, id, { scores });
  if (draft.status !== 200) throw new Error(`draft failed: ${draft.status} ${JSON.stringify(draft.body)}`);
  const res = await submitEvaluation(api, token, id);
  if (res.status !== 200) throw new Error(`submit failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

export interface AssignmentRow {
  id: string;
  applicationId: string;
  evaluatorId: string;
  status: string;
  endReason: string | null;
  submittedAt: Date | null;
}

/** The call's assignments as stored, optionally only those in the given statuses. */
export function assignmentRows(api: TestApi, callId: string, statuses?: string[]): Promise<AssignmentRow[]> {
  return sql<AssignmentRow>(
    api,
    `SELECT id, application_id AS "applicationId", evaluator_id AS "evaluatorId", status,
            end_reason AS "endReason", submitted_at AS "submittedAt"
       FROM assignments
      WHERE call_id = $1 AND ($2::text[] IS NULL OR status = ANY($2))
      ORDER BY application_id, evaluator_id, created_at`,
    [callId, statuses ?? null],
  );
}

export const LIVE = ['assigned', 'draft', 'submitted'];

export async function assignmentRow(api: TestApi, id: string): Promise<AssignmentRow> {
  const [row] = await sql<AssignmentRow>(
    api,
    `SELECT id, application_id AS "applicationId", evaluator_id AS "evaluatorId", status,
            end_reason AS "endReason", submitted_at AS "submittedAt"
       FROM assignments WHERE id = $1`,
    [id],
  );
  if (!row) throw new Error(`no assignment ${id}`);
  return row;
}

/** Evaluator ids per application id, from live assignments. */
export async function evaluatorsByApplication(api: TestApi, callId: string): Promise<Map<string, string[]>> {
  const result = new Map<string, string[]>();
  for (const row of await assignmentRows(api, callId, LIVE)) {
    result.set(row.applicationId, [...(result.get(row.applicationId) ?? []), row.evaluatorId].sort());
  }
  return result;
}

export function criterionScores(
  api: TestApi,
  assignmentId: string,
): Promise<Array<{ criterionCode: string; score: number; comment: string | null }>> {
  return sql(
    api,
    `SELECT criterion_code AS "criterionCode", score, comment FROM criterion_scores
      WHERE assignment_id = $1 ORDER BY criterion_code`,
    [assignmentId],
  );
}

export interface AuditRow {
  action: string;
  actorId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** Audit events of one entity, oldest first. */
export function auditEvents(api: TestApi, entityType: string, entityId: string): Promise<AuditRow[]> {
  return sql<AuditRow>(
    api,
    `SELECT action, actor_id AS "actorId", before, after FROM audit_events
      WHERE entity_type = $1 AND entity_id = $2 ORDER BY occurred_at, id`,
    [entityType, entityId],
  );
}

/** Publication has no endpoint yet: the suites set the call's status directly. */
export async function publishCall(api: TestApi, callId: string): Promise<void> {
  await sql(api, `UPDATE calls SET status = 'published' WHERE id = $1`, [callId]);
}

/**
 * Takes the call's row lock on a test connection and answers its release: a step that changes the
 * call (closed → reviewing on the first assignment) waits behind it, in the middle of its transaction.
 */
export async function holdCallRow(db: Client, callId: string): Promise<() => Promise<void>> {
  await db.query('BEGIN');
  await db.query('SELECT 1 FROM calls WHERE id = $1 FOR UPDATE', [callId]);
  return async () => {
    await db.query('COMMIT');
  };
}

/** Polls PostgreSQL until `count` sessions of the test database wait on a lock, or until `done()`. */
export async function untilWaiting(db: Client, count: number, done: () => boolean = () => false): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!done()) {
    await db.query('SELECT pg_stat_clear_snapshot()');
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (rows[0]!.n >= count) return;
    if (Date.now() > deadline) throw new Error(`only ${rows[0]!.n} of ${count} sessions wait on a lock`);
  }
}

export function sorted(ids: string[]): string[] {
  return [...ids].sort();
}
