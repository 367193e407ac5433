import { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { PlatformModule, Transactions } from '@app/platform';
import { CallScoringInput, Normalization, ScoringRepository, scoreCall } from '@app/scoring';
import { CalibrationRepository } from '../../libs/scoring/src/infrastructure/calibration.repository';

/** A call to seed: per application, the criterion scores each of its evaluators gave. */
interface CallSpec {
  normalization: Normalization;
  threshold: number;
  scale: [number, number];
  weights: Record<string, number>;
  applications: Array<{
    status: 'submitted' | 'withdrawn';
    eligible: boolean | null;
    override: boolean | null;
    /** Milliseconds after a fixed instant; equal values exercise the id tie-break. */
    submittedAfterMs: number;
    evaluations: Array<{ evaluator: number; scores: Record<string, number>; submitted: boolean }>;
  }>;
  evaluatorCount: number;
}

const TOLERANCE = 1e-9;
const BASE_TIME = Date.parse('2026-03-01T12:00:00.000Z');

/** Deterministic pseudo-random numbers (mulberry32), so the hand-built case never changes. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 40 applications × 3 of 6 evaluators: lenient, harsh, a single-evaluation evaluator, etc. */
function handBuiltSpec(normalization: Normalization): CallSpec {
  const random = rng(20260301);
  const weights = { impact: 0.6, feasibility: 0.4, team: 1.5 };
  // Offsets on a 1–10 scale: evaluator 0 lenient, 1 harsh, 2 constant (σ_e = 0), 3–4 neutral.
  const bias = [3, -3, 0, 0, 1, 0];
  const applications: CallSpec['applications'] = Array.from({ length: 40 }, (_, i) => {
    const quality = 1 + random() * 9;
    const panel = [i % 5, (i + 1) % 5, (i + 3) % 5].filter((e, k, all) => all.indexOf(e) === k);
    const evaluations = panel.map((evaluator) => ({
      evaluator,
      submitted: !(i === 7 && evaluator === panel[2]), // one evaluation still in draft
      scores: Object.fromEntries(
        Object.keys(weights).map((code) => {
          const value = evaluator === 2 ? 6 : Math.round(quality + bias[evaluator] + (random() - 0.5) * 2);
          return [code, Math.min(10, Math.max(1, value))];
        }),
      ),
    }));
    if (i === 0) evaluations.push({ evaluator: 5, submitted: true, scores: { impact: 9, feasibility: 2, team: 4 } });
    return {
      status: i === 3 ? 'withdrawn' : 'submitted',
      eligible: i === 5 ? false : i === 6 ? null : true,
      override: i === 9 ? false : i === 6 ? true : null,
      submittedAfterMs: i < 4 ? 0 : i * 1000,
      evaluations,
    };
  });
  // Two identical applications by the same evaluators tie on score and raw score: the id decides.
  applications[11].evaluations = applications[10].evaluations.map((e) => ({ ...e }));
  applications[11].submittedAfterMs = applications[10].submittedAfterMs;
  // An application with no submitted evaluation gets no result.
  applications[12].evaluations = applications[12].evaluations.map((e) => ({ ...e, submitted: false }));
  return { normalization, threshold: 30, scale: [1, 10], weights, applications, evaluatorCount: 6 };
}

describe('set-based scoring (SQL) agrees with the pure reference', () => {
  let context: INestApplicationContext;
  let db: DataSource;
  let transactions: Transactions;
  let repository: ScoringRepository;
  let owner: string;
  let seeded = 0;

  beforeAll(async () => {
    const moduleRef = await Test.createTestingModule({
      imports: [PlatformModule],
      providers: [ScoringRepository, CalibrationRepository],
    }).compile();
    context = await moduleRef.init();
    db = context.get(DataSource);
    transactions = context.get(Transactions);
    repository = context.get(ScoringRepository);
    [{ id: owner }] = (await db.query(
      `INSERT INTO users (email, password_hash, role, display_name)
       VALUES ('scoring-owner-' || gen_random_uuid() || '@test.example', 'x', 'applicant', 'Owner') RETURNING id`,
    )) as Array<{ id: string }>;
  });

  afterAll(async () => {
    await context.close();
  });

  async function seed(spec: CallSpec): Promise<string> {
    seeded += 1;
    const scoring = {
      scaleMin: spec.scale[0],
      scaleMax: spec.scale[1],
      normalization: spec.normalization,
      disagreementThreshold: spec.threshold,
    };
    const [{ id: callId }] = (await db.query(
      `INSERT INTO calls (reference, title, opens_at, closes_at, cohort_size, evaluators_per_application, scoring)
       VALUES ('SCORING-' || gen_random_uuid(), 'Scoring ' || $1, now() - interval '30 days', now() - interval '1 day',
               5, 3, $2) RETURNING id`,
      [seeded, JSON.stringify(scoring)],
    )) as Array<{ id: string }>;
    let position = 0;
    for (const [code, weight] of Object.entries(spec.weights)) {
      await db.query(`INSERT INTO criteria (call_id, code, title, weight, position) VALUES ($1, $2, $2, $3, $4)`, [
        callId,
        code,
        weight,
        (position += 1),
      ]);
    }
    const evaluators = (await db.query(
      `INSERT INTO users (email, password_hash, role, display_name)
       SELECT 'evaluator-' || gen_random_uuid() || '@test.example', 'x', 'evaluator', 'Evaluator ' || n
       FROM generate_series(1, $1::int) n ORDER BY n RETURNING id`,
      [spec.evaluatorCount],
    )) as Array<{ id: string }>;
    for (const application of spec.applications) {
      const [{ id: organisationId }] = (await db.query(
        `INSERT INTO organisations (name, country_code, type) VALUES ('Org ' || gen_random_uuid(), 'KE', 'academia')
         RETURNING id`,
      )) as Array<{ id: string }>;
      const eligibility = (value: boolean | null) => (value === null ? null : JSON.stringify({ eligible: value }));
      const [{ id: applicationId }] = (await db.query(
        `INSERT INTO applications (call_id, organisation_id, country_code, region, status, eligibility,
           eligibility_override, submitted_at, withdrawn_at, created_by)
         VALUES ($1, $2, 'KE', 'AFR', $3, $4, $5, $6, CASE WHEN $3 = 'withdrawn' THEN now() END, $7) RETURNING id`,
        [
          callId,
          organisationId,
          application.status,
          eligibility(application.eligible),
          eligibility(application.override),
          new Date(BASE_TIME + application.submittedAfterMs),
          owner,
        ],
      )) as Array<{ id: string }>;
      for (const evaluation of application.evaluations) {
        const [{ id: assignmentId }] = (await db.query(
          `INSERT INTO assignments (call_id, application_id, evaluator_id, status, submitted_at)
           VALUES ($1, $2, $3, $4, CASE WHEN $4 = 'submitted' THEN now() END) RETURNING id`,
          [callId, applicationId, evaluators[evaluation.evaluator].id, evaluation.submitted ? 'submitted' : 'draft'],
        )) as Array<{ id: string }>;
        await db.query(
          `INSERT INTO criterion_scores (assignment_id, criterion_code, score)
           SELECT $1, key, value::int FROM jsonb_each_text($2::jsonb)`,
          [assignmentId, JSON.stringify(evaluation.scores)],
        );
      }
    }
    return callId;
  }

  /** The pure reference's input, read back from the database as any client would. */
  async function referenceInput(callId: string): Promise<CallScoringInput> {
    const [call] = (await db.query(`SELECT scoring FROM calls WHERE id = $1`, [callId])) as Array<{
      scoring: { scaleMin: number; scaleMax: number; normalization: Normalization; disagreementThreshold: number };
    }>;
    const criteria = (await db.query(`SELECT code, weight FROM criteria WHERE call_id = $1`, [callId])) as Array<{
      code: string;
      weight: number;
    }>;
    const applications = (await db.query(
      `SELECT id, submitted_at, status = 'submitted'
         AND COALESCE((eligibility_override->>'eligible')::boolean, (eligibility->>'eligible')::boolean, false)
         AS rankable
       FROM applications WHERE call_id = $1`,
      [callId],
    )) as Array<{ id: string; submitted_at: Date | null; rankable: boolean }>;
    const scores = (await db.query(
      `SELECT a.application_id, a.evaluator_id, s.criterion_code, s.score
       FROM assignments a JOIN criterion_scores s ON s.assignment_id = a.id
       WHERE a.call_id = $1 AND a.status = 'submitted'`,
      [callId],
    )) as Array<{ application_id: string; evaluator_id: string; criterion_code: string; score: number }>;
    const evaluations = new Map<string, CallScoringInput['evaluations'][number]>();
    for (const row of scores) {
      const key = `${row.application_id}/${row.evaluator_id}`;
      const evaluation = evaluations.get(key) ?? {
        applicationId: row.application_id,
        evaluatorId: row.evaluator_id,
        scores: [],
      };
      evaluation.scores.push({ criterionCode: row.criterion_code, score: row.score });
      evaluations.set(key, evaluation);
    }
    return {
      criteria,
      scale: { scaleMin: call.scoring.scaleMin, scaleMax: call.scoring.scaleMax },
      normalization: call.scoring.normalization,
      disagreementThreshold: call.scoring.disagreementThreshold,
      applications: applications.map((a) => ({
        id: a.id,
        submittedAt: a.submitted_at ?? new Date(0),
        rankable: a.rankable,
      })),
      evaluations: [...evaluations.values()],
    };
  }

  async function expectAgreement(callId: string): Promise<void> {
    const written = await transactions.run((tx) => repository.scoreCall(tx, callId));
    const expected = scoreCall(await referenceInput(callId)).applications;
    const actual = await repository.results(callId);
    expect(written.applications).toBe(expected.length);
    expect(actual.map((r) => [r.applicationId, r.rank])).toEqual(expected.map((e) => [e.applicationId, e.rank]));
    expected.forEach((e, i) => {
      const a = actual[i];
      for (const field of ['rawScore', 'normalizedScore', 'score', 'spread', 'stdDev'] as const) {
        if (Math.abs(a[field] - e[field]) > TOLERANCE) {
          throw new Error(`${field} of ${e.applicationId}: SQL ${a[field]}, reference ${e[field]}`);
        }
      }
      expect([a.evaluationCount, a.needsModeration]).toEqual([e.evaluationCount, e.needsModeration]);
    });
    const ranks = (await repository.results(callId)).flatMap((r) => (r.rank === null ? [] : [r.rank]));
    expect(ranks).toEqual(ranks.map((_, i) => i + 1));
  }

  it.each<Normalization>(['none', 'zscore'])('scores a 40-application call (%s) as the reference does', async (n) => {
    const callId = await seed(handBuiltSpec(n));
    await expectAgreement(callId);
    const results = await repository.results(callId);
    expect(results).toHaveLength(39); // application 12 has no submitted evaluation
    expect(results.filter((r) => r.rank === null)).toHaveLength(3); // withdrawn, ineligible, overridden
    expect(results.some((r) => r.needsModeration)).toBe(true);
  });

  it('is idempotent and drops the result of an application whose evaluations were all reopened', async () => {
    const callId = await seed(handBuiltSpec('zscore'));
    await transactions.run((tx) => repository.scoreCall(tx, callId));
    const before = await repository.results(callId);
    await expectAgreement(callId);
    expect((await repository.results(callId)).map(({ computedAt: _, ...r }) => r)).toEqual(
      before.map(({ computedAt: _, ...r }) => r),
    );
    const reopened = before[0].applicationId;
    await db.query(`UPDATE assignments SET status = 'draft', submitted_at = NULL WHERE application_id = $1`, [
      reopened,
    ]);
    await expectAgreement(callId);
    expect((await repository.results(callId)).some((r) => r.applicationId === reopened)).toBe(false);
  });

  it('agrees with the reference on random calls (fixed seed)', async () => {
    const evaluation = (evaluators: number, codes: string[]) =>
      fc.record({
        evaluator: fc.integer({ min: 0, max: evaluators - 1 }),
        submitted: fc.boolean(),
        scores: fc
          .tuple(...codes.map(() => fc.integer({ min: 0, max: 5 })))
          .map((values) => Object.fromEntries(codes.map((code, i) => [code, values[i]]))),
      });
    const codes = ['a', 'B', 'c'];
    const spec: fc.Arbitrary<CallSpec> = fc.record({
      normalization: fc.constantFrom<Normalization>('none', 'zscore'),
      threshold: fc.constantFrom(0, 20, 30),
      scale: fc.constant<[number, number]>([0, 5]),
      weights: fc
        .tuple(fc.double({ min: 0.1, max: 3, noNaN: true }), fc.constantFrom(0.6, 1), fc.constant(0.4))
        .map(([a, b, c]) => ({ a, B: b, c })),
      evaluatorCount: fc.constant(5),
      applications: fc.array(
        fc.record({
          status: fc.constantFrom<'submitted' | 'withdrawn'>('submitted', 'submitted', 'submitted', 'withdrawn'),
          eligible: fc.constantFrom(true, true, false, null),
          override: fc.constantFrom(null, null, true, false),
          submittedAfterMs: fc.integer({ min: 0, max: 3 }).map((n) => n * 1000),
          evaluations: fc
            .uniqueArray(evaluation(5, codes), { selector: (e) => e.evaluator, maxLength: 4 })
            .map((list) => list),
        }),
        { minLength: 1, maxLength: 15 },
      ),
    });
    await fc.assert(
      fc.asyncProperty(spec, async (s) => {
        await expectAgreement(await seed(s));
      }),
      { seed: 20260301, numRuns: 8 },
    );
  });
});
