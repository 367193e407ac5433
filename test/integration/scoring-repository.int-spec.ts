import { randomUUID } from 'node:crypto';
import { Transaction } from '@app/platform';
import { ApplicationResult, ScoringRepository } from '@app/scoring';
import { ScoringRunsRepository } from '../../libs/scoring/src/infrastructure/scoring-runs.repository';
import { RepositoryDb, startRepositories } from '../support/repository-db';
import { CalibrationRepository } from '../../libs/scoring/src/infrastructure/calibration.repository';

/**
 * The three ways ScoringRepository writes a call's results (a full statement, from a run's staged
 * totals, incrementally from kept totals) on the same facts; scoring-sql.int-spec.ts checks the
 * full statement against the pure reference.
 */
describe('ScoringRepository writes the same results whichever way it scores', () => {
  let repo: RepositoryDb;
  let scoring: ScoringRepository;
  let runs: ScoringRunsRepository;

  beforeAll(async () => {
    repo = await startRepositories([ScoringRepository, ScoringRunsRepository, CalibrationRepository]);
    scoring = repo.get(ScoringRepository);
    runs = repo.get(ScoringRunsRepository);
  });
  afterAll(() => repo.close());

  const locked = <T>(callId: string, work: (tx: Transaction) => Promise<T>) =>
    repo.transactions.run(async (tx) => {
      await scoring.lockCall(tx, callId, 'exclusive');
      return work(tx);
    });

  /** A z-scored call: 6 applications, 3 evaluators of differing severity, one application without an evaluation. */
  async function scoredCall(): Promise<{ callId: string; applications: string[]; assignments: string[] }> {
    const callId = await repo.seed.call({
      status: 'closed',
      scoring: { scaleMin: 1, scaleMax: 10, normalization: 'zscore', disagreementThreshold: 20 },
      criteria: { impact: 2, team: 1 },
    });
    const evaluators = [];
    for (let i = 0; i < 3; i++) evaluators.push(await repo.seed.user({ role: 'evaluator' }));
    const applications: string[] = [];
    const assignments: string[] = [];
    for (let a = 0; a < 6; a++) {
      const applicationId = await repo.seed.application(callId);
      // Only eligible applications are ranked.
      await repo.seed.eligibility(applicationId, true);
      applications.push(applicationId);
      if (a === 5) continue;
      for (const [e, evaluator] of evaluators.entries()) {
        if ((a + e) % 3 === 2) continue;
        const id = await repo.seed.assignment(callId, applicationId, evaluator, 'submitted');
        await repo.seed.scores(id, { impact: 1 + ((a * 3 + e * 2) % 10), team: 1 + ((a + e * 4) % 10) });
        assignments.push(id);
      }
    }
    return { callId, applications, assignments };
  }

  /** What a reader sees of the results, without the time they were computed. */
  const figures = (results: ApplicationResult[]) => results.map(({ computedAt: _at, ...rest }) => rest);

  it('scores a call fully, idempotently, ranking every application with a submitted evaluation', async () => {
    const { callId, applications } = await scoredCall();

    expect(await locked(callId, (tx) => scoring.scoreCall(tx, callId))).toEqual({ applications: 5 });
    const first = figures(await scoring.results(callId));
    await locked(callId, (tx) => scoring.scoreCall(tx, callId));

    expect(figures(await scoring.results(callId))).toEqual(first);
    expect(first.map((r) => r.applicationId).sort()).toEqual(applications.slice(0, 5).sort());
    expect(first.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(first.every((r) => r.evaluationCount === 2)).toBe(true);
  });

  it('reads one application’s result of its own call, and none before it is scored', async () => {
    const { callId, applications } = await scoredCall();
    expect(await scoring.resultOf(callId, applications[0]!)).toBeNull();
    await locked(callId, (tx) => scoring.scoreCall(tx, callId));

    const all = await scoring.results(callId);
    const one = all.find((r) => r.applicationId === applications[0]);
    expect(await scoring.resultOf(callId, applications[0]!)).toEqual(one);
    expect(await scoring.resultOf(randomUUID(), applications[0]!)).toBeNull();
    expect(await scoring.resultOf(callId, applications[5]!)).toBeNull();
  });

  it('deletes the result of an application left without a submitted evaluation', async () => {
    const { callId, applications } = await scoredCall();
    await locked(callId, (tx) => scoring.scoreCall(tx, callId));
    await repo.db.query(`UPDATE assignments SET status = 'draft', submitted_at = NULL WHERE application_id = $1`, [
      applications[0],
    ]);

    await locked(callId, (tx) => scoring.scoreCall(tx, callId));

    const results = await scoring.results(callId);
    expect(results.map((r) => r.applicationId)).not.toContain(applications[0]);
    expect(results.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
  });

  it('scores from a run’s staged totals exactly as from the live scores', async () => {
    const { callId } = await scoredCall();
    await locked(callId, (tx) => scoring.scoreCall(tx, callId));
    const full = figures(await scoring.results(callId));
    await repo.db.query(`DELETE FROM application_results WHERE call_id = $1`, [callId]);
    const runId = (await repo.transactions.run((tx) =>
      runs.insert(tx, { callId, reason: 'requested', triggerOutboxId: randomUUID() }),
    )) as string;
    const run = (await runs.findById(runId))!;
    for (const chunk of await repo.transactions.run((tx) => runs.plan(tx, run, 4, []))) {
      await repo.transactions.run((tx) => runs.stageChunk(tx, run, chunk));
    }

    expect(await locked(callId, (tx) => scoring.scoreCallFromRun(tx, callId, runId))).toEqual({ applications: 5 });

    expect(figures(await scoring.results(callId))).toEqual(full);
  });

  it('rescores incrementally to the full results, after the first time and after one evaluation changes', async () => {
    const { callId, assignments } = await scoredCall();
    const full = async () => {
      await locked(callId, (tx) => scoring.scoreCall(tx, callId));
      return figures(await scoring.results(callId));
    };
    const incremental = async () => {
      await locked(callId, (tx) => scoring.rescoreIncrementally(tx, callId));
      return figures(await scoring.results(callId));
    };

    expect(await incremental()).toEqual(await full());

    await repo.db.query(`UPDATE criterion_scores SET score = 10 WHERE assignment_id = $1`, [assignments[3]]);
    await repo.db.query(`UPDATE assignments SET updated_at = now() WHERE id = $1`, [assignments[3]]);
    const afterChange = await incremental();
    expect(afterChange).toEqual(await full());
    expect(await incremental()).toEqual(afterChange);
  });
});
