import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { scoreCall } from '@app/scoring';
import { extractPdfText } from '../../libs/cohorts/src/annex/testing/pdf-text';
import { download, expectProblem, sql } from '../support/applications';
import { inPool, withEnv } from '../support/async';
import {
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  evaluate,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';
import { Actor, Applicant } from '../support/fixtures';
import { RedisServer } from '../support/redis-server';
import {
  INTERVIEW,
  INTERVIEW_CRITERIA,
  Scores,
  WRITTEN,
  WRITTEN_CRITERIA,
  secretariatRequests,
} from '../support/review-stages';
import { csvRecords } from '../support/spreadsheets';
import { TestApi } from '../support/test-app';
import { startWorker } from '../support/worker';

const COUNTRIES = ['FR', 'DE', 'BR', 'IN', 'JP', 'MX', 'KE', 'GH'];

interface Submitted {
  assignmentId: string;
  applicationId: string;
  evaluatorId: string;
  scores: Scores;
}
interface StageAssignment {
  id: string;
  applicationId: string;
  evaluatorId: string;
  stage: number;
  status: string;
}

/**
 * A call in two stages whose interview stage has a panel of its own (a selection committee) and whose
 * final ranking weighs both stages, taken from assignment to publication: the committee alone is
 * assigned the interviews (conflicts still apply), the exports and statistics read per stage, a
 * cohort proposed before an earlier stage was rescored is refused as outdated, and the published
 * ranks and scores are those recomputed from the raw scores and the rule the annex states.
 */
describe('a call in two stages with a selection committee and a weighted final ranking, to publication', () => {
  let redis: RedisServer;
  let api: TestApi;
  let worker: INestApplicationContext;
  let secretariat: Actor;
  let writers: Actor[];
  let committee: Actor[];
  let applicants: Applicant[];

  beforeAll(async () => {
    redis = await RedisServer.start();
    api = await withEnv({ REDIS_URL: redis.url }, () => TestApi.start());
    worker = await startWorker({ REDIS_URL: redis.url });
    secretariat = await secretariatOf(api);
    writers = await createEvaluators(
      api,
      ['US', 'GB', 'CH'].map((countryCode) => ({ countryCode })),
    );
    committee = await createEvaluators(
      api,
      ['SE', 'NO', 'DK'].map((countryCode) => ({ countryCode })),
    );
    applicants = await createApplicantsFrom(
      api,
      COUNTRIES.map((countryCode, i) => ({ countryCode, organisationName: `Hub ${i} of ${countryCode}` })),
    );
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis?.stop();
  });

  const token = () => secretariat.token;
  const { get, post, upToDate } = secretariatRequests(() => api, token);
  const everyone = () => [...writers, ...committee];
  const ids = (actors: Actor[]) => actors.map((a) => a.id).sort();
  const memberIds = (panel: { members: Array<{ evaluatorId: string }> }) =>
    panel.members.map((m) => m.evaluatorId).sort();

  const stageAssignments = (stage: number) =>
    sql<StageAssignment>(
      api,
      `SELECT id, application_id AS "applicationId", evaluator_id AS "evaluatorId", stage, status
         FROM assignments WHERE call_id = $1 AND stage = $2 ORDER BY application_id, evaluator_id`,
      [callId, stage],
    );

  async function evaluateAll(rows: StageAssignment[], scoresOf: (e: number, a: number) => Scores) {
    const submitted: Submitted[] = [];
    await inPool(rows, 4, async (row) => {
      const evaluator = everyone().find((x) => x.id === row.evaluatorId)!;
      const scores = scoresOf(everyone().indexOf(evaluator), applicationIds.indexOf(row.applicationId));
      await evaluate(api, evaluator.token, row.id, scores);
      submitted.push({ assignmentId: row.id, applicationId: row.applicationId, evaluatorId: row.evaluatorId, scores });
    });
    return submitted;
  }

  /** A stage's results recomputed from its raw scores by the reference implementation of DESIGN §5. */
  async function recomputed(
    settings: typeof WRITTEN | typeof INTERVIEW,
    criteria: typeof WRITTEN_CRITERIA,
    applications: string[],
    evaluations: Submitted[],
  ) {
    const submittedAt = new Map<string, Date>();
    for (const id of applications) {
      submittedAt.set(id, new Date((await get(`/applications/${id}`)).body.submittedAt as string));
    }
    return scoreCall({
      criteria,
      scale: { scaleMin: settings.scaleMin, scaleMax: settings.scaleMax },
      normalization: settings.normalization,
      disagreementThreshold: settings.disagreementThreshold,
      applications: applications.map((id) => ({ id, submittedAt: submittedAt.get(id) as Date, rankable: true })),
      evaluations,
    }).applications;
  }

  /**
   * The final ranking recomputed independently: F = Σ w_s·score_s / Σ w_s over the weighted stages,
   * F descending at 1e-9, ties by the last stage's rank.
   */
  async function finalRanking(weights: Map<number, number>) {
    const [first, second] = [
      await recomputed(WRITTEN, WRITTEN_CRITERIA, applicationIds, stageOne),
      await recomputed(INTERVIEW, INTERVIEW_CRITERIA, shortlisted, stageTwo),
    ];
    const scoreIn = [
      new Map(first.map((r) => [r.applicationId, r.score])),
      new Map(second.map((r) => [r.applicationId, r.score])),
    ];
    const weightSum = [...weights.values()].reduce((sum, w) => sum + w, 0);
    const finals = second.map((r) => ({
      applicationId: r.applicationId,
      lastRank: r.rank,
      score:
        [...weights].reduce((sum, [stage, w]) => sum + w * scoreIn[stage - 1].get(r.applicationId)!, 0) / weightSum,
    }));
    finals.sort((x, y) => Math.round(y.score / 1e-9) - Math.round(x.score / 1e-9) || x.lastRank! - y.lastRank!);
    return new Map(finals.map((f, i) => [f.applicationId, { rank: i + 1, score: f.score }]));
  }

  let callId: string;
  let applicationIds: string[];

  it('is made with an interview stage and a final ranking weighing both stages', async () => {
    ({ callId, applicationIds } = await callWithSubmissions(api, applicants, {
      cohortSize: 3,
      evaluatorsPerApplication: 2,
      selection: {},
      scoring: WRITTEN,
      stages: [
        { name: 'Written assessment' },
        {
          name: 'Committee interview',
          evaluatorsPerApplication: 2,
          scoring: INTERVIEW,
          criteria: [
            { code: 'PITCH', title: 'Pitch', weight: 2 },
            { code: 'PLAN', title: 'Plan', weight: 1 },
          ],
        },
      ],
      finalRanking: { rule: 'weighted', weights: { '1': 1, '2': 3 } },
    }));
    expect((await get(`/calls/${callId}`)).body.finalRanking).toEqual({
      rule: 'weighted',
      weights: { '1': 1, '2': 3 },
    });
  });

  it('gives the interview stage a panel of its own; without one it uses the call’s', async () => {
    await seatPanel(api, callId, writers);
    const inherited = await get(`/calls/${callId}/panel`, { stage: 2 });
    expect(inherited.status).toBe(200);
    expect(inherited.body).toMatchObject({ callId, stage: 2, ownPanel: false });
    expect(memberIds(inherited.body)).toEqual(ids(writers));

    const named = await post(`/calls/${callId}/panel`, { evaluatorIds: committee.map((c) => c.id) }, { stage: 2 });
    expect(named.status).toBe(200);
    expect(named.body).toMatchObject({ callId, stage: 2, ownPanel: true });
    expect(memberIds(named.body)).toEqual(ids(committee));
    expect(memberIds((await get(`/calls/${callId}/panel`, { stage: 2 })).body)).toEqual(ids(committee));

    // The call's panel (stage 1's, and the v1 read) is unchanged.
    const v1 = await get(`/calls/${callId}/panel`);
    expect(v1.body).toMatchObject({ callId, stage: 1, ownPanel: false });
    expect(memberIds(v1.body)).toEqual(ids(writers));
    const paged = await get(`/calls/${callId}/panel/members`, { stage: 2, limit: 2 });
    expect(paged.status).toBe(200);
    expect(paged.body.total).toBe(3);
    expect((await get(`/calls/${callId}/panel/members`)).body.total).toBe(3);

    expectProblem(
      await post(`/calls/${callId}/panel`, { evaluatorIds: [committee[0].id] }, { stage: 3 }),
      404,
      'STAGE_NOT_FOUND',
    );
    expectProblem(await get(`/calls/${callId}/panel`, { stage: 3 }), 404, 'STAGE_NOT_FOUND');
    // A committee member sits on a panel of the call: it reads the call.
    expect((await api.get(`/api/v1/calls/${callId}`, { token: committee[0].token })).status).toBe(200);
  });

  let stageOne: Submitted[];
  let shortlisted: string[];

  it('assigns stage 1 from the call’s panel only, and shortlists five for the interviews', async () => {
    expect((await post(`/calls/${callId}/assignments/auto`)).body).toMatchObject({ created: 16, unassigned: [] });
    const rows = await stageAssignments(1);
    expect(new Set(rows.map((r) => r.evaluatorId))).toEqual(new Set(writers.map((w) => w.id)));
    stageOne = await evaluateAll(rows, (e, a) => [
      { criterionCode: 'IMPACT', score: Math.min(10, [8, 6, 5][e] + (a % 3)) },
      { criterionCode: 'CAPACITY', score: Math.max(0, [7, 5, 4][e] - (a % 4) + ((a * 3) % 5)) },
    ]);
    await upToDate(callId);
    const proposed = await post(`/calls/${callId}/stages/2/shortlist`, { size: 5 });
    expect(proposed.status).toBe(201);
    const confirmed = await post(`/calls/${callId}/stages/2/shortlist/confirm`);
    shortlisted = (confirmed.body.entries.items as Array<{ applicationId: string; advancing: boolean }>)
      .filter((e) => e.advancing)
      .map((e) => e.applicationId);
    expect(shortlisted).toHaveLength(5);
  });

  let stageTwo: Submitted[];

  it('assigns the interviews from the committee only, never against a conflict it declared', async () => {
    const conflicted = shortlisted[0];
    const declared = await api.post(`/api/v1/calls/${callId}/conflicts`, {
      token: committee[0].token,
      body: { applicationId: conflicted, reason: 'Advised this hub last year.' },
    });
    expect(declared.status).toBe(201);

    const byHand = await post(`/calls/${callId}/assignments`, {
      applicationId: shortlisted[1],
      evaluatorId: writers[0].id,
      stage: 2,
    });
    expectProblem(byHand, 409, 'NOT_ON_PANEL');
    expectProblem(
      await post(`/calls/${callId}/assignments`, { applicationId: conflicted, evaluatorId: committee[0].id, stage: 2 }),
      409,
      'CONFLICT_OF_INTEREST',
    );

    const auto = await post(`/calls/${callId}/assignments/auto`, undefined, { stage: 2 });
    expect(auto.body).toMatchObject({ created: 10, unassigned: [] });
    const rows = await stageAssignments(2);
    expect(rows).toHaveLength(10);
    expect(new Set(rows.map((r) => r.evaluatorId))).toEqual(new Set(committee.map((c) => c.id)));
    expect(new Set(rows.map((r) => r.applicationId))).toEqual(new Set(shortlisted));
    expect(
      rows
        .filter((r) => r.applicationId === conflicted)
        .map((r) => r.evaluatorId)
        .sort(),
    ).toEqual(ids(committee.slice(1)));
    // A member holding interviews stays on the committee; loads are the stage's.
    expectProblem(
      await api.delete(`/api/v1/calls/${callId}/panel/${committee[1].id}`, { token: token(), query: { stage: 2 } }),
      409,
      'EVALUATOR_HAS_ASSIGNMENTS',
    );
    const loads = (await get(`/calls/${callId}/panel`, { stage: 2 })).body.members as Array<{ load: number }>;
    expect(loads.reduce((sum, m) => sum + m.load, 0)).toBe(10);

    stageTwo = await evaluateAll(rows, (e, a) => [
      { criterionCode: 'PITCH', score: 1 + ((e + a) % 5) },
      { criterionCode: 'PLAN', score: 1 + ((2 * e + 3 * a) % 5) },
    ]);
    await upToDate(callId);
  });

  it('exports each stage’s evaluations with that stage’s criteria', async () => {
    const exported = async (stage?: number) => {
      const query = new URLSearchParams({ format: 'csv', ...(stage ? { stage: String(stage) } : {}) });
      const res = await download(api, `/api/v1/calls/${callId}/evaluations/export?${query.toString()}`, token());
      expect(res.status).toBe(200);
      return csvRecords(res.body as Buffer);
    };
    const interviews = await exported(2);
    expect(interviews).toHaveLength(10);
    expect(Object.keys(interviews[0])).toEqual(expect.arrayContaining(['PITCH.score', 'PLAN.comment']));
    expect(Object.keys(interviews[0])).not.toContain('IMPACT.score');
    for (const row of interviews) {
      const evaluation = stageTwo.find((e) => e.assignmentId === row.assignment_id)!;
      expect(row['PITCH.score']).toBe(String(evaluation.scores[0].score));
      expect(row['PLAN.score']).toBe(String(evaluation.scores[1].score));
    }
    const written = await exported();
    expect(written).toHaveLength(16);
    expect(Object.keys(written[0])).toEqual(expect.arrayContaining(['IMPACT.score', 'CAPACITY.comment']));
    expect(Object.keys(written[0])).not.toContain('PITCH.score');
    expectProblem(
      await download(api, `/api/v1/calls/${callId}/evaluations/export?stage=3`, token()),
      404,
      'STAGE_NOT_FOUND',
    );
  });

  it('counts each stage’s assignments in its statistics and its panel’s progress, the applications being the call’s', async () => {
    const [first, second] = [
      await get(`/calls/${callId}/statistics`),
      await get(`/calls/${callId}/statistics`, { stage: 2 }),
    ];
    expect(first.body.assignments).toEqual({ total: 16, submitted: 16 });
    expect(second.body.assignments).toEqual({ total: 10, submitted: 10 });
    expect(second.body.applications).toEqual(first.body.applications);
    expect(first.body.applications.submitted).toBe(8);

    // The panel's progress in a stage is that of the stage's panel.
    for (const [stage, panel, submitted] of [
      [1, writers, 16],
      [2, committee, 10],
    ] as const) {
      const progress = await get(`/calls/${callId}/panel/progress`, { stage });
      expect(progress.status).toBe(200);
      const items = progress.body.items as Array<{ evaluator: { id: string }; submitted: number }>;
      expect(progress.body.total).toBe(3);
      expect(items.map((i) => i.evaluator.id).sort()).toEqual(ids([...panel]));
      expect(items.reduce((sum, i) => sum + i.submitted, 0)).toBe(submitted);
    }
  });

  let cohortId: string;

  it('refuses a cohort proposed before an earlier weighted stage was rescored (409 COHORT_OUTDATED)', async () => {
    const proposed = await post(`/calls/${callId}/cohorts`, {});
    expect(proposed.status).toBe(201);
    const stageTwoBefore = (await get(`/calls/${callId}/ranking`, { stage: 2 })).body.items;

    // A written assessment of a finalist is reopened and marked again: stage 1's scores change, stage 2's do not.
    const finalist = stageOne.find((e) => e.applicationId === shortlisted[0])!;
    expect((await post(`/assignments/${finalist.assignmentId}/evaluation/reopen`)).status).toBe(200);
    const marker = writers.find((w) => w.id === finalist.evaluatorId)!;
    const remarked = [
      { criterionCode: 'IMPACT', score: finalist.scores[0].score >= 5 ? 0 : 10 },
      { criterionCode: 'CAPACITY', score: finalist.scores[1].score >= 5 ? 0 : 10 },
    ];
    await evaluate(api, marker.token, finalist.assignmentId, remarked);
    stageOne = stageOne.map((e) => (e.assignmentId === finalist.assignmentId ? { ...e, scores: remarked } : e));
    await upToDate(callId);
    expect((await get(`/calls/${callId}/ranking`, { stage: 2 })).body.items).toEqual(stageTwoBefore);

    expectProblem(await post(`/cohorts/${proposed.body.id}/approve`), 409, 'COHORT_OUTDATED');

    const fresh = await post(`/calls/${callId}/cohorts`, {});
    expect(fresh.status).toBe(201);
    cohortId = fresh.body.id as string;
  });

  it('publishes the ranks and scores recomputed from the raw scores and the rule the annex states, to 1e-9', async () => {
    expect((await post(`/cohorts/${cohortId}/approve`)).status).toBe(200);
    const published = await post(`/cohorts/${cohortId}/publish`);
    expect(published.status).toBe(200);

    const pdf = await request(api.server)
      .get(`/api/v1/public/cohorts/${cohortId}/annex.pdf`)
      .query({ lang: 'en' })
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    const { text } = await extractPdfText(pdf.body as Buffer);
    expect(text).toContain('weighted mean of their stage scores');
    const weights = new Map(
      [...text.matchAll(/stage (\d+), weight (\d+(?:\.\d+)?)/g)].map((m) => [Number(m[1]), Number(m[2])]),
    );
    expect(weights).toEqual(
      new Map([
        [1, 1],
        [2, 3],
      ]),
    );

    const expected = await finalRanking(weights);
    const members = published.body.members as Array<{ applicationId: string; rank: number; score: number }>;
    expect(members).toHaveLength(3);
    for (const member of members) {
      expect(member.rank).toBe(expected.get(member.applicationId)!.rank);
      expect(Math.abs(member.score - expected.get(member.applicationId)!.score)).toBeLessThan(1e-9);
    }
    for (const [index, applicationId] of applicationIds.entries()) {
      const released = await api.get(`/api/v1/applications/${applicationId}`, { token: applicants[index].token });
      expect(released.status).toBe(200);
      const { rank, score } = released.body.feedback as { rank: number | null; score: number | null };
      const reference = expected.get(applicationId);
      if (!reference) {
        // Not interviewed: no place in the final ranking.
        expect([rank, score]).toEqual([null, null]);
        continue;
      }
      expect(rank).toBe(reference.rank);
      expect(Math.abs(score! - reference.score)).toBeLessThan(1e-9);
    }
  });
});
