import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PlatformModule, Transactions } from '@app/platform';
import { ApplicationResult, Normalization, ScoringRepository } from '@app/scoring';
import { ScoringRunsRepository } from '../../libs/scoring/src/infrastructure/scoring-runs.repository';
import { CalibrationRepository } from '../../libs/scoring/src/infrastructure/calibration.repository';

const CODES = ['a', 'B', 'c'];
const APPLICATIONS = 8;
const EVALUATORS = 4;

/** A change that asks for a rescoring, as the evaluation and applications contexts make it. */
type Change =
  | { kind: 'submit'; application: number; evaluator: number; scores: number[] }
  | { kind: 'reopen'; application: number; evaluator: number }
  // The nth submitted evaluation deleted outright, scores and all: no assignment row is written, one disappears.
  | { kind: 'remove'; nth: number }
  // A result deleted behind scoring's back: the next rescoring writes it again.
  | { kind: 'lose-result'; application: number }
  | { kind: 'withdraw'; application: number }
  | { kind: 'override'; application: number; eligible: boolean }
  | { kind: 'reweight'; weights: number[] }
  // A submission reflected by a full run (chunks staging totals, then ranking), not by a rescoring.
  | { kind: 'run'; submission: Extract<Change, { kind: 'submit' }> };

const submitArbitrary = fc.record({
  kind: fc.constant('submit' as const),
  application: fc.nat(APPLICATIONS - 1),
  evaluator: fc.nat(EVALUATORS - 1),
  scores: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: CODES.length, maxLength: CODES.length }),
});

const changeArbitrary: fc.Arbitrary<Change> = fc.oneof(
  { weight: 6, arbitrary: submitArbitrary },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('reopen' as const),
      application: fc.nat(APPLICATIONS - 1),
      evaluator: fc.nat(EVALUATORS - 1),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('remove' as const), nth: fc.nat(APPLICATIONS * EVALUATORS) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('lose-result' as const), application: fc.nat(APPLICATIONS - 1) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('withdraw' as const), application: fc.nat(APPLICATIONS - 1) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('override' as const),
      application: fc.nat(APPLICATIONS - 1),
      eligible: fc.boolean(),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('reweight' as const),
      weights: fc.array(fc.double({ min: 0.1, max: 3, noNaN: true }), {
        minLength: CODES.length,
        maxLength: CODES.length,
      }),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('run' as const), submission: submitArbitrary }),
  },
);

interface SeededCall {
  callId: string;
  applicationIds: string[];
  evaluatorIds: string[];
}

describe('incremental rescoring', () => {
  let context: INestApplicationContext;
  let db: DataSource;
  let transactions: Transactions;
  let repository: ScoringRepository;
  let runs: ScoringRunsRepository;
  let owner: string;
  let evaluatorIds: string[];

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformModule],
      providers: [ScoringRepository, ScoringRunsRepository, CalibrationRepository],
    }).compile();
    context = await moduleRef.init();
    db = context.get(DataSource);
    transactions = context.get(Transactions);
    repository = context.get(ScoringRepository);
    runs = context.get(ScoringRunsRepository);
    [{ id: owner }] = (await db.query(
      `INSERT INTO users (email, password_hash, role, display_name)
       VALUES ('incremental-owner-' || gen_random_uuid() || '@test.example', 'x', 'applicant', 'Owner') RETURNING id`,
    )) as Array<{ id: string }>;
    evaluatorIds = (
      (await db.query(
        `INSERT INTO users (email, password_hash, role, display_name)
         SELECT 'incremental-evaluator-' || gen_random_uuid() || '@test.example', 'x', 'evaluator', 'Evaluator ' || n
         FROM generate_series(1, $1::int) n RETURNING id`,
        [EVALUATORS],
      )) as Array<{ id: string }>
    ).map((row) => row.id);
  });

  afterAll(async () => {
    await context.close();
  });

  /** A call whose applications are submitted and eligible, none evaluated yet; ties on submission time. */
  async function seedCall(normalization: Normalization, threshold: number): Promise<SeededCall> {
    const scoring = { scaleMin: 0, scaleMax: 5, normalization, disagreementThreshold: threshold };
    const [{ id: callId }] = (await db.query(
      `INSERT INTO calls (reference, title, opens_at, closes_at, cohort_size, evaluators_per_application, scoring)
       VALUES ('INCREMENTAL-' || gen_random_uuid(), 'Incremental scoring', now() - interval '30 days',
               now() - interval '1 day', 5, 3, $1) RETURNING id`,
      [JSON.stringify(scoring)],
    )) as Array<{ id: string }>;
    await db.query(
      `INSERT INTO criteria (call_id, code, title, weight, position)
       SELECT $1, code, code, 1, position FROM unnest($2::text[]) WITH ORDINALITY AS c (code, position)`,
      [callId, CODES],
    );
    const applicationIds = (
      (await db.query(
        `WITH organisations AS (
           INSERT INTO organisations (name, country_code, type)
           SELECT 'Org ' || gen_random_uuid(), 'KE', 'academia' FROM generate_series(1, $2::int) RETURNING id
         )
         INSERT INTO applications (call_id, organisation_id, country_code, region, status, eligibility, submitted_at, created_by)
         SELECT $1, id, 'KE', 'AFR', 'submitted', '{"eligible":true}', timestamptz '2026-03-01Z' + (row_number() OVER () / 3) * interval '1 second', $3
         FROM organisations RETURNING id`,
        [callId, APPLICATIONS, owner],
      )) as Array<{ id: string }>
    ).map((row) => row.id);
    return { callId, applicationIds, evaluatorIds };
  }

  /** A full run of the call, as the worker makes it: chunks of two evaluations, then the ranking. */
  async function fullRun(callId: string): Promise<void> {
    const runId = (await transactions.run((tx) =>
      runs.insert(tx, { callId, reason: 'requested', triggerOutboxId: randomUUID() }),
    )) as string;
    const run = (await runs.findById(runId))!;
    for (const chunk of await transactions.run((tx) => runs.plan(tx, run, 2, []))) {
      await transactions.run((tx) => runs.stageChunk(tx, run, chunk));
    }
    await transactions.run(async (tx) => {
      await repository.lockCall(tx, callId, 'exclusive');
      await repository.scoreCallFromRun(tx, callId, runId);
      await runs.finish(tx, runId, { status: 'completed' });
    });
  }

  /** Kept totals that are not those of the live submitted evaluations (another version, or no longer submitted). */
  async function staleKeptTotals(callId: string): Promise<number> {
    const [{ n }] = (await db.query(
      `SELECT count(*)::int AS n FROM scoring_evaluation_totals t
       WHERE t.call_id = $1 AND NOT EXISTS (
         SELECT 1 FROM assignments a
         WHERE a.id = t.assignment_id AND a.status = 'submitted' AND a.xmin::text::bigint = t.assignment_version)`,
      [callId],
    )) as Array<{ n: number }>;
    return n;
  }

  async function apply(call: SeededCall, change: Change): Promise<void> {
    switch (change.kind) {
      case 'run': {
        await apply(call, change.submission);
        await fullRun(call.callId);
        // The run keeps what it computed: its totals are the live ones, and they reproduce its results.
        expect(await staleKeptTotals(call.callId)).toBe(0);
        return;
      }
      case 'submit': {
        // A first submission, or a resubmission after a reopening: the row and its scores are written anew.
        const [{ id }] = (await db.query(
          `INSERT INTO assignments (call_id, application_id, evaluator_id, status, submitted_at)
           VALUES ($1, $2, $3, 'submitted', clock_timestamp())
           ON CONFLICT (application_id, evaluator_id, stage) WHERE status IN ('assigned', 'draft', 'submitted')
           DO UPDATE SET status = 'submitted', submitted_at = clock_timestamp()
           RETURNING id`,
          [call.callId, call.applicationIds[change.application], call.evaluatorIds[change.evaluator]],
        )) as Array<{ id: string }>;
        await db.query(
          `INSERT INTO criterion_scores (assignment_id, criterion_code, score)
           SELECT $1, code, score FROM unnest($2::text[], $3::int[]) AS s (code, score)
           ON CONFLICT (assignment_id, criterion_code) DO UPDATE SET score = EXCLUDED.score`,
          [id, CODES, change.scores],
        );
        return;
      }
      case 'reopen':
        await db.query(
          `UPDATE assignments SET status = 'draft', submitted_at = NULL
           WHERE application_id = $1 AND evaluator_id = $2 AND status = 'submitted'`,
          [call.applicationIds[change.application], call.evaluatorIds[change.evaluator]],
        );
        return;
      case 'remove':
        await db.query(
          `WITH submitted AS (
             SELECT id, row_number() OVER (ORDER BY id) - 1 AS position, count(*) OVER () AS n
             FROM assignments WHERE call_id = $1 AND status = 'submitted'
           )
           DELETE FROM assignments a USING submitted s WHERE a.id = s.id AND s.position = $2 % s.n`,
          [call.callId, change.nth],
        );
        return;
      case 'lose-result':
        await db.query(`DELETE FROM application_results WHERE application_id = $1`, [
          call.applicationIds[change.application],
        ]);
        return;
      case 'withdraw':
        await db.query(`UPDATE applications SET status = 'withdrawn', withdrawn_at = now() WHERE id = $1`, [
          call.applicationIds[change.application],
        ]);
        return;
      case 'override':
        await db.query(`UPDATE applications SET eligibility_override = $2 WHERE id = $1`, [
          call.applicationIds[change.application],
          JSON.stringify({ eligible: change.eligible }),
        ]);
        return;
      case 'reweight':
        await db.query(
          `UPDATE criteria c SET weight = w.weight FROM unnest($2::text[], $3::float8[]) AS w (code, weight)
           WHERE c.call_id = $1 AND c.code = w.code`,
          [call.callId, CODES, change.weights],
        );
        return;
    }
  }

  const withoutTime = (results: ApplicationResult[]) => results.map(({ computedAt: _, ...figures }) => figures);

  it('gives exactly the results of a full run after random sequences of changes (fixed seed)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom<Normalization>('none', 'zscore', 'calibrated'),
        fc.constantFrom(0, 20, 30),
        fc.array(changeArbitrary, { minLength: 1, maxLength: 14 }),
        async (normalization, threshold, changes) => {
          const call = await seedCall(normalization, threshold);
          for (const change of changes) {
            await apply(call, change);
            await transactions.run((tx) => repository.rescoreIncrementally(tx, call.callId));
            const incremental = withoutTime(await repository.results(call.callId));
            await transactions.run((tx) => repository.scoreCall(tx, call.callId));
            // Every column, compared exactly: numbers bit for bit, ranks and flags alike.
            expect(incremental).toEqual(withoutTime(await repository.results(call.callId)));
          }
        },
      ),
      { seed: 20261202, numRuns: 40 },
    );
    // About 1,100 rescorings and full runs: seconds alone, minutes when the suites share two loaded cores.
  }, 300_000);

  it('writes only the results that changed', async () => {
    const call = await seedCall('none', 30);
    for (const application of [0, 1, 2]) {
      await apply(call, { kind: 'submit', application, evaluator: 0, scores: [application, 2, 3] });
    }
    await transactions.run((tx) => repository.rescoreIncrementally(tx, call.callId));
    const firstComputedAt = await repository.lastComputedAt(call.callId);
    // Unchanged facts: nothing to write, yet the results are known to be up to date as of this rescoring.
    expect(await transactions.run((tx) => repository.rescoreIncrementally(tx, call.callId))).toEqual({
      applications: 0,
    });
    expect((await repository.lastComputedAt(call.callId))!.getTime()).toBeGreaterThan(firstComputedAt!.getTime());
    // A withdrawal changes the withdrawn application's rank and the ranks below it, not the one above.
    await apply(call, { kind: 'withdraw', application: 1 });
    expect(await transactions.run((tx) => repository.rescoreIncrementally(tx, call.callId))).toEqual({
      applications: 2,
    });
  });
});
