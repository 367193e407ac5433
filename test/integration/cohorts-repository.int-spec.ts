import { createHash, randomUUID } from 'node:crypto';
import { Transaction } from '@app/platform';
import { CohortContent, CohortsRepository } from '../../libs/cohorts/src/infrastructure/cohorts.repository';
import type { PublicCohortDocument } from '../../libs/cohorts/src/domain/public-cohort';
import { RepositoryDb, rolledBack, startRepositories } from '../support/repository-db';

/** Publication times beyond any other suite's, so that this suite's cohorts come first in the public list. */
let publishedAt = Date.parse('3000-01-01T00:00:00Z') + Math.floor(Math.random() * 1e9) * 1000;

describe('CohortsRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let cohorts: CohortsRepository;
  let secretariat: string;

  beforeAll(async () => {
    repo = await startRepositories([CohortsRepository]);
    cohorts = repo.get(CohortsRepository);
    secretariat = await repo.seed.user({ role: 'secretariat' });
  });
  afterAll(() => repo.close());

  const run = <T>(work: (tx: Transaction) => Promise<T>) => repo.transactions.run(work);

  const content = (members: string[]): CohortContent => ({
    members: members.map((applicationId, i) => ({
      applicationId,
      rank: i + 1,
      score: 90 - i,
      countryCode: 'KE',
      region: 'AFR',
    })),
    waitlist: [
      { applicationId: randomUUID(), rank: members.length + 1, score: 50.5, countryCode: 'SN', region: 'AFR' },
    ],
    excluded: [{ applicationId: randomUUID(), rank: null, score: null, reason: 'INELIGIBLE' }],
    unmetConstraints: [],
    violations: [],
  });

  const propose = (callId: string, members = [randomUUID(), randomUUID()]) =>
    run((tx) =>
      cohorts.insert(tx, {
        callId,
        constraints: { size: 2, evaluatorsPerApplication: 2, maxPerCountry: 2, minPerRegion: { AFR: 1 } },
        factsFingerprint: 'f'.repeat(64),
        content: content(members),
        createdBy: secretariat,
      }),
    );

  const snapshot = (id: string): PublicCohortDocument => ({
    id,
    call: { reference: 'BDT/2026/1', title: 'Accelerators' },
    publishedAt: new Date(publishedAt).toISOString(),
    members: [],
    statistics: { applications: 3, countries: 1, selected: 2 },
  });

  async function publish(id: string): Promise<{ hash: string; document: PublicCohortDocument }> {
    publishedAt += 60_000;
    const document = snapshot(id);
    const hash = createHash('sha256').update(JSON.stringify(document)).digest('hex');
    await run((tx) =>
      cohorts.markPublished(tx, id, {
        actorId: secretariat,
        publishedAt: new Date(publishedAt),
        snapshot: document,
        contentHash: hash,
      }),
    );
    return { hash, document };
  }

  it('inserts a proposal and answers what the database then holds', async () => {
    const callId = await repo.seed.call({ status: 'reviewing' });

    const inserted = await propose(callId);

    expect(inserted).toMatchObject({
      callId,
      status: 'proposed',
      version: 1,
      overrides: [],
      snapshot: null,
      contentHash: null,
    });
    expect(await cohorts.findById(inserted.id)).toEqual(inserted);
    expect(await cohorts.findById(randomUUID())).toBeNull();
  });

  it('replaces the content, appending each override to the record and bumping the version', async () => {
    const callId = await repo.seed.call({ status: 'reviewing' });
    const { id } = await propose(callId);
    const override = (reason: string) => ({
      add: [randomUUID()],
      remove: [],
      reason,
      by: secretariat,
      at: new Date().toISOString(),
    });
    const [first, second] = [override('local partner'), override('balance')];
    const changed = {
      ...content([randomUUID()]),
      violations: [{ constraint: 'size' as const, required: 2, actual: 1 }],
    };

    await run((tx) => cohorts.replaceContent(tx, id, changed, first));
    await run((tx) => cohorts.replaceContent(tx, id, changed, second));

    expect(await cohorts.findById(id)).toMatchObject({ ...changed, overrides: [first, second], version: 3 });
  });

  it('approves and then publishes, with the snapshot, its hash and the times', async () => {
    const callId = await repo.seed.call({ status: 'reviewing' });
    const { id } = await propose(callId);

    await run((tx) => cohorts.markApproved(tx, id, secretariat));
    const approved = await cohorts.findById(id);
    expect(approved).toMatchObject({ status: 'approved', version: 2, publishedAt: null });
    expect(approved?.approvedAt).toBeInstanceOf(Date);

    const { hash, document } = await publish(id);

    expect(await cohorts.findById(id)).toMatchObject({
      status: 'published',
      version: 3,
      snapshot: document,
      contentHash: hash,
      publishedAt: new Date(publishedAt),
    });
    expect(await cohorts.findPublished(id)).toEqual({ callId, snapshot: document, contentHash: hash });
  });

  it('refuses a second published cohort of a call', async () => {
    const callId = await repo.seed.call({ status: 'reviewing' });
    const [first, second] = [await propose(callId), await propose(callId)];
    await publish(first.id);

    await expect(publish(second.id)).rejects.toThrow(/cohorts_one_published_key/);
  });

  it('finds no published cohort for a proposal or an unknown id', async () => {
    const { id } = await propose(await repo.seed.call({ status: 'reviewing' }));
    expect(await cohorts.findPublished(id)).toBeNull();
    expect(await cohorts.findPublished(randomUUID())).toBeNull();
  });

  it('locks a cohort until the transaction ends; an unknown id is null', async () => {
    const { id } = await propose(await repo.seed.call({ status: 'reviewing' }));

    await rolledBack(repo.transactions, async (tx) => {
      expect((await cohorts.lock(tx, id))?.id).toBe(id);
      await expect(repo.db.query(`SELECT 1 FROM cohorts WHERE id = $1 FOR UPDATE NOWAIT`, [id])).rejects.toThrow(
        /could not obtain lock/,
      );
      expect(await cohorts.lock(tx, randomUUID())).toBeNull();
    });
  });

  it('pages a call’s cohorts newest first, with the total, and none of another call', async () => {
    const callId = await repo.seed.call({ status: 'reviewing' });
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await propose(callId)).id);
    await propose(await repo.seed.call({ status: 'reviewing' }));
    const page = (limit: number, offset: number) =>
      cohorts.listForCall(callId, { limit, offset }).then((p) => ({ ids: p.items.map((c) => c.id), total: p.total }));

    expect(await page(2, 0)).toEqual({ ids: [ids[2], ids[1]], total: 3 });
    expect(await page(2, 2)).toEqual({ ids: [ids[0]], total: 3 });
    expect(await page(2, 3)).toEqual({ ids: [], total: 3 });
    expect(await cohorts.listForCall(randomUUID(), { limit: 5, offset: 0 })).toEqual({ items: [], total: 0 });
  });

  it('pages the published cohorts newest first, with the total of all of them', async () => {
    const published = [];
    for (let i = 0; i < 2; i++) {
      const { id } = await propose(await repo.seed.call({ status: 'reviewing' }));
      published.push({ id, ...(await publish(id)) });
    }
    await propose(await repo.seed.call({ status: 'reviewing' }));
    const [{ n }] = (await repo.db.query(
      `SELECT count(*)::int AS n FROM cohorts WHERE status = 'published'`,
    )) as Array<{
      n: number;
    }>;

    const first = await cohorts.listPublished({ limit: 1, offset: 0 });
    const second = await cohorts.listPublished({ limit: 1, offset: 1 });

    expect(first.total).toBe(n);
    expect(first.items.map((c) => c.contentHash)).toEqual([published[1].hash]);
    expect(second.items).toMatchObject([{ contentHash: published[0].hash, snapshot: published[0].document }]);
    expect((await cohorts.listPublished({ limit: 1, offset: n })).items).toEqual([]);
  });
});
