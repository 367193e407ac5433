import { randomUUID } from 'node:crypto';
import {
  ApplicationListFilter,
  ApplicationListRepository,
} from '../../libs/applications/src/infrastructure/application-list.repository';
import { RepositoryDb, startRepositories } from '../support/repository-db';

describe('ApplicationListRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let list: ApplicationListRepository;
  let callId: string;
  /** In creation order: Kenyan submitted eligible, French draft, Senegalese submitted ineligible, Kenyan withdrawn. */
  let ids: string[];

  beforeAll(async () => {
    repo = await startRepositories([ApplicationListRepository]);
    list = repo.get(ApplicationListRepository);
    callId = await repo.seed.call({ status: 'open' });
    const specs = [
      { name: 'Zebra Labs', city: 'Nairobi', countryCode: 'KE', status: 'submitted', submittedAt: '2026-03-02' },
      { name: 'alpha Hub', city: 'Paris', countryCode: 'FR', status: 'draft' },
      { name: 'Mango Works', city: 'Dakar', countryCode: 'SN', status: 'submitted', submittedAt: '2026-03-01' },
      { name: 'Beta Forge', city: 'Nairobi West', countryCode: 'KE', status: 'withdrawn' },
    ] as const;
    ids = [];
    for (const spec of specs) {
      ids.push(
        await repo.seed.application(callId, {
          organisationId: await repo.seed.organisation(spec),
          countryCode: spec.countryCode,
          status: spec.status,
          submittedAt: 'submittedAt' in spec ? new Date(spec.submittedAt) : undefined,
        }),
      );
    }
    await repo.seed.eligibility(ids[0], true);
    await repo.seed.eligibility(ids[2], true, false);
    // Another call's application is never listed.
    await repo.seed.application(await repo.seed.call({ status: 'open' }));
  });
  afterAll(() => repo.close());

  const page = (filter: Partial<ApplicationListFilter>) =>
    list
      .page(callId, { limit: 10, offset: 0, sort: { key: 'createdAt', descending: false }, ...filter })
      .then((p) => ({ ids: p.items.map((a) => a.id), total: p.total }));

  it('pages a call’s applications oldest first with the organisation’s name and city', async () => {
    const first = await list.page(callId, { limit: 2, offset: 0, sort: { key: 'createdAt', descending: false } });

    expect(first.total).toBe(4);
    expect(first.items.map((a) => a.id)).toEqual(ids.slice(0, 2));
    expect(first.items[0]).toMatchObject({
      id: ids[0],
      callId,
      countryCode: 'KE',
      region: 'AFR',
      status: 'submitted',
      eligibility: { eligible: true, reasons: [] },
      version: 1,
      organisation: { name: 'Zebra Labs', city: 'Nairobi' },
    });
    expect(first.items[0].createdAt).toBeInstanceOf(Date);
    expect(await page({ limit: 2, offset: 2 })).toEqual({ ids: ids.slice(2), total: 4 });
    expect(await page({ limit: 2, offset: 4 })).toEqual({ ids: [], total: 4 });
    expect(
      await list.page(randomUUID(), { limit: 5, offset: 0, sort: { key: 'createdAt', descending: false } }),
    ).toEqual({ items: [], total: 0 });
  });

  it('filters by status, country, region and eligibility in force', async () => {
    expect(await page({ status: 'submitted' })).toEqual({ ids: [ids[0], ids[2]], total: 2 });
    expect(await page({ countryCode: 'KE' })).toEqual({ ids: [ids[0], ids[3]], total: 2 });
    expect(await page({ region: 'EUR' })).toEqual({ ids: [ids[1]], total: 1 });
    expect(await page({ eligibility: 'eligible' })).toEqual({ ids: [ids[0]], total: 1 });
    // The secretariat's decision wins over the computed one; a draft has neither and is in neither list.
    expect(await page({ eligibility: 'ineligible' })).toEqual({ ids: [ids[2]], total: 1 });
    expect(await page({ countryCode: 'KE', status: 'withdrawn' })).toEqual({ ids: [ids[3]], total: 1 });
  });

  it('searches the organisation’s name or city in any case, as text', async () => {
    expect(await page({ search: 'NAIROBI' })).toEqual({ ids: [ids[0], ids[3]], total: 2 });
    expect(await page({ search: 'alpha' })).toEqual({ ids: [ids[1]], total: 1 });
    expect(await page({ search: 'nairobi', limit: 1, offset: 1 })).toEqual({ ids: [ids[3]], total: 2 });
    expect(await page({ search: '_' })).toEqual({ ids: [], total: 0 });
  });

  it('sorts by each key either way; unsubmitted ones last whichever the direction', async () => {
    expect((await page({ sort: { key: 'createdAt', descending: true } })).ids).toEqual([...ids].reverse());
    expect((await page({ sort: { key: 'submittedAt', descending: false } })).ids).toEqual([
      ids[2],
      ids[0],
      ids[1],
      ids[3],
    ]);
    expect((await page({ sort: { key: 'submittedAt', descending: true } })).ids).toEqual([
      ids[0],
      ids[2],
      ids[1],
      ids[3],
    ]);
    expect((await page({ sort: { key: 'organisation', descending: false } })).ids).toEqual([
      ids[1],
      ids[3],
      ids[2],
      ids[0],
    ]);
    // Kenya twice: by creation.
    expect((await page({ sort: { key: 'country', descending: false } })).ids).toEqual([ids[1], ids[0], ids[3], ids[2]]);
    expect((await page({ sort: { key: 'status', descending: false } })).ids).toEqual([ids[1], ids[0], ids[2], ids[3]]);
  });
});
