import { defaultCircularSettings } from '../../libs/calls/src/domain/circular-settings';
import { CircularSettingsRepository } from '../../libs/calls/src/infrastructure/circular-settings.repository';
import { eventually } from '../support/async';
import { RepositoryDb, startRepositories } from '../support/repository-db';

describe('CircularSettingsRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let settings: CircularSettingsRepository;

  beforeAll(async () => {
    repo = await startRepositories([CircularSettingsRepository]);
    settings = repo.get(CircularSettingsRepository);
  });
  afterAll(() => repo.close());

  it('reads a call with no circular written as null, then the circular saved, as written', async () => {
    const callId = await repo.seed.call({ status: 'draft' });
    const before = await settings.find(callId);
    // The kind and the eligibility too, which the defaults depend on.
    expect(before).toMatchObject({
      status: 'draft',
      kind: 'selection',
      eligibility: expect.any(Object),
      circular: null,
    });

    const written = { ...defaultCircularSettings({ reference: 'X' }), reference: 'BDT/DIR/DM/013' };
    await repo.transactions.run((tx) => settings.save(tx, callId, written));
    expect((await settings.find(callId))?.circular).toEqual(written);
    expect(await settings.find('00000000-0000-4000-8000-000000000000')).toBeNull();
  });

  it('holds the call’s row when asked, so that a concurrent save waits', async () => {
    const callId = await repo.seed.call({ status: 'draft' });
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = repo.transactions.run(async (tx) => {
      await settings.find(callId, { tx, forUpdate: true });
      order.push('locked');
      await held;
      await settings.save(tx, callId, { ...defaultCircularSettings({ reference: 'A' }) });
      order.push('first saved');
    });
    await eventually(
      async () => order,
      (o) => o.includes('locked'),
    );
    const second = repo.transactions.run(async (tx) => {
      await settings.find(callId, { tx, forUpdate: true });
      order.push('second locked');
    });
    // Released only once the second transaction waits on the row's lock.
    const waiting = await eventually(
      async () =>
        (await repo.db.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%FROM calls WHERE id%FOR UPDATE'`,
        )) as Array<{ n: number }>,
      ([row]) => row.n > 0,
    );
    expect(waiting[0].n).toBeGreaterThan(0);
    release();
    await Promise.all([first, second]);
    expect(order).toEqual(['locked', 'first saved', 'second locked']);
  });

  it('is refused by the database once the call is published', async () => {
    const callId = await repo.seed.call({ status: 'reviewing' });
    await repo.seed.callStatus(callId, 'published');
    await expect(
      repo.transactions.run((tx) => settings.save(tx, callId, defaultCircularSettings({ reference: 'B' }))),
    ).rejects.toMatchObject({ driverError: { code: 'CP409' } });
  });
});
