import { INestApplicationContext } from '@nestjs/common';
import { collapse, extractPdfText } from '../../libs/cohorts/src/annex/testing/pdf-text';
import { sql } from '../support/applications';
import { eventually } from '../support/async';
import { getBytes } from '../support/binary-get';
import { expectProblem } from '../support/calls-e2e';
import {
  assignmentId,
  assignmentRows,
  auditEvents,
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  evaluate,
  publishCall,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';
import { Actor, Applicant, createStaff } from '../support/fixtures';
import { inboxOf } from '../support/notifications';
import { scoringStatus } from '../support/scoring';
import { TestApi } from '../support/test-app';
import { startWorker } from '../support/worker';

interface RankingRow {
  applicationId: string;
  rank: number;
  score: number;
  rawScore: number;
  consensusScore: number | null;
}

/** Both criteria of the default call (scale 0–10) at one mark: the evaluator's total is 10 × the mark. */
const marks = (mark: number) => [
  { criterionCode: 'IMPACT', score: mark },
  { criterionCode: 'CAPACITY', score: mark },
];

/**
 * Moderation through HTTP: the queue of flagged and added applications, its moderators (the
 * secretariat, the chair it names, nobody else), each resolution and what it does to the ranking
 * and to the evaluations, frozen at publication, and bad input answered with problems.
 */
describe('moderation of flagged applications', () => {
  let api: TestApi;
  let worker: INestApplicationContext | undefined;
  let secretariat: Actor;
  let ana: Actor, bruno: Actor, chloe: Actor;
  let applicants: Applicant[];

  const base = (callId: string) => `/api/v1/calls/${callId}/moderation`;
  const resolve = (token: string, callId: string, applicationId: string, body: unknown) =>
    api.post(`${base(callId)}/applications/${applicationId}/resolutions`, { token, body });
  const rankingOf = async (callId: string) => {
    const res = await api.get(`/api/v1/calls/${callId}/ranking`, { token: secretariat.token });
    expect(res.status).toBe(200);
    return res.body.items as RankingRow[];
  };
  const scored = (callId: string) =>
    eventually(
      () => scoringStatus(api, secretariat.token, callId),
      (s) => s.upToDate,
      120_000,
    );

  /** The ranking recomputed from its own rows: by consensus score where there is one, else score; then raw score. */
  const expectedOrder = (rows: RankingRow[]) =>
    [...rows]
      .sort(
        (a, b) =>
          Math.round((b.consensusScore ?? b.score) / 1e-9) - Math.round((a.consensusScore ?? a.score) / 1e-9) ||
          Math.round(b.rawScore / 1e-9) - Math.round(a.rawScore / 1e-9),
      )
      .map((r) => r.applicationId);

  beforeAll(async () => {
    api = await TestApi.start();
    secretariat = await secretariatOf(api);
    [[ana, bruno, chloe], applicants] = await Promise.all([
      createEvaluators(api, [
        { countryCode: 'DE', displayName: 'Ana Evaluator' },
        { countryCode: 'JP', displayName: 'Bruno Évaluateur' },
        { countryCode: 'CA', displayName: 'Chloe Chair' },
      ]),
      createApplicantsFrom(api, [{ countryCode: 'KE' }, { countryCode: 'GH' }, { countryCode: 'BR' }]),
    ]);
    expect((await api.patch('/api/v1/me', { token: bruno.token, body: { locale: 'fr' } })).status).toBe(200);
    worker = await startWorker();
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  /**
   * A closed call of three applications, each evaluated by Ana and Bruno: the first they disagree on
   * (100 and 0, flagged), the second scores 65 and the third 45, so the first ranks second at 50.
   */
  async function evaluatedCall(overrides: Record<string, unknown> = {}) {
    const { callId, applicationIds } = await callWithSubmissions(api, applicants, {
      scoring: { scaleMin: 0, scaleMax: 10, normalization: 'none' },
      ...overrides,
    });
    await seatPanel(api, callId, [ana, bruno, chloe]);
    const [disputed, strong, weak] = applicationIds;
    const plan: Array<[string, number, number]> = [
      [disputed, 10, 0],
      [strong, 7, 6],
      [weak, 5, 4],
    ];
    const assignments = new Map<string, string>();
    for (const [applicationId, anaMark, brunoMark] of plan) {
      for (const [evaluator, mark] of [
        [ana, anaMark],
        [bruno, brunoMark],
      ] as const) {
        const id = await assignmentId(api, callId, applicationId, evaluator.id);
        await evaluate(api, evaluator.token, id, marks(mark));
        assignments.set(`${applicationId}:${evaluator.id}`, id);
      }
    }
    await scored(callId);
    return { callId, disputed, strong, weak, assignments };
  }

  it('queues what the scoring flags, lets the secretariat and its chair resolve it, and ranks by consensus', async () => {
    const { callId, disputed, strong, weak, assignments } = await evaluatedCall();
    expect((await rankingOf(callId)).map((r) => [r.applicationId, r.rank, r.consensusScore])).toEqual([
      [strong, 1, null],
      [disputed, 2, null],
      [weak, 3, null],
    ]);

    const queue = await api.get(`${base(callId)}/queue`, { token: secretariat.token });
    expect(queue.status).toBe(200);
    expect(queue.body).toMatchObject({ as: 'secretariat', total: 1 });
    expect(queue.body.items[0]).toMatchObject({
      applicationId: disputed,
      flagged: true,
      addedReason: null,
      spread: 100,
      rawScore: 50,
      rank: 2,
      consensusScore: null,
      resolution: null,
    });
    expect(queue.body.items[0].evaluators).toEqual([
      {
        assignmentId: assignments.get(`${disputed}:${ana.id}`),
        evaluatorId: ana.id,
        displayName: 'Ana Evaluator',
        total: 100,
      },
      {
        assignmentId: assignments.get(`${disputed}:${bruno.id}`),
        evaluatorId: bruno.id,
        displayName: 'Bruno Évaluateur',
        total: 0,
      },
    ]);

    // Panel members moderate only once named chair, and only the one named.
    expectProblem(await api.get(`${base(callId)}/queue`, { token: chloe.token }), 403, 'NOT_MODERATOR');
    expectProblem(await api.get(`${base(callId)}/queue`, { token: applicants[0].token }), 403, 'FORBIDDEN');
    expectProblem(
      await api.put(`${base(callId)}/chair`, { token: secretariat.token, body: { evaluatorId: applicants[0].id } }),
      422,
      'CHAIR_NOT_ON_PANEL',
    );
    expectProblem(
      await api.put(`${base(callId)}/chair`, { token: chloe.token, body: { evaluatorId: chloe.id } }),
      403,
      'FORBIDDEN',
    );
    const named = await api.put(`${base(callId)}/chair`, { token: secretariat.token, body: { evaluatorId: chloe.id } });
    expect(named.status).toBe(200);
    expect(named.body).toEqual({ id: chloe.id, displayName: 'Chloe Chair' });
    expect((await api.get(`${base(callId)}/chair`, { token: secretariat.token })).body).toEqual({
      chair: { id: chloe.id, displayName: 'Chloe Chair' },
    });
    expect((await auditEvents(api, 'call', callId)).filter((e) => e.action === 'moderation.chair_named')).toEqual([
      expect.objectContaining({ actorId: secretariat.id, before: { chairId: null }, after: { chairId: chloe.id } }),
    ]);
    expect((await api.get(`${base(callId)}/queue`, { token: chloe.token })).body).toMatchObject({ as: 'chair' });
    expectProblem(await api.get(`${base(callId)}/queue`, { token: ana.token }), 403, 'NOT_MODERATOR');
    expectProblem(
      await resolve(ana.token, callId, disputed, { outcome: 'scores_stand', note: 'Fine.' }),
      403,
      'NOT_MODERATOR',
    );

    // (c) The chair records a consensus score: the disputed application now ranks first, by it.
    const consensus = await resolve(chloe.token, callId, disputed, {
      outcome: 'consensus',
      note: '  The panel agreed after discussion.  ',
      consensusScore: 80,
    });
    expect(consensus.status).toBe(201);
    expect(consensus.body).toMatchObject({
      applicationId: disputed,
      stage: 1,
      outcome: 'consensus',
      note: 'The panel agreed after discussion.',
      consensusScore: 80,
      evaluatorIds: [],
      decidedBy: chloe.id,
      current: true,
    });
    await scored(callId);
    const withConsensus = await rankingOf(callId);
    expect(withConsensus.map((r) => r.applicationId)).toEqual(expectedOrder(withConsensus));
    expect(withConsensus.map((r) => [r.applicationId, r.rank, r.score, r.consensusScore])).toEqual([
      [disputed, 1, 50, 80],
      [strong, 2, 65, null],
      [weak, 3, 45, null],
    ]);
    const exported = await api.get(`/api/v1/calls/${callId}/ranking/export`, {
      token: secretariat.token,
      query: { format: 'csv' },
    });
    expect(exported.status).toBe(200);
    const [header, first] = exported.text.replace(/^\uFEFF/, '').split(/\r?\n/);
    const column = header.split(',').indexOf('consensus_score');
    expect(column).toBeGreaterThan(-1);
    expect(first.split(',')[column]).toBe('80');

    // Only a queued application is resolved; the secretariat adds one with a reason, once.
    expectProblem(
      await resolve(secretariat.token, callId, weak, { outcome: 'scores_stand', note: 'Fine.' }),
      409,
      'NOT_IN_MODERATION_QUEUE',
    );
    const reason = { reason: 'The applicant’s budget was questioned.' };
    expectProblem(
      await api.post(`${base(callId)}/queue/${weak}`, { token: chloe.token, body: reason }),
      403,
      'FORBIDDEN',
    );
    expect((await api.post(`${base(callId)}/queue/${weak}`, { token: secretariat.token, body: reason })).status).toBe(
      204,
    );
    expectProblem(
      await api.post(`${base(callId)}/queue/${weak}`, { token: secretariat.token, body: reason }),
      409,
      'ALREADY_IN_MODERATION_QUEUE',
    );

    // (a) Scores stand, with a note: the ranking is as the scores make it.
    const stand = await resolve(secretariat.token, callId, weak, { outcome: 'scores_stand', note: 'Checked: fair.' });
    expect(stand.status).toBe(201);
    const listed = await api.get(`${base(callId)}/queue`, { token: secretariat.token, query: { sort: 'rank' } });
    expect(listed.body.total).toBe(2);
    expect(
      listed.body.items.map(
        (i: { applicationId: string; addedReason: string | null; resolution: { outcome: string } }) => [
          i.applicationId,
          i.addedReason,
          i.resolution.outcome,
        ],
      ),
    ).toEqual([
      [disputed, null, 'consensus'],
      [weak, reason.reason, 'scores_stand'],
    ]);
    const page2 = await api.get(`${base(callId)}/queue`, {
      token: secretariat.token,
      query: { sort: 'rank', limit: 1, offset: 1 },
    });
    expect(page2.body).toMatchObject({ total: 2, items: [{ applicationId: weak }] });

    // (b) Revisit: only Bruno's evaluation of the disputed application reopens, and Bruno is told, in French.
    const before = await assignmentRows(api, callId);
    const revisit = await resolve(chloe.token, callId, disputed, {
      outcome: 'revisit',
      note: 'Merci de revoir la note de capacité.',
      evaluatorIds: [bruno.id],
    });
    expect(revisit.status).toBe(201);
    expect(revisit.body).toMatchObject({ outcome: 'revisit', evaluatorIds: [bruno.id], consensusScore: null });
    const reopened = assignments.get(`${disputed}:${bruno.id}`);
    const after = await assignmentRows(api, callId);
    for (const row of after) {
      const was = before.find((b) => b.id === row.id);
      expect([row.id, row.status]).toEqual([row.id, row.id === reopened ? 'draft' : was?.status]);
    }
    const notices = await inboxOf(api, bruno.token, 'evaluation.reopened_with_reason');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ locale: 'fr' });
    expect(notices[0].body).toContain('Merci de revoir la note de capacité.');
    expect(await inboxOf(api, ana.token, 'evaluation.reopened_with_reason')).toHaveLength(0);

    // A revisit whose database fails half-way (a statement cancelled on one of the named evaluations,
    // whichever is reopened first) changes nothing: the other evaluation stays submitted and untold,
    // and no resolution is recorded.
    await sql(
      api,
      `CREATE FUNCTION moderation_test_fault() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN RAISE EXCEPTION 'canceling statement' USING ERRCODE = '57014'; END $$`,
    );
    for (const [stuck, other] of [
      [ana, bruno],
      [bruno, ana],
    ]) {
      const stuckId = assignments.get(`${weak}:${stuck.id}`) as string;
      await sql(
        api,
        `CREATE TRIGGER moderation_test_fault BEFORE UPDATE ON assignments FOR EACH ROW
         WHEN (OLD.id = '${stuckId}') EXECUTE FUNCTION moderation_test_fault()`,
      );
      const partial = await resolve(chloe.token, callId, weak, {
        outcome: 'revisit',
        note: 'Both of you, please.',
        evaluatorIds: [ana.id, bruno.id],
      }).finally(() => sql(api, `DROP TRIGGER moderation_test_fault ON assignments`));
      expect(partial.status).toBe(503);
      const otherRow = (await assignmentRows(api, callId)).find((r) => r.id === assignments.get(`${weak}:${other.id}`));
      expect(otherRow).toMatchObject({ status: 'submitted' });
    }
    await sql(api, `DROP FUNCTION moderation_test_fault()`);
    expect(await inboxOf(api, ana.token, 'evaluation.reopened_with_reason')).toHaveLength(0);

    // The consensus no longer holds: the ranking is by Ana's total alone until Bruno submits again.
    await scored(callId);
    // No longer flagged (one total left), it stays in the queue with its resolution.
    const stillQueued = await api.get(`${base(callId)}/queue`, { token: chloe.token });
    expect(stillQueued.body.items.find((i: { applicationId: string }) => i.applicationId === disputed)).toMatchObject({
      flagged: false,
      resolution: { outcome: 'revisit', current: true },
    });
    const afterRevisit = await rankingOf(callId);
    expect(afterRevisit.find((r) => r.applicationId === disputed)).toMatchObject({ consensusScore: null, score: 100 });
    expect(afterRevisit.map((r) => r.applicationId)).toEqual(expectedOrder(afterRevisit));

    // Every resolution is kept, the latest current; each is audited with what it replaced.
    const history = await api.get(`${base(callId)}/applications/${disputed}/resolutions`, { token: chloe.token });
    expect(history.status).toBe(200);
    expect(history.body.total).toBe(2);
    expect(history.body.items.map((r: { outcome: string; current: boolean }) => [r.outcome, r.current])).toEqual([
      ['revisit', true],
      ['consensus', false],
    ]);
    const audited = (await auditEvents(api, 'application', disputed)).filter((e) => e.action === 'moderation.resolved');
    expect(audited.map((e) => [e.actorId, e.after?.outcome, e.before?.outcome ?? null])).toEqual([
      [chloe.id, 'consensus', null],
      [chloe.id, 'revisit', 'consensus'],
    ]);
    const reopenedAudit = await auditEvents(api, 'assignment', reopened as string);
    expect(reopenedAudit.map((e) => e.action)).toContain('evaluation.reopened');
    expect(
      (
        await sql(api, `SELECT count(*)::int AS n FROM moderation_resolutions WHERE application_id = $1`, [disputed])
      )[0],
    ).toEqual({ n: 2 });
  });

  it('ranks by the consensus score in full runs too, and the published cohort states it', async () => {
    const { callId, disputed, strong, weak } = await evaluatedCall();
    const token = secretariat.token;
    const agreed = { outcome: 'consensus', note: 'Agreed in panel.', consensusScore: 80 };
    expect((await resolve(token, callId, disputed, agreed)).status).toBe(201);
    await scored(callId);
    // Results written behind scoring's back: a full run finds them and ranks by the consensus again.
    await sql(api, `UPDATE application_results SET consensus_score = NULL, rank = 3 WHERE application_id = $1`, [
      disputed,
    ]);
    const run = await api.post(`/api/v1/calls/${callId}/scoring-runs`, { token });
    expect(run.status).toBe(202);
    await eventually(
      async () => (await api.get(`/api/v1/scoring-runs/${run.body.id}`, { token })).body.status as string,
      (status) => status === 'completed',
      120_000,
    );
    expect((await rankingOf(callId)).map((r) => [r.applicationId, r.rank, r.consensusScore])).toEqual([
      [disputed, 1, 80],
      [strong, 2, null],
      [weak, 3, null],
    ]);

    const proposed = await api.post(`/api/v1/calls/${callId}/cohorts`, { token, body: {} });
    expect(proposed.status).toBe(201);
    expect((await api.post(`/api/v1/cohorts/${proposed.body.id}/approve`, { token })).status).toBe(200);
    expect((await api.post(`/api/v1/cohorts/${proposed.body.id}/publish`, { token })).status).toBe(200);
    const document = await api.get(`/api/v1/public/cohorts/${proposed.body.id}`);
    expect(document.status).toBe(200);
    const members = document.body.members as Array<{ countryCode: string; consensusScore?: number }>;
    // The disputed application is the Kenyan centre's; the others carry no consensusScore at all.
    expect(members.map((m) => [m.countryCode, m.consensusScore])).toEqual(
      expect.arrayContaining([
        ['KE', 80],
        ['GH', undefined],
        ['BR', undefined],
      ]),
    );
    expect(members.filter((m) => 'consensusScore' in m)).toHaveLength(1);
  });

  it('counts the consensus score against the minimum score and releases it as the applicant’s score', async () => {
    // The evaluators' mean of the disputed application (50) meets the minimum of 48; its consensus (40) does not.
    const { callId, disputed, strong, weak } = await evaluatedCall({ selection: { maxPerCountry: 2, minScore: 48 } });
    const token = secretariat.token;
    const agreed = { outcome: 'consensus', note: 'Weaker than the marks say.', consensusScore: 40 };
    expect((await resolve(token, callId, disputed, agreed)).status).toBe(201);
    await scored(callId);
    expect((await rankingOf(callId)).map((r) => [r.applicationId, r.rank, r.score, r.consensusScore])).toEqual([
      [strong, 1, 65, null],
      [weak, 2, 45, null],
      [disputed, 3, 50, 40],
    ]);

    const proposed = await api.post(`/api/v1/calls/${callId}/cohorts`, { token, body: {} });
    expect(proposed.status).toBe(201);
    expect(proposed.body.members.map((m: { applicationId: string }) => m.applicationId)).toEqual([strong]);
    expect(
      (proposed.body.excluded as Array<{ applicationId: string; rank: number; score: number; reason: string }>)
        .map((e) => [e.applicationId, e.rank, e.score, e.reason])
        .sort(([, a], [, b]) => Number(a) - Number(b)),
    ).toEqual([
      [weak, 2, 45, 'BELOW_MIN_SCORE'],
      [disputed, 3, 40, 'BELOW_MIN_SCORE'],
    ]);
    expect((await api.post(`/api/v1/cohorts/${proposed.body.id}/approve`, { token })).status).toBe(200);
    expect((await api.post(`/api/v1/cohorts/${proposed.body.id}/publish`, { token })).status).toBe(200);

    const released = await api.get(`/api/v1/applications/${disputed}`, { token: applicants[0].token });
    expect(released.status).toBe(200);
    expect(released.body.status).toBe('not_selected');
    expect(released.body.feedback).toMatchObject({ rank: 3, score: 40 });
  });

  it('moderates a call only for its own chair, and a personal API token only reads it', async () => {
    const [a, b] = [await evaluatedCall(), await evaluatedCall()];
    const named = await api.put(`${base(a.callId)}/chair`, {
      token: secretariat.token,
      body: { evaluatorId: chloe.id },
    });
    expect(named.status).toBe(200);
    // Chloe chairs call A, and sits on call B's panel without chairing it.
    expect((await api.get(`${base(a.callId)}/queue`, { token: chloe.token })).body).toMatchObject({ as: 'chair' });
    expectProblem(await api.get(`${base(b.callId)}/queue`, { token: chloe.token }), 403, 'NOT_MODERATOR');
    expectProblem(
      await api.get(`${base(b.callId)}/applications/${b.disputed}/resolutions`, { token: chloe.token }),
      403,
      'NOT_MODERATOR',
    );
    expectProblem(
      await resolve(chloe.token, b.callId, b.disputed, { outcome: 'consensus', note: 'Not mine.', consensusScore: 90 }),
      403,
      'NOT_MODERATOR',
    );
    // Chloe finds the calls she chairs: A, named last, first; never B.
    const chaired = await api.get('/api/v1/moderation/chaired-calls', { token: chloe.token, query: { limit: 500 } });
    expect(chaired.status).toBe(200);
    const callA = (await api.get(`/api/v1/calls/${a.callId}`, { token: secretariat.token })).body;
    expect(chaired.body.items[0]).toEqual({ callId: a.callId, reference: callA.reference, title: callA.title });
    expect(chaired.body.items.map((c: { callId: string }) => c.callId)).not.toContain(b.callId);
    expect(chaired.body.total).toBe(chaired.body.items.length);
    expect((await api.get('/api/v1/moderation/chaired-calls', { token: ana.token })).body).toEqual({
      items: [],
      total: 0,
    });
    expectProblem(await api.get('/api/v1/moderation/chaired-calls', { token: secretariat.token }), 403, 'FORBIDDEN');
    // Call A's application is not moderated through call B.
    expectProblem(
      await resolve(chloe.token, b.callId, a.disputed, { outcome: 'scores_stand', note: 'Fine.' }),
      403,
      'NOT_MODERATOR',
    );

    // Tokens of the secretariat read the queue and the resolutions; none resolves, adds or names a chair.
    const owner = await createStaff(api, 'secretariat');
    const tokenWith = async (scopes: string[]) => {
      const res = await api.post('/api/v1/me/api-tokens', {
        token: owner.token,
        body: {
          name: `moderation ${scopes.join(' ')}`,
          scopes,
          expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
        },
      });
      expect(res.status).toBe(201);
      return res.body.secret as string;
    };
    const readOnly = await tokenWith(['read']);
    const everyScope = await tokenWith(['read', 'calls:write', 'applications:write', 'scoring:write']);
    expect(
      (await resolve(secretariat.token, a.callId, a.disputed, { outcome: 'scores_stand', note: 'Fair.' })).status,
    ).toBe(201);
    const queue = await api.get(`${base(a.callId)}/queue`, { token: readOnly });
    expect(queue.status).toBe(200);
    expect(queue.body).toMatchObject({ as: 'secretariat', total: 1, items: [{ applicationId: a.disputed }] });
    const history = await api.get(`${base(a.callId)}/applications/${a.disputed}/resolutions`, { token: readOnly });
    expect(history.status).toBe(200);
    expect(history.body).toMatchObject({ total: 1, items: [{ outcome: 'scores_stand', note: 'Fair.' }] });
    for (const token of [readOnly, everyScope]) {
      expectProblem(
        await resolve(token, a.callId, a.disputed, { outcome: 'consensus', note: 'By script.', consensusScore: 99 }),
        403,
        'INSUFFICIENT_SCOPE',
      );
      expectProblem(
        await api.post(`${base(a.callId)}/queue/${a.weak}`, { token, body: { reason: 'By script.' } }),
        403,
        'INSUFFICIENT_SCOPE',
      );
      expectProblem(
        await api.put(`${base(a.callId)}/chair`, { token, body: { evaluatorId: ana.id } }),
        403,
        'INSUFFICIENT_SCOPE',
      );
      expectProblem(await api.delete(`${base(a.callId)}/chair`, { token }), 403, 'INSUFFICIENT_SCOPE');
    }
    expect(
      await sql(api, `SELECT outcome FROM moderation_resolutions WHERE call_id = $1 ORDER BY decided_at`, [a.callId]),
    ).toEqual([{ outcome: 'scores_stand' }]);
    expect((await api.get(`${base(a.callId)}/queue`, { token: secretariat.token })).body.total).toBe(1);
    expect((await api.get(`${base(a.callId)}/chair`, { token: secretariat.token })).body).toEqual({
      chair: { id: chloe.id, displayName: 'Chloe Chair' },
    });
  }, 180_000);

  it('weighs each stage’s consensus score in a weighted final ranking, released and stated as recomputed', async () => {
    const token = secretariat.token;
    const weights = { '1': 1, '2': 3 };
    const { callId, applicationIds } = await callWithSubmissions(api, applicants, {
      scoring: { scaleMin: 0, scaleMax: 10, normalization: 'none' },
      stages: [
        { name: 'Written assessment' },
        {
          name: 'Panel interview',
          evaluatorsPerApplication: 2,
          scoring: { scaleMin: 0, scaleMax: 10, normalization: 'none', disagreementThreshold: 30 },
          criteria: [
            { code: 'IMPACT', title: 'Impact', weight: 1 },
            { code: 'CAPACITY', title: 'Capacity', weight: 1 },
          ],
        },
      ],
      finalRanking: { rule: 'weighted', weights },
    });
    await seatPanel(api, callId, [ana, bruno, chloe]);
    expect((await api.put(`${base(callId)}/chair`, { token, body: { evaluatorId: chloe.id } })).status).toBe(200);
    const [disputed, strong, weak] = applicationIds;
    const evaluateStage = async (stage: number, plan: Array<[string, number, number]>) => {
      for (const [applicationId, anaMark, brunoMark] of plan) {
        for (const [evaluator, mark] of [
          [ana, anaMark],
          [bruno, brunoMark],
        ] as const) {
          const assigned = await api.post(`/api/v1/calls/${callId}/assignments`, {
            token,
            body: { applicationId, evaluatorId: evaluator.id, stage },
          });
          expect(assigned.status).toBe(201);
          await evaluate(api, evaluator.token, assigned.body.id as string, marks(mark));
        }
      }
      await scored(callId);
    };

    // Stage 1: 50 (flagged), 65, 45; the secretariat records 80 for the disputed application.
    await evaluateStage(1, [
      [disputed, 10, 0],
      [strong, 7, 6],
      [weak, 5, 4],
    ]);
    const first = { outcome: 'consensus', note: 'Agreed in panel.', consensusScore: 80 };
    expect((await resolve(token, callId, disputed, first)).status).toBe(201);
    await scored(callId);
    expect((await api.post(`/api/v1/calls/${callId}/stages/2/shortlist`, { token, body: { size: 3 } })).status).toBe(
      201,
    );
    expect((await api.post(`/api/v1/calls/${callId}/stages/2/shortlist/confirm`, { token })).status).toBe(200);

    // Stage 2: 55, 45 (flagged), 60; the chair records 70 for the strong application in stage 2.
    await evaluateStage(2, [
      [disputed, 6, 5],
      [strong, 9, 0],
      [weak, 6, 6],
    ]);
    const second = await api.post(`${base(callId)}/applications/${strong}/resolutions`, {
      token: chloe.token,
      query: { stage: 2 },
      body: { outcome: 'consensus', note: 'Interview settled it.', consensusScore: 70 },
    });
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ stage: 2, consensusScore: 70 });
    await scored(callId);

    // F = Σ w_s · (consensus_s ?? score_s) / Σ w_s, from the stage rankings as served, descending.
    const stageRows = async (stage: number) => {
      const res = await api.get(`/api/v1/calls/${callId}/ranking`, { token, query: { stage } });
      expect(res.status).toBe(200);
      return new Map((res.body.items as RankingRow[]).map((r) => [r.applicationId, r]));
    };
    const [one, two] = [await stageRows(1), await stageRows(2)];
    expect([one.get(disputed)?.consensusScore, two.get(strong)?.consensusScore]).toEqual([80, 70]);
    const finalScore = (id: string) => {
      const byStage = (rows: Map<string, RankingRow>) => {
        const row = rows.get(id) as RankingRow;
        return row.consensusScore ?? row.score;
      };
      return (weights['1'] * byStage(one) + weights['2'] * byStage(two)) / (weights['1'] + weights['2']);
    };
    const recomputed = applicationIds
      .map((id) => ({ id, score: finalScore(id) }))
      .sort((x, y) => Math.round(y.score / 1e-9) - Math.round(x.score / 1e-9));
    // Without the consensus scores the order would be weak, disputed, strong.
    expect(recomputed.map((r) => r.id)).toEqual([strong, disputed, weak]);

    const proposed = await api.post(`/api/v1/calls/${callId}/cohorts`, { token, body: {} });
    expect(proposed.status).toBe(201);
    expect((await api.post(`/api/v1/cohorts/${proposed.body.id}/approve`, { token })).status).toBe(200);
    expect((await api.post(`/api/v1/cohorts/${proposed.body.id}/publish`, { token })).status).toBe(200);
    for (const [rank, reference] of recomputed.entries()) {
      const applicant = applicants[applicationIds.indexOf(reference.id)];
      const released = await api.get(`/api/v1/applications/${reference.id}`, { token: applicant.token });
      expect(released.status).toBe(200);
      expect(released.body.feedback.rank).toBe(rank + 1);
      expect(Math.abs(released.body.feedback.score - reference.score)).toBeLessThan(1e-9);
    }

    // The annex states the rule, in English and French.
    const annexes = await Promise.all(
      ['en', 'fr'].map((lang) => getBytes(api, `/api/v1/public/cohorts/${proposed.body.id}/annex.pdf?lang=${lang}`)),
    );
    expect(annexes.map((a) => a.status)).toEqual([200, 200]);
    const [english, french] = await Promise.all(
      annexes.map(async (a) => (await extractPdfText(a.body as Buffer)).text),
    );
    expect(english).toContain(collapse('recorded a consensus score for 2 applications; each was ranked by that score'));
    expect(english).toContain(collapse('In that mean, a consensus score recorded in a stage stands for'));
    expect(french).toContain(collapse('a fixé une note de consensus pour 2 candidatures'));
  }, 240_000);

  it('answers bad input with problems and refuses every change once the cohort is published', async () => {
    const { callId, disputed, strong } = await evaluatedCall();
    const token = secretariat.token;
    const fields = async (body: unknown) => {
      const res = await resolve(token, callId, disputed, body);
      expectProblem(res, 400, 'VALIDATION_FAILED');
      return (res.body.errors as Array<{ field: string }>).map((e) => e.field);
    };
    expect(await fields({ outcome: 'agree', note: 'x' })).toContain('outcome');
    expect(await fields({ outcome: 'consensus', note: 'x' })).toEqual(['consensusScore']);
    expect(await fields({ outcome: 'consensus', note: 'x', consensusScore: 101 })).toContain('consensusScore');
    expect(await fields({ outcome: 'consensus', note: 'x', consensusScore: '80' })).toContain('consensusScore');
    expect(await fields({ outcome: 'consensus', note: '   ', consensusScore: 80 })).toContain('note');
    expect(await fields({ outcome: 'scores_stand', note: 'x', consensusScore: 80 })).toEqual(['consensusScore']);
    expect(await fields({ outcome: 'revisit', note: 'x', evaluatorIds: [] })).toEqual(['evaluatorIds']);
    expect(await fields({ outcome: 'revisit', note: 'x', evaluatorIds: ['nobody'] })).toContain('evaluatorIds');
    // Chloe gave no evaluation of it: nothing is reopened.
    expect(await fields({ outcome: 'revisit', note: 'x', evaluatorIds: [chloe.id] })).toEqual(['evaluatorIds']);
    expect((await assignmentRows(api, callId, ['draft'])).length).toBe(0);
    expectProblem(await api.get(`${base(callId)}/queue`, { token, query: { sort: 'name' } }), 400, 'VALIDATION_FAILED');
    expectProblem(await api.get(`${base(callId)}/queue`, { token, query: { limit: 501 } }), 400, 'VALIDATION_FAILED');
    expectProblem(await api.get(`${base(callId)}/queue`, { token, query: { stage: 9 } }), 404, 'STAGE_NOT_FOUND');
    expectProblem(await api.get(`${base('not-a-uuid')}/queue`, { token }), 400, 'VALIDATION_FAILED');
    expectProblem(await api.get(`${base(crypto.randomUUID())}/queue`, { token }), 404, 'NOT_FOUND');
    expectProblem(
      await resolve(token, callId, crypto.randomUUID(), { outcome: 'scores_stand', note: 'x' }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await api.post(`${base(callId)}/queue/${strong}`, { token, body: { reason: '' } }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await api.put(`${base(callId)}/chair`, { token, body: { evaluatorId: 'x' } }),
      400,
      'VALIDATION_FAILED',
    );

    await publishCall(api, callId);
    expectProblem(
      await resolve(token, callId, disputed, { outcome: 'consensus', note: 'Late.', consensusScore: 90 }),
      409,
      'COHORT_PUBLISHED',
    );
    expectProblem(
      await api.post(`${base(callId)}/queue/${strong}`, { token, body: { reason: 'Late.' } }),
      409,
      'COHORT_PUBLISHED',
    );
    expectProblem(
      await api.put(`${base(callId)}/chair`, { token, body: { evaluatorId: chloe.id } }),
      409,
      'COHORT_PUBLISHED',
    );
    expectProblem(await api.delete(`${base(callId)}/chair`, { token }), 409, 'COHORT_PUBLISHED');
    // The queue still reads.
    expect((await api.get(`${base(callId)}/queue`, { token })).body.total).toBe(1);
    expect(
      (await sql(api, `SELECT count(*)::int AS n FROM moderation_resolutions WHERE call_id = $1`, [callId]))[0],
    ).toEqual({ n: 0 });
  });
});
