import { randomUUID } from 'node:crypto';
import { evaluationFormOf } from '@app/calls';
import { Transaction } from '@app/platform';
import { CallRow, callByIdSql, toCall } from '../../libs/calls/src/infrastructure/call.sql';
import {
  AssignmentEntity,
  ConflictEntity,
  CriterionScoreEntity,
  PanelMemberEntity,
} from '../../libs/evaluation/src/infrastructure/evaluation.entities';
import { AssignmentsRepository } from '../../libs/evaluation/src/infrastructure/assignments.repository';
import type { Confidence } from '../../libs/evaluation/src/domain/evaluation';
import { AlreadyAssignedError } from '../../libs/evaluation/src/domain/evaluation.errors';
import { eventually } from '../support/async';
import { RepositoryDb, rolledBack, startRepositories } from '../support/repository-db';

const EVALUATION_ENTITIES = [PanelMemberEntity, ConflictEntity, AssignmentEntity, CriterionScoreEntity];
const LIVE = ['assigned', 'draft', 'submitted'] as const;

describe('AssignmentsRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let assignments: AssignmentsRepository;

  beforeAll(async () => {
    repo = await startRepositories([AssignmentsRepository], EVALUATION_ENTITIES);
    assignments = repo.get(AssignmentsRepository);
  });
  afterAll(() => repo.close());

  /** A closed call with its applications and evaluators. */
  async function world(applicationCount: number, evaluatorCount: number) {
    const callId = await repo.seed.call({ status: 'closed', criteria: { impact: 1, team: 1 } });
    const applications: string[] = [];
    for (let i = 0; i < applicationCount; i++) applications.push(await repo.seed.application(callId));
    const evaluators = await Promise.all(
      Array.from({ length: evaluatorCount }, () => repo.seed.user({ role: 'evaluator' })),
    );
    return { callId, applications, evaluators };
  }

  const run = <T>(work: (tx: Transaction) => Promise<T>) => repo.transactions.run(work);

  it('inserts many pairs in one statement, and lists the live ones of the call by application and evaluator', async () => {
    const { callId, applications, evaluators } = await world(3, 2);
    const pairs = applications.flatMap((applicationId) =>
      evaluators.map((evaluatorId) => ({ applicationId, evaluatorId })),
    );

    const inserted = await run(async (tx) => {
      expect(await assignments.insertMany(tx, callId, [])).toEqual([]);
      return assignments.insertMany(tx, callId, pairs);
    });

    const live = await assignments.liveForCall(callId);
    const key = (p: { applicationId: string; evaluatorId: string }) => `${p.applicationId}/${p.evaluatorId}`;
    expect(live.map(key)).toEqual(pairs.map(key).sort());
    // Each new id with its pair.
    expect(new Map(inserted.map((a) => [a.id, key(a)]))).toEqual(new Map(live.map((a) => [a.id, key(a)])));
    expect(live.every((a) => a.status === 'assigned' && a.callId === callId && a.submittedAt === null)).toBe(true);
    expect(await assignments.liveForCall(randomUUID())).toEqual([]);
  });

  it('refuses a pair already live as ALREADY_ASSIGNED, writing none of the batch; an ended pair may come back', async () => {
    const { callId, applications, evaluators } = await world(2, 1);
    const [evaluatorId] = evaluators;
    const first = await run((tx) => assignments.insertOne(tx, callId, applications[0], evaluatorId));

    await expect(
      run((tx) =>
        assignments.insertMany(tx, callId, [
          { applicationId: applications[1], evaluatorId },
          { applicationId: applications[0], evaluatorId },
        ]),
      ),
    ).rejects.toBeInstanceOf(AlreadyAssignedError);
    expect((await assignments.liveForCall(callId)).map((a) => a.id)).toEqual([first]);

    await run((tx) => assignments.update(tx, first, { status: 'released', endReason: 'conflict' }));
    const again = await run((tx) => assignments.insertOne(tx, callId, applications[0], evaluatorId));
    expect(again).not.toBe(first);
    expect(await assignments.findLive(evaluatorId, applications[0])).toMatchObject({ id: again, status: 'assigned' });
  });

  it('lets one of two concurrent assignments of the same pair through', async () => {
    const { callId, applications, evaluators } = await world(1, 1);

    const outcomes = await Promise.allSettled(
      [1, 2].map(() => run((tx) => assignments.insertOne(tx, callId, applications[0], evaluators[0]))),
    );

    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = outcomes.find((o) => o.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(AlreadyAssignedError);
  });

  it('finds by id and the live assignment of a pair; ended or unknown ones are not live', async () => {
    const { callId, applications, evaluators } = await world(2, 1);
    const id = await run((tx) => assignments.insertOne(tx, callId, applications[0], evaluators[0]));
    const declined = await run((tx) => assignments.insertOne(tx, callId, applications[1], evaluators[0]));
    await run((tx) => assignments.update(tx, declined, { status: 'declined', endReason: 'no time' }));

    expect(await assignments.findById(id)).toMatchObject({
      id,
      callId,
      applicationId: applications[0],
      status: 'assigned',
    });
    expect(await assignments.findById(randomUUID())).toBeNull();
    expect((await assignments.findLive(evaluators[0], applications[0]))?.id).toBe(id);
    expect(await assignments.findLive(evaluators[0], applications[1])).toBeNull();
    expect(await assignments.declinedForCall(callId)).toEqual([
      { applicationId: applications[1], evaluatorId: evaluators[0] },
    ]);
    expect(await assignments.declinedForCall(randomUUID())).toEqual([]);
  });

  it('updates status, comment and submission time, and locks a row until the transaction ends', async () => {
    const { callId, applications, evaluators } = await world(1, 1);
    const id = await run((tx) => assignments.insertOne(tx, callId, applications[0], evaluators[0]));
    const submittedAt = new Date('2026-06-01T08:00:00.000Z');

    await run((tx) => assignments.update(tx, id, { status: 'submitted', overallComment: 'Strong', submittedAt }));
    expect(await assignments.findById(id)).toMatchObject({
      status: 'submitted',
      overallComment: 'Strong',
      submittedAt,
    });

    await rolledBack(repo.transactions, async (tx) => {
      expect((await assignments.lockById(tx, id))?.id).toBe(id);
      await expect(repo.db.query(`SELECT 1 FROM assignments WHERE id = $1 FOR UPDATE NOWAIT`, [id])).rejects.toThrow(
        /could not obtain lock/,
      );
      expect(await assignments.lockById(tx, randomUUID())).toBeNull();
    });
  });

  it("locks an assignment with its call's evaluation form, which is what the whole call says of its stages", async () => {
    const { callId, applications, evaluators } = await world(1, 1);
    await repo.db.query(
      `INSERT INTO call_stages (call_id, position, name, scoring, evaluators_per_application)
       VALUES ($1, 2, 'Interviews', '{"scaleMin": 1, "scaleMax": 5, "normalization": "zscore"}', 1)`,
      [callId],
    );
    await repo.db.query(
      `INSERT INTO criteria (call_id, code, title, description, weight, position, stage)
       VALUES ($1, 'pitch', 'Pitch', 'How it was told', 1, 0, 2)`,
      [callId],
    );
    const id = await run((tx) => assignments.insertOne(tx, callId, applications[0], evaluators[0]));
    const [whole] = (await repo.db.query(callByIdSql('none'), [callId])) as CallRow[];

    await rolledBack(repo.transactions, async (tx) => {
      const locked = await assignments.lockWithForm(tx, id);
      expect(locked?.assignment).toEqual(await assignments.findById(id));
      expect(locked?.form).toEqual(evaluationFormOf(toCall(whole)));
      expect(locked?.form.stages.map((stage) => stage.criteria.map((c) => c.code))).toEqual([
        ['impact', 'team'],
        ['pitch'],
      ]);
      // The assignment locked, its call share-locked (a publication waits), its stages free.
      await expect(repo.db.query(`SELECT 1 FROM assignments WHERE id = $1 FOR UPDATE NOWAIT`, [id])).rejects.toThrow(
        /could not obtain lock/,
      );
      await expect(repo.db.query(`SELECT 1 FROM calls WHERE id = $1 FOR UPDATE NOWAIT`, [callId])).rejects.toThrow(
        /could not obtain lock/,
      );
      expect(await repo.db.query(`SELECT 1 FROM calls WHERE id = $1 FOR SHARE NOWAIT`, [callId])).toHaveLength(1);
      expect(
        await repo.db.query(`SELECT 1 FROM call_stages WHERE call_id = $1 FOR UPDATE NOWAIT`, [callId]),
      ).toHaveLength(2);
      expect(await assignments.lockWithForm(tx, randomUUID())).toBeNull();
    });
  });

  it('saves scores with status, comment and confidence in one statement, answering the evaluation as written', async () => {
    const { callId, applications, evaluators } = await world(1, 1);
    const id = await run((tx) => assignments.insertOne(tx, callId, applications[0], evaluators[0]));
    const save = (
      scores: Array<{ criterionCode: string; score: number; comment?: string }>,
      overallComment: string | null,
      confidence: Confidence | null = null,
    ) => run((tx) => assignments.saveScores(tx, id, { status: 'draft', overallComment, confidence }, scores));

    const saved = await save(
      [
        { criterionCode: 'team', score: 3 },
        { criterionCode: 'impact', score: 7, comment: 'Wide' },
      ],
      'Promising',
      'medium',
    );

    expect(saved).toMatchObject({ id, callId, status: 'draft', overallComment: 'Promising', confidence: 'medium' });
    expect(saved.scores).toEqual([
      { criterionCode: 'impact', score: 7, comment: 'Wide' },
      { criterionCode: 'team', score: 3 },
    ]);
    expect(await assignments.evaluation(id)).toEqual({ ...saved, updatedAt: expect.any(Date) });

    // A criterion no longer given is deleted; one given again is written over.
    await save([{ criterionCode: 'team', score: 4 }], null);
    expect(await assignments.scoresOf([id])).toEqual([
      { assignmentId: id, criterionCode: 'team', score: 4, comment: null },
    ]);
    expect(await assignments.findById(id)).toMatchObject({ overallComment: null, confidence: null });
    await save([], null);
    expect(await assignments.scoresOf([id])).toEqual([]);
  });

  it('reads the scores of none, one or many assignments by one array', async () => {
    const { callId, applications, evaluators } = await world(2, 1);
    const [a, b] = await run(async (tx) => [
      await assignments.insertOne(tx, callId, applications[0], evaluators[0]),
      await assignments.insertOne(tx, callId, applications[1], evaluators[0]),
    ]);
    await repo.seed.scores(a, { team: 4, impact: 8 });
    await repo.seed.scores(b, { impact: 1 });

    expect(await assignments.scoresOf([])).toEqual([]);
    expect((await assignments.scoresOf([a])).map((s) => [s.criterionCode, s.score])).toEqual([
      ['impact', 8],
      ['team', 4],
    ]);
    const many = await assignments.scoresOf([b, a, randomUUID()]);
    expect(many.map((s) => `${s.assignmentId === a ? 'a' : 'b'}:${s.criterionCode}`).sort()).toEqual([
      'a:impact',
      'a:team',
      'b:impact',
    ]);
  });

  it('pages an evaluator’s live assignments oldest first, optionally of one call', async () => {
    const first = await world(2, 1);
    const second = await world(1, 0);
    const [evaluatorId] = first.evaluators;
    const ids = await run(async (tx) => [
      await assignments.insertOne(tx, first.callId, first.applications[0], evaluatorId),
      await assignments.insertOne(tx, first.callId, first.applications[1], evaluatorId),
    ]);
    const third = await run((tx) => assignments.insertOne(tx, second.callId, second.applications[0], evaluatorId));
    await run((tx) => assignments.update(tx, ids[1], { status: 'released', endReason: 'conflict' }));
    const page = (filter: { callId?: string; limit: number; offset: number }) =>
      assignments
        .listForEvaluator(evaluatorId, filter)
        .then((p) => ({ ids: p.items.map((a) => a.id), total: p.total }));

    expect(await page({ limit: 10, offset: 0 })).toEqual({ ids: [ids[0], third], total: 2 });
    expect(await page({ limit: 1, offset: 1 })).toEqual({ ids: [third], total: 2 });
    expect(await page({ limit: 1, offset: 2 })).toEqual({ ids: [], total: 2 });
    expect(await page({ callId: first.callId, limit: 10, offset: 0 })).toEqual({ ids: [ids[0]], total: 1 });
  });

  it('pages an application’s evaluations with their scores, submitted first by time, of the statuses asked', async () => {
    const { callId, applications, evaluators } = await world(1, 3);
    const ids: string[] = [];
    for (const evaluator of evaluators) {
      ids.push(await run((tx) => assignments.insertOne(tx, callId, applications[0], evaluator)));
    }
    await run(async (tx) => {
      await assignments.update(tx, ids[2], { status: 'submitted', submittedAt: new Date('2026-06-01T08:00:00Z') });
      await assignments.update(tx, ids[0], { status: 'submitted', submittedAt: new Date('2026-06-02T08:00:00Z') });
      await assignments.saveScores(tx, ids[0], { status: 'submitted', overallComment: null, confidence: 'high' }, [
        { criterionCode: 'impact', score: 9, comment: 'Great' },
      ]);
    });

    const all = await assignments.evaluationsOf(applications[0], LIVE, { limit: 10, offset: 0 });
    expect(all.total).toBe(3);
    expect(all.items.map((e) => e.id)).toEqual([ids[2], ids[0], ids[1]]);
    expect(all.items[1].scores).toEqual([{ criterionCode: 'impact', score: 9, comment: 'Great' }]);
    expect(all.items[0].scores).toEqual([]);

    const submitted = await assignments.evaluationsOf(applications[0], ['submitted'], { limit: 1, offset: 1 });
    expect(submitted).toMatchObject({ total: 2, items: [{ id: ids[0] }] });
    expect(await assignments.evaluation(ids[0])).toMatchObject({
      id: ids[0],
      scores: [{ criterionCode: 'impact', score: 9 }],
    });
    expect(await assignments.evaluation(randomUUID())).toBeNull();
  });

  it('serialises the assignment work of one call: a second lock waits for the first, another call’s does not', async () => {
    const [callId, otherCall] = [randomUUID(), randomUUID()];
    const events: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let locked: () => void = () => undefined;
    const firstLocked = new Promise<void>((resolve) => (locked = resolve));

    const first = run(async (tx) => {
      await assignments.lockCall(tx, callId);
      locked();
      await held;
      events.push('first ends');
    });
    await firstLocked;
    await run((tx) => assignments.lockCall(tx, otherCall));
    const second = run(async (tx) => {
      await assignments.lockCall(tx, callId);
      events.push('second locked');
    });
    const waiting = await eventually(
      async () =>
        (
          (await repo.db.query(
            `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND NOT granted
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
          )) as Array<{ n: number }>
        )[0].n,
      (n) => n > 0,
    );
    expect(waiting).toBeGreaterThan(0);
    expect(events).toEqual([]);

    release();
    await Promise.all([first, second]);
    expect(events).toEqual(['first ends', 'second locked']);
  });

  it('locks and frees many assignments of a call by one array, leaving other calls’ and unknown ids out', async () => {
    const {
      callId,
      applications: [a, b],
      evaluators: [first, second],
    } = await world(2, 2);
    const other = await world(1, 1);
    const ids = [
      await repo.seed.assignment(callId, a, first),
      await repo.seed.assignment(callId, b, first, 'draft'),
      await repo.seed.assignment(callId, a, second),
    ];
    const elsewhere = await repo.seed.assignment(other.callId, other.applications[0]!, other.evaluators[0]!);

    const locked = await rolledBack(repo.transactions, (tx) =>
      assignments.lockMany(tx, callId, [ids[0]!, ids[1]!, elsewhere, randomUUID()]),
    );
    expect(locked.map((x) => x.id)).toEqual([ids[0], ids[1]].sort());

    await run((tx) => assignments.endMany(tx, [ids[0]!, ids[1]!], 'released', 'On leave.'));
    const rows = await Promise.all(ids.map((id) => assignments.findById(id)));
    expect(rows.map((r) => [r?.status, r?.endReason])).toEqual([
      ['released', 'On leave.'],
      ['released', 'On leave.'],
      ['assigned', null],
    ]);
    expect((await assignments.idsForApplication(a)).sort()).toEqual([ids[0], ids[2]].sort());
  });

  it('pages a call’s assignments, freed ones included, by evaluator and statuses, oldest first', async () => {
    const {
      callId,
      applications: [a, b, c],
      evaluators: [first, second],
    } = await world(3, 2);
    const mine = [
      await repo.seed.assignment(callId, a, first),
      await repo.seed.assignment(callId, b, first, 'draft'),
      await repo.seed.assignment(callId, c, first, 'released'),
    ];
    await repo.seed.assignment(callId, a, second, 'submitted');
    const ids = async (filter: Parameters<AssignmentsRepository['listForCall']>[1]) => {
      const page = await assignments.listForCall(callId, filter);
      return { total: page.total, ids: page.items.map((x) => x.id) };
    };

    expect((await ids({ limit: 50, offset: 0 })).total).toBe(4);
    expect(await ids({ evaluatorId: first, limit: 50, offset: 0 })).toEqual({ total: 3, ids: mine });
    expect(await ids({ evaluatorId: first, statuses: ['assigned', 'draft'], limit: 1, offset: 1 })).toEqual({
      total: 2,
      ids: [mine[1]],
    });
    expect(await ids({ evaluatorId: second, statuses: ['draft'], limit: 50, offset: 0 })).toEqual({
      total: 0,
      ids: [],
    });
  });
});
