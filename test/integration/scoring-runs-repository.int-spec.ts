import { randomUUID } from 'node:crypto';
import { Transaction } from '@app/platform';
import { CallStatisticsRepository } from '../../libs/scoring/src/infrastructure/call-statistics.repository';
import { ScoringRun, ScoringRunsRepository } from '../../libs/scoring/src/infrastructure/scoring-runs.repository';
import { RepositoryDb, rolledBack, startRepositories } from '../support/repository-db';

describe('ScoringRunsRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let runs: ScoringRunsRepository;
  let statistics: CallStatisticsRepository;

  beforeAll(async () => {
    repo = await startRepositories([ScoringRunsRepository, CallStatisticsRepository]);
    runs = repo.get(ScoringRunsRepository);
    statistics = repo.get(CallStatisticsRepository);
  });
  afterAll(() => repo.close());

  const run = <T>(work: (tx: Transaction) => Promise<T>) => repo.transactions.run(work);

  /** A closed call with `evaluations` submitted evaluations (and a draft, which runs ignore). */
  async function scoredCall(evaluations: number): Promise<string> {
    const callId = await repo.seed.call({ status: 'closed', criteria: { impact: 2, team: 1 } });
    const evaluator = await repo.seed.user({ role: 'evaluator' });
    for (let i = 0; i < evaluations; i++) {
      const assignment = await repo.seed.assignment(
        callId,
        await repo.seed.application(callId),
        evaluator,
        'submitted',
      );
      await repo.seed.scores(assignment, { impact: i % 11, team: 10 - (i % 11) });
    }
    const draft = await repo.seed.assignment(callId, await repo.seed.application(callId), evaluator, 'draft');
    await repo.seed.scores(draft, { impact: 1, team: 1 });
    return callId;
  }

  async function newRun(callId: string): Promise<ScoringRun> {
    const id = await run((tx) => runs.insert(tx, { callId, reason: 'requested', triggerOutboxId: randomUUID() }));
    return (await runs.findById(id as string)) as ScoringRun;
  }

  const stagedTotals = async (runId: string) =>
    (await repo.db.query(`SELECT application_id, total FROM scoring_run_totals WHERE run_id = $1`, [runId])) as Array<{
      application_id: string;
      total: number;
    }>;

  it('inserts a queued run once per trigger, and finds it by trigger and by id', async () => {
    const callId = await repo.seed.call({ status: 'closed' });
    const requestedBy = await repo.seed.user({ role: 'secretariat' });
    const trigger = randomUUID();

    const id = await run((tx) =>
      runs.insert(tx, { callId, reason: 'reweighted', requestedBy, triggerOutboxId: trigger }),
    );
    const again = await run((tx) => runs.insert(tx, { callId, reason: 'requested', triggerOutboxId: trigger }));

    expect(again).toBeNull();
    expect(await run((tx) => runs.findByTrigger(tx, trigger))).toBe(id);
    expect(await run((tx) => runs.findByTrigger(tx, randomUUID()))).toBeNull();
    expect(await runs.findById(id as string)).toEqual({
      id,
      callId,
      status: 'queued',
      reason: 'reweighted',
      total: 0,
      done: 0,
      triggerOutboxId: trigger,
      coveredRequests: [],
      createdAt: expect.any(Date),
      startedAt: null,
      finishedAt: null,
      error: null,
    });
    expect(await runs.findById(randomUUID())).toBeNull();
  });

  it('keeps the id it is given, and inserts one run when the same trigger is inserted concurrently', async () => {
    const callId = await repo.seed.call({ status: 'closed' });
    const [id, trigger] = [randomUUID(), randomUUID()];
    expect(await run((tx) => runs.insert(tx, { id, callId, reason: 'requested', triggerOutboxId: randomUUID() }))).toBe(
      id,
    );

    const outcomes = await Promise.all(
      [1, 2, 3].map(() => run((tx) => runs.insert(tx, { callId, reason: 'requested', triggerOutboxId: trigger }))),
    );

    expect(outcomes.filter((o) => o !== null)).toHaveLength(1);
  });

  it('plans chunks of the submitted evaluations, starts the run, and records the requests it covers', async () => {
    const callId = await scoredCall(5);
    const scoringRun = await newRun(callId);
    const covered = [scoringRun.triggerOutboxId, randomUUID()];

    const chunks = await run((tx) => runs.plan(tx, scoringRun, 2, covered));

    expect(chunks).toEqual([0, 1, 2]);
    expect(await run((tx) => runs.chunkNumbers(tx, scoringRun.id))).toEqual([0, 1, 2]);
    expect(await run((tx) => runs.pendingChunks(tx, scoringRun.id))).toBe(3);
    const started = await runs.findById(scoringRun.id);
    expect(started).toMatchObject({ status: 'running', total: 5, done: 0, coveredRequests: covered });
    expect(started?.startedAt).toBeInstanceOf(Date);
  });

  it('plans no chunk for a call without submitted evaluations', async () => {
    const scoringRun = await newRun(await repo.seed.call({ status: 'closed' }));

    expect(await run((tx) => runs.plan(tx, scoringRun, 100, []))).toEqual([]);
    expect(await runs.findById(scoringRun.id)).toMatchObject({ status: 'running', total: 0 });
  });

  it('stages each chunk once, counting its evaluations; together the chunks stage every evaluation’s total', async () => {
    const callId = await scoredCall(5);
    const scoringRun = await newRun(callId);
    const chunks = await run((tx) => runs.plan(tx, scoringRun, 2, []));

    expect(await run((tx) => runs.stageChunk(tx, scoringRun, chunks[0]))).toBe(true);
    expect(await run((tx) => runs.stageChunk(tx, scoringRun, chunks[0]))).toBe(false);
    expect(await run((tx) => runs.stageChunk(tx, scoringRun, 99))).toBe(false);
    expect(await runs.findById(scoringRun.id)).toMatchObject({ done: 2 });
    expect(await run((tx) => runs.pendingChunks(tx, scoringRun.id))).toBe(2);

    // Two workers taking the same chunks at once: each chunk is staged by one of them.
    const staged = await Promise.all(
      [...chunks.slice(1), ...chunks.slice(1)].map((c) => run((tx) => runs.stageChunk(tx, scoringRun, c))),
    );
    expect(staged.filter(Boolean)).toHaveLength(2);
    expect(await runs.findById(scoringRun.id)).toMatchObject({ done: 5, total: 5 });
    expect(await run((tx) => runs.pendingChunks(tx, scoringRun.id))).toBe(0);

    const live = await statistics.evaluationTotals(callId);
    const totals = await stagedTotals(scoringRun.id);
    expect(totals.map((t) => [t.application_id, t.total]).sort()).toEqual(
      live.map((t) => [t.applicationId, t.total]).sort(),
    );
  });

  it('stages only the totals that differ from the kept ones, and a kept total of an evaluation no longer submitted', async () => {
    const callId = await scoredCall(5);
    const first = await newRun(callId);
    for (const chunk of await run((tx) => runs.plan(tx, first, 2, [])))
      await run((tx) => runs.stageChunk(tx, first, chunk));
    // The first run's totals kept, as its finishing step keeps them.
    await repo.db.query(
      `INSERT INTO scoring_evaluation_totals (assignment_id, call_id, application_id, evaluator_id, assignment_version, total)
       SELECT assignment_id, $1, application_id, evaluator_id, assignment_version, total FROM scoring_run_totals WHERE run_id = $2`,
      [callId, first.id],
    );
    const [rescored, reopened] = (
      (await repo.db.query(`SELECT id FROM assignments WHERE call_id = $1 AND status = 'submitted' ORDER BY id`, [
        callId,
      ])) as Array<{ id: string }>
    ).map((row) => row.id);
    // A score changed behind the evaluation's back (its version stays), and an evaluation reopened.
    await repo.db.query(
      `UPDATE criterion_scores SET score = 10 - score WHERE assignment_id = $1 AND criterion_code = 'impact'`,
      [rescored],
    );
    await repo.db.query(`UPDATE assignments SET status = 'draft', submitted_at = NULL WHERE id = $1`, [reopened]);

    const second = await newRun(callId);
    for (const chunk of await run((tx) => runs.plan(tx, second, 2, []))) {
      await run((tx) => runs.stageChunk(tx, second, chunk));
    }

    expect(
      await repo.db.query(
        `SELECT assignment_id AS id, assignment_version IS NOT NULL AS submitted FROM scoring_run_totals
         WHERE run_id = $1 ORDER BY assignment_id`,
        [second.id],
      ),
    ).toEqual([
      { id: rescored, submitted: true },
      { id: reopened, submitted: false },
    ]);
  });

  it('finishes a run, dropping its staged totals', async () => {
    const callId = await scoredCall(3);
    const [completed, failed] = [await newRun(callId), await newRun(callId)];
    for (const r of [completed, failed]) {
      for (const chunk of await run((tx) => runs.plan(tx, r, 10, []))) await run((tx) => runs.stageChunk(tx, r, chunk));
    }

    await run((tx) => runs.finish(tx, completed.id, { status: 'completed' }));
    await run((tx) => runs.finish(tx, failed.id, { status: 'failed', error: 'statement timeout' }));

    expect(await runs.findById(completed.id)).toMatchObject({
      status: 'completed',
      error: null,
      finishedAt: expect.any(Date),
    });
    expect(await runs.findById(failed.id)).toMatchObject({ status: 'failed', error: 'statement timeout' });
    expect(await stagedTotals(completed.id)).toEqual([]);
    expect(await stagedTotals(failed.id)).toEqual([]);
  });

  it('locks a run until the transaction ends; an unknown id is null', async () => {
    const scoringRun = await newRun(await repo.seed.call({ status: 'closed' }));

    await rolledBack(repo.transactions, async (tx) => {
      expect((await runs.lock(tx, scoringRun.id))?.id).toBe(scoringRun.id);
      await expect(
        repo.db.query(`SELECT 1 FROM scoring_runs WHERE id = $1 FOR UPDATE NOWAIT`, [scoringRun.id]),
      ).rejects.toThrow(/could not obtain lock/);
      expect(await runs.lock(tx, randomUUID())).toBeNull();
    });
  });
});
