import { INestApplicationContext } from '@nestjs/common';
import { scoreCall } from '@app/scoring';
import { expectProblem, sql } from '../support/applications';
import { inPool, withEnv } from '../support/async';
import {
  assignmentRows,
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  evaluate,
  saveDraft,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';
import { Actor, Applicant, callBody, createCall } from '../support/fixtures';
import { RedisServer } from '../support/redis-server';
import {
  INTERVIEW,
  INTERVIEW_CRITERIA,
  StageScale,
  Scores,
  WRITTEN,
  WRITTEN_CRITERIA,
  secretariatRequests,
} from '../support/review-stages';
import { TestApi } from '../support/test-app';
import { startWorker } from '../support/worker';

/** Twenty centres: eleven in Europe, the Americas and Asia, nine in Africa. */
const COUNTRIES = [
  'FR',
  'DE',
  'BR',
  'IN',
  'JP',
  'MX',
  'IT',
  'ES',
  'CA',
  'AR',
  'VN',
  ...Array(9).fill('KE'),
] as string[];

interface Submitted {
  applicationId: string;
  evaluatorId: string;
  scores: Scores;
}

describe('a call in two review stages: written assessment, shortlist, panel interview, cohort', () => {
  let redis: RedisServer;
  let api: TestApi;
  let worker: INestApplicationContext;
  let secretariat: Actor;
  let evaluators: Actor[];
  let applicants: Applicant[];

  beforeAll(async () => {
    redis = await RedisServer.start();
    api = await withEnv({ REDIS_URL: redis.url }, () => TestApi.start());
    worker = await startWorker({ REDIS_URL: redis.url });
    secretariat = await secretariatOf(api);
    evaluators = await createEvaluators(
      api,
      ['US', 'GB', 'CH', 'SE', 'NO'].map((countryCode) => ({ countryCode })),
    );
    applicants = await createApplicantsFrom(
      api,
      COUNTRIES.map((countryCode, i) => ({ countryCode, organisationName: `Centre ${i} of ${countryCode}` })),
    );
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis?.stop();
  });

  const token = () => secretariat.token;
  const { get, post, upToDate } = secretariatRequests(() => api, token);

  /** Every assignment not yet evaluated (the current stage's) evaluated, each evaluator marking at its own level. */
  async function evaluateStage(callId: string, scoresOf: (e: number, a: number) => Scores) {
    const rows = await assignmentRows(api, callId, ['assigned']);
    const submitted: Submitted[] = [];
    await inPool(rows, 6, async (row) => {
      const e = evaluators.findIndex((x) => x.id === row.evaluatorId);
      const scores = scoresOf(e, applicationIds.indexOf(row.applicationId));
      await evaluate(api, evaluators[e].token, row.id, scores);
      submitted.push({ applicationId: row.applicationId, evaluatorId: row.evaluatorId, scores });
    });
    return submitted;
  }

  /** DESIGN §5 recomputed from the raw scores submitted, by the reference implementation of its formulas. */
  async function recomputed(
    settings: StageScale,
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

  async function expectRankingEquals(callId: string, stage: number, expected: Awaited<ReturnType<typeof recomputed>>) {
    const ranking = await get(`/calls/${callId}/ranking`, { stage, limit: 50 });
    expect(ranking.status).toBe(200);
    expect(ranking.body.total).toBe(expected.length);
    for (const [index, item] of (ranking.body.items as Array<Record<string, number | string>>).entries()) {
      const reference = expected[index];
      expect([item.applicationId, item.rank, item.evaluationCount]).toEqual([
        reference.applicationId,
        reference.rank,
        reference.evaluationCount,
      ]);
      for (const field of ['score', 'rawScore', 'normalizedScore', 'spread', 'stdDev'] as const) {
        expect(Math.abs((item[field] as number) - reference[field])).toBeLessThan(1e-9);
      }
    }
    return ranking.body.items as Array<{ applicationId: string; rank: number }>;
  }

  let callId: string;
  let applicationIds: string[];

  it('is made with its stages, its own criteria in stage 2, and its final ranking rule', async () => {
    ({ callId, applicationIds } = await callWithSubmissions(api, applicants, {
      cohortSize: 4,
      evaluatorsPerApplication: 2,
      selection: { maxPerCountry: 3, minPerRegion: { AFR: 1 } },
      scoring: WRITTEN,
      stages: [
        { name: 'Written assessment', evaluationDueAt: '2040-01-10T12:00:00.000Z' },
        {
          name: 'Panel interview',
          evaluatorsPerApplication: 3,
          scoring: INTERVIEW,
          criteria: [
            { code: 'PITCH', title: 'Pitch', weight: 2 },
            { code: 'PLAN', title: 'Plan', weight: 1 },
          ],
        },
      ],
      finalRanking: { rule: 'last-stage' },
    }));
    const call = await get(`/calls/${callId}`);
    expect(call.body.stages).toEqual([
      {
        position: 1,
        name: 'Written assessment',
        evaluationDueAt: '2040-01-10T12:00:00.000Z',
        reminderDaysBefore: null,
        reminderDaysAfter: null,
      },
      {
        position: 2,
        name: 'Panel interview',
        scoring: INTERVIEW,
        evaluatorsPerApplication: 3,
        criteria: [
          { code: 'PITCH', title: 'Pitch', description: '', weight: 2 },
          { code: 'PLAN', title: 'Plan', description: '', weight: 1 },
        ],
        evaluationDueAt: null,
        reminderDaysBefore: null,
        reminderDaysAfter: null,
      },
    ]);
    expect(call.body.finalRanking).toEqual({ rule: 'last-stage' });
  });

  it('refuses a shortlist before stage 1 is scored, and stage 2 work before a confirmed shortlist', async () => {
    await seatPanel(api, callId, evaluators);
    expectProblem(await post(`/calls/${callId}/stages/2/shortlist`, { size: 8 }), 409, 'STAGE_NOT_SCORED');
    expectProblem(
      await post(`/calls/${callId}/assignments/auto`, undefined, { stage: 2 }),
      409,
      'SHORTLIST_NOT_CONFIRMED',
    );
    expectProblem(await get(`/calls/${callId}/ranking`, { stage: 3 }), 404, 'STAGE_NOT_FOUND');
    expectProblem(await post(`/calls/${callId}/stages/3/shortlist`, { size: 8 }), 404, 'STAGE_NOT_FOUND');
    expectProblem(await post(`/calls/${callId}/assignments/auto`, undefined, { stage: 3 }), 404, 'STAGE_NOT_FOUND');
    expectProblem(await get(`/calls/${callId}/ranking`, { stage: 0 }), 400, 'VALIDATION_FAILED');
    expectProblem(await post(`/calls/${callId}/stages/2/shortlist`, {}), 400, 'VALIDATION_FAILED');
  });

  let stageOne: Submitted[];
  let stageOneRanking: Array<{ applicationId: string; rank: number }>;

  it('scores stage 1 from its own evaluations, as recomputed from the raw scores to 1e-9', async () => {
    expect((await post(`/calls/${callId}/assignments/auto`)).body).toMatchObject({ created: 40, unassigned: [] });
    stageOne = await evaluateStage(callId, (e, a) => [
      { criterionCode: 'IMPACT', score: Math.min(10, [8, 6, 5, 4, 3][e] + (a % 4)) },
      { criterionCode: 'CAPACITY', score: Math.min(10, Math.max(0, [7, 6, 5, 4, 2][e] - (a % 3) + ((a * 7) % 5))) },
    ]);
    expect(stageOne).toHaveLength(40);
    await upToDate(callId);
    const expected = await recomputed(WRITTEN, WRITTEN_CRITERIA, applicationIds, stageOne);
    stageOneRanking = await expectRankingEquals(callId, 1, expected);
    // The v1 ranking, without a stage, is stage 1's.
    expect((await get(`/calls/${callId}/ranking`, { limit: 50 })).body.items).toEqual(
      (await get(`/calls/${callId}/ranking`, { stage: 1, limit: 50 })).body.items,
    );
  });

  let shortlisted: string[];

  it('shortlists 8 from the ranking with a reason for each, amended with a written reason, then confirmed', async () => {
    const proposed = await post(`/calls/${callId}/stages/2/shortlist`, { size: 8, keepRegionalMinimums: true });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({ stage: 2, status: 'proposed', advancing: 8, confirmedAt: null });
    expect(proposed.body.rule).toEqual({ size: 8, keepRegionalMinimums: true });
    const entries = proposed.body.entries.items as Array<{
      applicationId: string;
      rank: number;
      advancing: boolean;
      reason: string;
      organisation: { region: string };
    }>;
    expect(proposed.body.entries.total).toBe(20);
    expect(entries.map((e) => e.applicationId)).toEqual(stageOneRanking.map((r) => r.applicationId));
    expect(entries.filter((e) => e.advancing).some((e) => e.organisation.region === 'AFR')).toBe(true);
    for (const entry of entries) {
      expect(entry.reason).toMatch(
        entry.advancing ? /^(WITHIN_SIZE|KEEPS_REGIONAL_MINIMUM)$/ : /^(COHORT_FULL|SEAT_RESERVED_FOR_REGION)$/,
      );
    }

    const lastIn = entries.filter((e) => e.advancing).at(-1)!;
    const firstOut = entries.find((e) => !e.advancing)!;
    const amended = await api.patch(`/api/v1/calls/${callId}/stages/2/shortlist`, {
      token: token(),
      body: {
        advance: [firstOut.applicationId],
        holdBack: [lastIn.applicationId],
        reason: 'Withdrew from interviews.',
      },
    });
    expect(amended.status).toBe(200);
    const byId = new Map((amended.body.entries.items as typeof entries).map((e) => [e.applicationId, e]));
    expect(byId.get(firstOut.applicationId)).toMatchObject({
      advancing: true,
      reason: 'ADVANCED_BY_SECRETARIAT',
      note: 'Withdrew from interviews.',
    });
    expect(byId.get(lastIn.applicationId)).toMatchObject({ advancing: false, reason: 'HELD_BACK_BY_SECRETARIAT' });

    const confirmed = await post(`/calls/${callId}/stages/2/shortlist/confirm`);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body).toMatchObject({ status: 'confirmed', advancing: 8 });
    shortlisted = (confirmed.body.entries.items as typeof entries)
      .filter((e) => e.advancing)
      .map((e) => e.applicationId);
    expect(shortlisted).toHaveLength(8);
    expectProblem(await post(`/calls/${callId}/stages/2/shortlist`, { size: 5 }), 409, 'SHORTLIST_CONFIRMED');
    const audit = await sql<{ action: string }>(
      api,
      `SELECT action FROM audit_events WHERE entity_id = $1 AND action LIKE 'shortlist.%' ORDER BY occurred_at`,
      [callId],
    );
    expect(audit.map((a) => a.action)).toEqual(['shortlist.proposed', 'shortlist.amended', 'shortlist.confirmed']);
  });

  let stageTwo: Submitted[];

  it('assigns only the shortlisted in stage 2, scored on its own criteria and scale, recomputed to 1e-9', async () => {
    const held = applicationIds.find((id) => !shortlisted.includes(id))!;
    const manual = await post(`/calls/${callId}/assignments`, {
      applicationId: held,
      evaluatorId: evaluators[0].id,
      stage: 2,
    });
    expectProblem(manual, 409, 'NOT_SHORTLISTED');

    const auto = await post(`/calls/${callId}/assignments/auto`, undefined, { stage: 2 });
    expect(auto.body).toMatchObject({ created: 24, unassigned: [] });
    // Stage 1's are all submitted: the assignments still to evaluate are stage 2's.
    const rows = await assignmentRows(api, callId, ['assigned']);
    expect(rows).toHaveLength(24);
    expect(new Set(rows.map((r) => r.applicationId))).toEqual(new Set(shortlisted));
    // The panel's progress is read a stage at a time, stage 1 without `stage`.
    const progressIn = async (stage?: number) => {
      const items = (await get(`/calls/${callId}/panel/progress`, { limit: 50, ...(stage ? { stage } : {}) })).body
        .items as Array<{ assigned: number; submitted: number }>;
      const sum = { assigned: 0, submitted: 0 };
      for (const e of items) {
        sum.assigned += e.assigned;
        sum.submitted += e.submitted;
      }
      return sum;
    };
    expect(await progressIn(2)).toEqual({ assigned: 24, submitted: 0 });
    expect(await progressIn(1)).toEqual({ assigned: 0, submitted: 40 });
    expect(await progressIn()).toEqual({ assigned: 0, submitted: 40 });
    expectProblem(await get(`/calls/${callId}/panel/progress`, { stage: 3 }), 404, 'STAGE_NOT_FOUND');

    // Stage 1's criteria are not stage 2's.
    const first = rows[0];
    const evaluator = evaluators.find((e) => e.id === first.evaluatorId)!;
    const wrong = await saveDraft(api, evaluator.token, first.id, { scores: [{ criterionCode: 'IMPACT', score: 3 }] });
    expectProblem(wrong, 400, 'VALIDATION_FAILED');
    const outOfScale = await saveDraft(api, evaluator.token, first.id, {
      scores: [{ criterionCode: 'PITCH', score: 7 }],
    });
    expectProblem(outOfScale, 400, 'VALIDATION_FAILED');

    // Independence a stage at a time: an interviewer who marked the written assessment reads its colleagues'
    // stage-1 evaluations, and no colleague's interview evaluation until its own is submitted.
    const interviewScores = (e: number, a: number): Scores => [
      { criterionCode: 'PITCH', score: 1 + ((e + a) % 5) },
      { criterionCode: 'PLAN', score: 1 + ((2 * e + 3 * a) % 5) },
    ];
    const twice = rows.find((r) =>
      stageOne.some((s) => s.applicationId === r.applicationId && s.evaluatorId === r.evaluatorId),
    )!;
    const colleague = rows.find((r) => r.applicationId === twice.applicationId && r.evaluatorId !== twice.evaluatorId)!;
    expect(twice && colleague).toBeDefined();
    const colleagueScores = interviewScores(
      evaluators.findIndex((e) => e.id === colleague.evaluatorId),
      applicationIds.indexOf(colleague.applicationId),
    );
    await evaluate(api, evaluators.find((e) => e.id === colleague.evaluatorId)!.token, colleague.id, colleagueScores);
    const colleaguesSeenBy = async (stage: number) => {
      const token = evaluators.find((e) => e.id === twice.evaluatorId)!.token;
      const read = await api.get(`/api/v1/applications/${twice.applicationId}/evaluations`, {
        token,
        query: { limit: 50 },
      });
      expect(read.status).toBe(200);
      return (read.body.items as Array<{ stage: number }>).filter((item) => item.stage === stage).length;
    };
    expect(await colleaguesSeenBy(1)).toBe(stageOne.filter((s) => s.applicationId === twice.applicationId).length);
    expect(await colleaguesSeenBy(2)).toBe(0);

    stageTwo = [
      { applicationId: colleague.applicationId, evaluatorId: colleague.evaluatorId, scores: colleagueScores },
      ...(await evaluateStage(callId, interviewScores)),
    ];
    expect(stageTwo).toHaveLength(24);
    expect(await colleaguesSeenBy(2)).toBe(stageTwo.filter((s) => s.applicationId === twice.applicationId).length);
    await upToDate(callId);
    await expectRankingEquals(callId, 2, await recomputed(INTERVIEW, INTERVIEW_CRITERIA, shortlisted, stageTwo));
    // Stage 1 is scored from its own evaluations only, as before.
    await expectRankingEquals(callId, 1, await recomputed(WRITTEN, WRITTEN_CRITERIA, applicationIds, stageOne));
  });

  it('proposes the final cohort from the last stage ranking', async () => {
    const stageTwoRanking = (await get(`/calls/${callId}/ranking`, { stage: 2, limit: 50 })).body.items as Array<{
      applicationId: string;
      rank: number;
    }>;
    const cohort = await post(`/calls/${callId}/cohorts`, {});
    expect(cohort.status).toBe(201);
    const members = cohort.body.members as Array<{ applicationId: string; rank: number }>;
    expect(members).toHaveLength(4);
    const rankInStageTwo = new Map(stageTwoRanking.map((r) => [r.applicationId, r.rank]));
    for (const member of members) {
      expect(shortlisted).toContain(member.applicationId);
      expect(member.rank).toBe(rankInStageTwo.get(member.applicationId));
    }
    const excluded = cohort.body.excluded as Array<{ applicationId: string; reason: string }>;
    const notShortlisted = excluded.filter((e) => !shortlisted.includes(e.applicationId));
    expect(notShortlisted).toHaveLength(12);
    expect(new Set(notShortlisted.map((e) => e.reason))).toEqual(new Set(['NOT_FULLY_EVALUATED']));
    cohortId = cohort.body.id as string;
  });

  let cohortId: string;

  /** Each criterion's mean over the evaluations of one application, in the stage's criteria order. */
  function criterionMeans(evaluations: Submitted[], applicationId: string, criteria: Array<{ code: string }>) {
    const own = evaluations.filter((e) => e.applicationId === applicationId);
    return criteria.map(({ code }) => {
      const scores = own.map((e) => e.scores.find((s) => s.criterionCode === code)!.score);
      return { code, mean: scores.reduce((sum, score) => sum + score, 0) / scores.length };
    });
  }

  it('releases to each applicant the final rank and score and the criteria of the last stage it was evaluated in', async () => {
    expect((await post(`/cohorts/${cohortId}/approve`)).status).toBe(200);
    const published = await post(`/cohorts/${cohortId}/publish`);
    expect(published.status).toBe(200);
    const outcomeOf = (id: string) =>
      (published.body.members as Array<{ applicationId: string }>).some((m) => m.applicationId === id)
        ? 'selected'
        : (published.body.waitlist as Array<{ applicationId: string }>).some((w) => w.applicationId === id)
          ? 'waitlisted'
          : 'not_selected';
    // The final rule is the last stage's: the final ranking is stage 2's, recomputed from its raw scores.
    const final = new Map(
      (await recomputed(INTERVIEW, INTERVIEW_CRITERIA, shortlisted, stageTwo)).map((r) => [r.applicationId, r]),
    );
    const writtenCriteria = (await get(`/calls/${callId}`)).body.criteria as Array<{
      code: string;
      title: string;
      weight: number;
    }>;
    const interviewCriteria = [
      { code: 'PITCH', title: 'Pitch', weight: 2 },
      { code: 'PLAN', title: 'Plan', weight: 1 },
    ];

    for (const [index, applicationId] of applicationIds.entries()) {
      const released = await api.get(`/api/v1/applications/${applicationId}`, { token: applicants[index].token });
      expect(released.status).toBe(200);
      expect(released.body.outcome).toBe(outcomeOf(applicationId));
      const { score, rank, evaluationCount, criteria, comments } = released.body.feedback as {
        score: number | null;
        rank: number | null;
        evaluationCount: number;
        criteria: Array<{ code: string; title: string; weight: number; meanScore: number; comments: string[] }>;
        comments: string[];
      };
      const interviewed = shortlisted.includes(applicationId);
      // Held back after stage 1: no place in the final ranking, and stage 1's evaluations only.
      const [stageCriteria, evaluations] = interviewed
        ? [interviewCriteria, stageTwo]
        : [writtenCriteria.map(({ code, title, weight }) => ({ code, title, weight })), stageOne];
      const reference = final.get(applicationId);
      expect(rank).toBe(interviewed ? reference!.rank : null);
      if (interviewed) expect(Math.abs(score! - reference!.score)).toBeLessThan(1e-9);
      else expect(score).toBeNull();
      expect(evaluationCount).toBe(interviewed ? 3 : 2);
      expect(comments).toEqual([]);
      const means = criterionMeans(evaluations, applicationId, stageCriteria);
      expect(criteria.map(({ code, title, weight, comments: said }) => ({ code, title, weight, said }))).toEqual(
        stageCriteria.map((c) => ({ ...c, said: [] })),
      );
      for (const [i, criterion] of criteria.entries()) {
        expect(Math.abs(criterion.meanScore - means[i].mean)).toBeLessThan(1e-9);
      }
    }
  });
});

describe('a call created as before stages', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await TestApi.start();
  });
  afterAll(async () => {
    await api?.close();
  });

  it('has one stage made of its own fields, and reads as it did', async () => {
    const { token } = await secretariatOf(api);
    const call = await createCall(api, token, {}, false);
    expect(call.body.stages).toEqual([
      { position: 1, name: 'Evaluation', evaluationDueAt: null, reminderDaysBefore: null, reminderDaysAfter: null },
    ]);
    expect(call.body.finalRanking).toEqual({ rule: 'last-stage' });
    const [row] = await sql<{ positions: number[]; scoring: unknown }>(
      api,
      `SELECT array_agg(position) AS positions, (array_agg(scoring))[1] AS scoring FROM call_stages WHERE call_id = $1`,
      [call.id],
    );
    expect(row).toEqual({ positions: [1], scoring: call.body.scoring });
  });

  it('refuses stages that contradict the call, and a final ranking naming an unknown stage', async () => {
    const { token } = await secretariatOf(api);
    const contradicting = await api.post('/api/v1/calls', {
      token,
      body: callBody({ stages: [{ evaluatorsPerApplication: 9 }] }),
    });
    expect(expectProblem(contradicting, 400, 'VALIDATION_FAILED').map((e) => e.field)).toEqual([
      'stages.0.evaluatorsPerApplication',
    ]);
    const unknown = await api.post('/api/v1/calls', {
      token,
      body: callBody({ finalRanking: { rule: 'weighted', weights: { '1': 1, '3': 2 } } }),
    });
    expect(expectProblem(unknown, 400, 'VALIDATION_FAILED').map((e) => e.field)).toEqual(['finalRanking.weights.3']);
  });
});
