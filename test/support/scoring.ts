import type { Client } from 'pg';
import { scoreCall } from '@app/scoring';
import { eventually, inPool } from './async';
import {
  assignmentRows,
  autoAssign,
  callWithSubmissions,
  saveDraft,
  seatPanel,
  secretariatOf,
  submitEvaluation,
} from './evaluation-fixtures';
import { Actor, Applicant } from './fixtures';
import { TestApi } from './test-app';

/** The criteria of the default test call (fixtures.callBody). */
export const DEFAULT_CRITERIA = [
  { code: 'IMPACT', weight: 0.6 },
  { code: 'CAPACITY', weight: 0.4 },
];

export interface ScoringStatus {
  upToDate: boolean;
  pending: number;
  lastComputedAt: string | null;
}

export async function scoringStatus(api: TestApi, token: string, callId: string): Promise<ScoringStatus> {
  return (await api.get(`/api/v1/calls/${callId}/scoring-status`, { token })).body as ScoringStatus;
}

/**
 * Recomputes a z-score call of the default criteria from the evaluations the API shows, with the
 * reference implementation: what /ranking must equal.
 */
export async function independentScores(
  api: TestApi,
  token: string,
  applicationIds: string[],
  criteria = DEFAULT_CRITERIA,
) {
  const evaluations = [];
  const applications = [];
  for (const id of applicationIds) {
    const application = await api.get(`/api/v1/applications/${id}`, { token });
    applications.push({ id, submittedAt: new Date(application.body.submittedAt), rankable: true });
    const listed = await api.get(`/api/v1/applications/${id}/evaluations`, { token });
    for (const e of listed.body.items.filter((x: { status: string }) => x.status === 'submitted')) {
      evaluations.push({ applicationId: id, evaluatorId: e.evaluatorId, scores: e.scores });
    }
  }
  return scoreCall({
    criteria,
    scale: { scaleMin: 0, scaleMax: 10 },
    normalization: 'zscore',
    disagreementThreshold: 30,
    applications,
    evaluations,
  });
}

/**
 * The call's ranking equals the reference recomputation, figure by figure (1e-9), rank by rank.
 * Answers the ranking's items and the evaluations they reflect.
 */
export async function expectRankingReflectsEvaluations(
  api: TestApi,
  token: string,
  callId: string,
  applicationIds: string[],
): Promise<{ items: Array<Record<string, unknown>>; evaluations: number }> {
  const ranking = await api.get(`/api/v1/calls/${callId}/ranking`, { token });
  expect(ranking.status).toBe(200);
  const expected = (await independentScores(api, token, applicationIds)).applications;
  expect(ranking.body.items).toHaveLength(expected.length);
  for (const [index, item] of ranking.body.items.entries()) {
    const reference = expected[index];
    expect(item.applicationId).toBe(reference.applicationId);
    expect(item.rank).toBe(reference.rank);
    expect(item.evaluationCount).toBe(reference.evaluationCount);
    for (const field of ['score', 'rawScore', 'normalizedScore', 'spread', 'stdDev'] as const) {
      expect(Math.abs(item[field] - reference[field])).toBeLessThan(1e-9);
    }
  }
  const items = ranking.body.items as Array<Record<string, unknown> & { evaluationCount: number }>;
  return { items, evaluations: items.reduce((sum, i) => sum + i.evaluationCount, 0) };
}

export interface CallWithDrafts {
  callId: string;
  /** In the order of the applicants given. */
  applicationIds: string[];
  /** Every assignment, its draft saved with complete scores, and its evaluator's token. */
  drafts: Array<{ id: string; token: string }>;
}

/**
 * A closed z-score call of the applicants (unless `callOverrides` say otherwise), auto assigned among
 * the evaluators (at most five), with every assignment's draft saved: lenient to harsh evaluators and
 * applications that differ, so that normalisation has work to do. Submitting the drafts is left to the test.
 */
export async function callWithDrafts(
  api: TestApi,
  evaluators: Actor[],
  applicants: Applicant[],
  evaluatorsPerApplication: number,
  callOverrides: Record<string, unknown> = {},
): Promise<CallWithDrafts> {
  const { callId, applicationIds } = await callWithSubmissions(api, applicants, {
    evaluatorsPerApplication,
    scoring: { scaleMin: 0, scaleMax: 10, normalization: 'zscore' },
    ...callOverrides,
  });
  await seatPanel(api, callId, evaluators);
  expect((await autoAssign(api, callId)).status).toBe(200);
  const rows = await assignmentRows(api, callId, ['assigned']);
  expect(rows).toHaveLength(applicants.length * evaluatorsPerApplication);
  const tokens = new Map(evaluators.map((e) => [e.id, e.token]));
  await inPool(rows, 10, async (row) => {
    const base = [8, 6, 5, 4, 3][evaluators.findIndex((x) => x.id === row.evaluatorId)];
    const i = applicationIds.indexOf(row.applicationId);
    const res = await saveDraft(api, tokens.get(row.evaluatorId) ?? '', row.id, {
      scores: [
        { criterionCode: 'IMPACT', score: Math.min(10, base + (i % 3)) },
        { criterionCode: 'CAPACITY', score: Math.max(0, base - (i % 4) + 1) },
      ],
    });
    expect(res.status).toBe(200);
  });
  return {
    callId,
    applicationIds,
    drafts: rows.map((row) => ({ id: row.id, token: tokens.get(row.evaluatorId) ?? '' })),
  };
}

/** Holds the call's scoring lock on a test connection: every step of a run waits behind it. */
export async function holdScoringLock(db: Client, callId: string): Promise<() => Promise<void>> {
  await db.query('BEGIN');
  await db.query(`SELECT pg_advisory_xact_lock(hashtextextended('scoring:' || $1::text, 0))`, [callId]);
  return async () => {
    await db.query('COMMIT');
  };
}

/**
 * callWithDrafts with every evaluation submitted and reflected by the incremental rescoring (a worker
 * must be running).
 */
export async function evaluatedCall(
  api: TestApi,
  evaluators: Actor[],
  applicants: Applicant[],
  evaluatorsPerApplication: number,
  callOverrides: Record<string, unknown> = {},
): Promise<CallWithDrafts> {
  const call = await callWithDrafts(api, evaluators, applicants, evaluatorsPerApplication, callOverrides);
  await submitDrafts(api, call);
  return call;
}

/** Submits every draft of callWithDrafts and waits until the incremental rescoring reflects them all. */
export async function submitDrafts(api: TestApi, call: CallWithDrafts): Promise<void> {
  const answers = await inPool(call.drafts, 6, async (d) => (await submitEvaluation(api, d.token, d.id)).status);
  expect(answers.filter((s) => s !== 200)).toEqual([]);
  const { token } = await secretariatOf(api);
  const status = await eventually(
    () => scoringStatus(api, token, call.callId),
    (s) => s.upToDate,
  );
  expect(status).toMatchObject({ upToDate: true });
}

/** Proposes the call's cohort on the call's own constraints, approves and publishes it; answers its id. */
export async function publishCohort(api: TestApi, token: string, callId: string): Promise<string> {
  const proposed = await api.post(`/api/v1/calls/${callId}/cohorts`, { token, body: {} });
  if (proposed.status !== 201) throw new Error(`proposal failed: ${proposed.status} ${JSON.stringify(proposed.body)}`);
  for (const step of ['approve', 'publish']) {
    const res = await api.post(`/api/v1/cohorts/${proposed.body.id}/${step}`, { token });
    if (res.status !== 200) throw new Error(`${step} failed: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return proposed.body.id as string;
}
