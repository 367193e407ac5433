import { ApplicationOutcomesRepository } from '../../libs/applications/src/infrastructure/application-outcomes.repository';
import { RepositoryDb, startRepositories } from '../support/repository-db';

describe('ApplicationOutcomesRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let outcomes: ApplicationOutcomesRepository;

  beforeAll(async () => {
    repo = await startRepositories([ApplicationOutcomesRepository]);
    outcomes = repo.get(ApplicationOutcomesRepository);
  });
  afterAll(() => repo.close());

  const stored = async (id: string) =>
    (
      (await repo.db.query(
        `SELECT status, feedback, version, created_by AS "createdBy" FROM applications WHERE id = $1`,
        [id],
      )) as Array<{ status: string; feedback: Record<string, unknown> | null; version: number; createdBy: string }>
    )[0];

  /** A submitted evaluation with its criterion scores and comments, submitted at the given time. */
  async function evaluation(
    callId: string,
    applicationId: string,
    submittedAt: string,
    overall: string | null,
    scores: Record<string, [number, string | null]>,
    stage = 1,
  ) {
    const evaluator = await repo.seed.user({ role: 'evaluator' });
    const id = await repo.seed.assignment(callId, applicationId, evaluator, 'submitted');
    await repo.db.query(`UPDATE assignments SET submitted_at = $2, overall_comment = $3, stage = $4 WHERE id = $1`, [
      id,
      submittedAt,
      overall,
      stage,
    ]);
    for (const [code, [score, comment]] of Object.entries(scores)) {
      await repo.db.query(
        `INSERT INTO criterion_scores (assignment_id, criterion_code, score, comment) VALUES ($1, $2, $3, $4)`,
        [id, code, score, comment],
      );
    }
  }

  it('sets each submitted application’s outcome, its place in the final ranking and its feedback in one statement, and answers whom to tell', async () => {
    // Criteria in position order: team first, then impact.
    const callId = await repo.seed.call({ status: 'reviewing', criteria: { team: 1, impact: 2 } });
    const [selected, waitlisted, notSelected] = [
      await repo.seed.application(callId),
      await repo.seed.application(callId),
      await repo.seed.application(callId),
    ];
    const withdrawn = await repo.seed.application(callId, { status: 'withdrawn' });
    const draft = await repo.seed.application(callId, { status: 'draft' });
    await evaluation(callId, selected, '2026-04-02T00:00:00Z', '  Second, later  ', {
      impact: [8, 'Wide'],
      team: [6, '  '],
    });
    await evaluation(callId, selected, '2026-04-01T00:00:00Z', 'First', { impact: [9, 'Deep'], team: [7, null] });
    await evaluation(callId, waitlisted, '2026-04-01T00:00:00Z', '', { impact: [5, null] });

    const published = await repo.transactions.run((tx) =>
      outcomes.publish(tx, callId, {
        selected: [selected],
        waitlisted: [waitlisted],
        finalRanking: [{ applicationId: selected, rank: 1, score: 87.5 }],
      }),
    );

    const recipients = await Promise.all(
      [selected, waitlisted, notSelected].map(async (id) => (await stored(id)).createdBy),
    );
    expect(published.sort((a, b) => a.outcome.localeCompare(b.outcome))).toEqual([
      { applicationId: notSelected, recipientId: recipients[2], outcome: 'not_selected', version: 2 },
      { applicationId: selected, recipientId: recipients[0], outcome: 'selected', version: 2 },
      { applicationId: waitlisted, recipientId: recipients[1], outcome: 'waitlisted', version: 2 },
    ]);
    expect((await stored(selected)).feedback).toEqual({
      score: 87.5,
      rank: 1,
      evaluationCount: 2,
      criteria: [
        { code: 'team', title: 'team', weight: 1, meanScore: 6.5, comments: [] },
        { code: 'impact', title: 'impact', weight: 2, meanScore: 8.5, comments: ['Deep', 'Wide'] },
      ],
      comments: ['First', 'Second, later'],
    });
    expect((await stored(waitlisted)).feedback).toMatchObject({
      score: null,
      rank: null,
      evaluationCount: 1,
      criteria: [{ code: 'impact', meanScore: 5, comments: [] }],
      comments: [],
    });
    expect((await stored(notSelected)).feedback).toEqual({
      score: null,
      rank: null,
      evaluationCount: 0,
      criteria: [],
      comments: [],
    });
    expect(await stored(withdrawn)).toMatchObject({ status: 'withdrawn', feedback: null, version: 1 });
    expect(await stored(draft)).toMatchObject({ status: 'draft', feedback: null, version: 1 });
  });

  it('releases of a call in two stages the final place, and the criteria of the last stage each was evaluated in', async () => {
    // Stage 2 scores a criterion of stage 1's code again, under its own title and weight.
    const callId = await repo.seed.call({ criteria: { impact: 1, team: 1 } });
    await repo.db.query(
      `INSERT INTO call_stages (call_id, position, name, scoring, evaluators_per_application)
       VALUES ($1, 2, 'Interview', '{"scaleMin": 1, "scaleMax": 5, "normalization": "none"}', 1)`,
      [callId],
    );
    await repo.db.query(
      `INSERT INTO criteria (call_id, code, title, weight, position, stage) VALUES ($1, 'impact', 'Impact shown', 3, 0, 2)`,
      [callId],
    );
    const [finalist, heldBack] = [await repo.seed.application(callId), await repo.seed.application(callId)];
    await evaluation(callId, finalist, '2026-04-01T00:00:00Z', 'Written', { impact: [9, 'On paper'], team: [8, null] });
    await evaluation(callId, finalist, '2026-05-01T00:00:00Z', 'Interviewed', { impact: [2, 'In person'] }, 2);
    await evaluation(callId, finalist, '2026-05-02T00:00:00Z', '', { impact: [3, null] }, 2);
    await evaluation(callId, heldBack, '2026-04-01T00:00:00Z', 'Held', { impact: [4, null], team: [6, 'Small'] });
    await repo.seed.callStatus(callId, 'reviewing');

    await repo.transactions.run((tx) =>
      outcomes.publish(tx, callId, {
        selected: [finalist],
        waitlisted: [],
        finalRanking: [{ applicationId: finalist, rank: 1, score: 62.25 }],
      }),
    );

    expect((await stored(finalist)).feedback).toEqual({
      score: 62.25,
      rank: 1,
      evaluationCount: 2,
      criteria: [{ code: 'impact', title: 'Impact shown', weight: 3, meanScore: 2.5, comments: ['In person'] }],
      comments: ['Interviewed'],
    });
    expect((await stored(heldBack)).feedback).toEqual({
      score: null,
      rank: null,
      evaluationCount: 1,
      criteria: [
        { code: 'impact', title: 'impact', weight: 1, meanScore: 4, comments: [] },
        { code: 'team', title: 'team', weight: 1, meanScore: 6, comments: ['Small'] },
      ],
      comments: ['Held'],
    });
  });

  it('answers nothing when published again, and leaves every outcome as it was', async () => {
    const callId = await repo.seed.call({ status: 'reviewing' });
    const [first, second] = [await repo.seed.application(callId), await repo.seed.application(callId)];
    const publish = (selected: string[]) =>
      repo.transactions.run((tx) => outcomes.publish(tx, callId, { selected, waitlisted: [], finalRanking: [] }));

    expect((await publish([])).map((o) => o.outcome)).toEqual(['not_selected', 'not_selected']);
    expect(await publish([first])).toEqual([]);
    expect(await stored(first)).toMatchObject({ status: 'not_selected', version: 2 });
    expect(await stored(second)).toMatchObject({ status: 'not_selected', version: 2 });
  });
});
