import { randomUUID } from 'node:crypto';
import { CallDefinition, LAST_STAGE_RULE } from '@app/calls';
import { singleStage } from '../../libs/calls/src/domain/review-stages';
import {
  CallEntity,
  CallStageEntity,
  CriterionEntity,
  QuestionEntity,
} from '../../libs/calls/src/infrastructure/call.entities';
import { CallsRepository } from '../../libs/calls/src/infrastructure/calls.repository';
import { ReferenceTakenError } from '../../libs/calls/src/domain/calls.errors';
import { withEnv } from '../support/async';
import { RepositoryDb, rolledBack, startRepositories } from '../support/repository-db';
import { SuiteDatabase } from '../support/suite-database';

/** Deadlines a day apart, one per call, in the order the calls are defined. */
let farFuture = Date.parse('3000-01-01T00:00:00Z');

function definition(overrides: Partial<CallDefinition> = {}): CallDefinition {
  farFuture += 86_400_000;
  const call: CallDefinition = {
    kind: 'selection',
    sessions: [],
    sessionAllocation: null,
    reference: `REPO/${randomUUID()}`,
    title: 'Accelerator centres',
    description: 'A call',
    opensAt: new Date(farFuture - 86_400_000 * 30),
    closesAt: new Date(farFuture),
    cohortSize: 4,
    evaluatorsPerApplication: 2,
    eligibility: { countryCodes: ['KE', 'SN'], requiredDocuments: ['statutes'] },
    selection: { maxPerCountry: 2, maxPerRegion: { AFR: 3 } },
    scoring: { scaleMin: 0, scaleMax: 10, normalization: 'zscore', disagreementThreshold: 25 },
    assignment: { excludeSameCountry: true },
    criteria: [
      { code: 'impact', title: 'Impact', description: 'Reach', weight: 0.6 },
      { code: 'team', title: 'Team', description: '', weight: 0.4 },
    ],
    questions: [
      { key: 'pitch', label: 'Pitch', type: 'longtext', required: true, maxLength: 2000 },
      { key: 'size', label: 'Size', type: 'choice', required: false, options: ['small', 'large'] },
      { key: 'site', label: 'Website', type: 'url', required: false },
    ],
    blind: false,
    translations: {},
    expertise: { keywords: ['fintech', 'agritech'], topicQuestionKey: 'pitch' },
    stages: [],
    finalRanking: LAST_STAGE_RULE,
    ...overrides,
  };
  return { ...call, stages: overrides.stages ?? singleStage(call) };
}

// The list is of every call of the database: the suite has a database of its own, so that neither its
// calls come before another suite's in that suite's lists, nor another suite's before its own.
describe('CallsRepository on PostgreSQL', () => {
  let database: SuiteDatabase;
  let repo: RepositoryDb;
  let calls: CallsRepository;

  beforeAll(async () => {
    database = await SuiteDatabase.create('calls');
    repo = await withEnv({ DATABASE_URL: database.url }, () =>
      startRepositories([CallsRepository], [CallEntity, CriterionEntity, QuestionEntity, CallStageEntity]),
    );
    calls = repo.get(CallsRepository);
  });
  afterAll(async () => {
    await repo.close();
    await database.drop();
  });

  const insert = (def: CallDefinition) => repo.transactions.run((tx) => calls.insert(tx, def));

  it('inserts a draft at version 1 and reads it back whole, criteria and questions in their order', async () => {
    const def = definition();
    const id = await insert(def);

    expect(await calls.findById(id)).toEqual({
      ...def,
      id,
      status: 'draft',
      version: 1,
      publishedCohortId: null,
      createdAt: expect.any(Date),
      updatedAt: expect.any(Date),
    });
    expect(await calls.findById(randomUUID())).toBeNull();
  });

  it('keeps the translations of a call per language, and replaces them with its definition', async () => {
    const fr = {
      title: 'Centres',
      criteria: { impact: { title: 'Impact attendu' } },
      sessions: { hlps_1: { title: 'Inclusion numérique' } },
    };
    const ar = { description: 'وصف', questions: { pitch: { label: 'العرض' } } };
    const id = await insert(definition({ translations: { fr, ar } }));
    expect((await calls.findById(id))?.translations).toEqual({ fr, ar });

    const es = { title: 'Convocatoria' };
    await repo.transactions.run((tx) => calls.update(tx, id, 1, { definition: definition({ translations: { es } }) }));
    expect((await calls.findById(id))?.translations).toEqual({ es });
    const [listed] = (await calls.findByIds([id])).map((call) => call.translations);
    expect(listed).toEqual({ es });
  });

  it('refuses a second call with the same reference in any case, as REFERENCE_TAKEN', async () => {
    const def = definition();
    await insert(def);

    await expect(insert(definition({ reference: def.reference.toLowerCase() }))).rejects.toBeInstanceOf(
      ReferenceTakenError,
    );
  });

  it('updates when the version is the one read, replacing criteria and questions; a stale version changes nothing', async () => {
    const id = await insert(definition());
    const changed = definition({
      title: 'Renamed',
      criteria: [{ code: 'reach', title: 'Reach', description: 'Only one now', weight: 1 }],
      questions: [],
    });

    const version = await repo.transactions.run((tx) =>
      calls.update(tx, id, 1, { definition: changed, status: 'open' }),
    );
    const stale = await repo.transactions.run((tx) => calls.update(tx, id, 1, { status: 'closed' }));

    expect(version).toBe(2);
    expect(stale).toBeNull();
    expect(await calls.findById(id)).toMatchObject({ ...changed, status: 'open', version: 2 });
  });

  it('changes only the status when no definition is given, keeping criteria and questions', async () => {
    const def = definition();
    const id = await insert(def);

    expect(await repo.transactions.run((tx) => calls.update(tx, id, 1, { status: 'open' }))).toBe(2);

    expect(await calls.findById(id)).toMatchObject({
      status: 'open',
      version: 2,
      criteria: def.criteria,
      questions: def.questions,
    });
    expect(await repo.transactions.run((tx) => calls.update(tx, randomUUID(), 1, { status: 'open' }))).toBeNull();
  });

  it('refuses to take another call’s reference on update, as REFERENCE_TAKEN', async () => {
    const taken = definition();
    await insert(taken);
    const id = await insert(definition());

    await expect(
      repo.transactions.run((tx) =>
        calls.update(tx, id, 1, { definition: definition({ reference: taken.reference }) }),
      ),
    ).rejects.toBeInstanceOf(ReferenceTakenError);
    expect((await calls.findById(id))?.version).toBe(1);
  });

  it('lets one of two concurrent updates from the same version win', async () => {
    const id = await insert(definition());

    const outcomes = await Promise.all(
      ['open', 'closed'].map((status) =>
        repo.transactions.run((tx) => calls.update(tx, id, 1, { status: status as 'open' | 'closed' })),
      ),
    );

    expect(outcomes.sort()).toEqual([2, null]);
  });

  it('holds a share lock with findForShare and an exclusive one with findForUpdate', async () => {
    const id = await insert(definition());
    const tryLock = (mode: 'SHARE' | 'UPDATE') =>
      repo.db.query(`SELECT id FROM calls WHERE id = $1 FOR ${mode} NOWAIT`, [id]);

    await rolledBack(repo.transactions, async (tx) => {
      expect((await calls.findForShare(tx, id))?.criteria).toHaveLength(2);
      await expect(tryLock('SHARE')).resolves.toHaveLength(1);
      await expect(tryLock('UPDATE')).rejects.toThrow(/could not obtain lock/);
    });
    await rolledBack(repo.transactions, async (tx) => {
      expect((await calls.findForUpdate(tx, id))?.id).toBe(id);
      await expect(tryLock('SHARE')).rejects.toThrow(/could not obtain lock/);
    });
    await expect(tryLock('UPDATE')).resolves.toHaveLength(1);
    await rolledBack(repo.transactions, async (tx) => {
      expect(await calls.findForShare(tx, randomUUID())).toBeNull();
      expect(await calls.findForUpdate(tx, randomUUID())).toBeNull();
    });
  });

  it('closes every open call past its deadline in one statement, and no other call', async () => {
    const due = await repo.seed.call({ status: 'open', opensInHours: -3, closesInHours: -1 });
    const notDue = await repo.seed.call({ status: 'open', closesInHours: 1 });
    const draftPast = await repo.seed.call({ status: 'draft', opensInHours: -3, closesInHours: -1 });

    await rolledBack(repo.transactions, async (tx) => {
      const closed = await calls.closeDue(tx);
      expect(closed).toContain(due);
      expect(closed).not.toContain(notDue);
      expect(closed).not.toContain(draftPast);
      expect(await calls.findById(due, tx)).toMatchObject({ status: 'closed', version: 2 });
      expect(await calls.closeDue(tx)).toEqual([]);
    });
  });

  it('lists calls by deadline, latest first, filtered by status, paged with the total of all matches', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push(await insert(definition()));
    await repo.transactions.run((tx) => calls.update(tx, ids[1], 1, { status: 'open' }));
    const [{ drafts }] = (await repo.db.query(
      `SELECT count(*)::int AS drafts FROM calls WHERE status = 'draft'`,
    )) as Array<{
      drafts: number;
    }>;

    const first = await calls.list({ statuses: ['draft'], limit: 1, offset: 0 });
    const second = await calls.list({ statuses: ['draft'], limit: 1, offset: 1 });
    const both = await calls.list({ statuses: ['draft', 'open'], limit: 3, offset: 0 });

    expect(first.total).toBe(drafts);
    expect(first.items.map((c) => c.id)).toEqual([ids[2]]);
    expect(second.items.map((c) => c.id)).toEqual([ids[0]]);
    expect(both.items.map((c) => c.id)).toEqual([ids[2], ids[1], ids[0]]);
    expect(both.items[0].criteria.map((c) => c.code)).toEqual(['impact', 'team']);
    expect((await calls.list({ limit: 2, offset: 0 })).items.map((c) => c.id)).toEqual([ids[2], ids[1]]);
    expect(await calls.list({ statuses: [], limit: 5, offset: 0 })).toEqual({ items: [], total: 0 });
    expect((await calls.list({ statuses: ['draft'], limit: 5, offset: drafts })).items).toEqual([]);
  });
});
