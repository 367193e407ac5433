import { ApplicationBulkRepository } from '../../libs/applications/src/infrastructure/application-bulk.repository';
import { ApplicationOutcomesRepository } from '../../libs/applications/src/infrastructure/application-outcomes.repository';
import { RepositoryDb, rolledBack, startRepositories } from '../support/repository-db';

describe('ApplicationBulkRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let bulk: ApplicationBulkRepository;
  let outcomes: ApplicationOutcomesRepository;

  beforeAll(async () => {
    repo = await startRepositories([ApplicationBulkRepository, ApplicationOutcomesRepository]);
    bulk = repo.get(ApplicationBulkRepository);
    outcomes = repo.get(ApplicationOutcomesRepository);
  });
  afterAll(() => repo.close());

  const creatorOf = async (id: string) =>
    (
      (await repo.db.query(`SELECT created_by AS "createdBy" FROM applications WHERE id = $1`, [id])) as Array<{
        createdBy: string;
      }>
    )[0]!.createdBy;

  it('locks the named applications that exist, in id order, with what a bulk action checks', async () => {
    const callId = await repo.seed.call({ status: 'open' });
    const ids = [await repo.seed.application(callId), await repo.seed.application(callId, { status: 'draft' })];
    const found = await rolledBack(repo.transactions, (tx) =>
      bulk.lockMany(tx, [...ids, '00000000-0000-4000-8000-000000000000']),
    );
    expect(found).toEqual(
      [...ids].sort().map((id) => ({
        id,
        callId,
        status: id === ids[0] ? 'submitted' : 'draft',
        eligibility: null,
        eligibilityOverride: null,
      })),
    );
  });

  it('gives every application named the same decision, each a new version, and no other', async () => {
    const callId = await repo.seed.call({ status: 'open' });
    const [a, b, other] = [
      await repo.seed.application(callId),
      await repo.seed.application(callId),
      await repo.seed.application(callId),
    ];
    const override = { eligible: false, reason: 'Duplicates', decidedBy: await creatorOf(a), decidedAt: 'now' };
    await repo.transactions.run((tx) => bulk.overrideEligibility(tx, [a, b], override));
    const rows = (await repo.db.query(
      `SELECT id, eligibility_override AS o, version FROM applications WHERE id = ANY ($1::uuid[])`,
      [[a, b, other]],
    )) as Array<{ id: string; o: unknown; version: number }>;
    expect(Object.fromEntries(rows.map((r) => [r.id, [r.o, r.version]]))).toEqual({
      [a]: [override, 2],
      [b]: [override, 2],
      [other]: [null, 1],
    });
  });

  it('records a reminder per draft and UTC day, answering only those recorded now', async () => {
    const callId = await repo.seed.call({ status: 'open' });
    const otherCall = await repo.seed.call({ status: 'open' });
    const [draft, submitted, elsewhere] = [
      await repo.seed.application(callId, { status: 'draft' }),
      await repo.seed.application(callId),
      await repo.seed.application(otherCall, { status: 'draft' }),
    ];
    const actor = await creatorOf(submitted);
    const named = [draft, submitted, elsewhere];
    expect(await bulk.reminderCandidates(callId, named)).toEqual([
      {
        applicationId: draft,
        recipientId: await creatorOf(draft),
        organisationName: expect.any(String),
        remindedToday: false,
      },
    ]);

    const first = await repo.transactions.run((tx) => bulk.recordReminders(tx, callId, named, actor));
    expect(first.map((r) => r.applicationId)).toEqual([draft]);
    expect(await repo.transactions.run((tx) => bulk.recordReminders(tx, callId, named, actor))).toEqual([]);
    expect((await bulk.reminderCandidates(callId, named))[0]?.remindedToday).toBe(true);

    // Yesterday's reminder does not count today.
    await repo.db.query(`UPDATE application_reminders SET day = day - 1 WHERE application_id = $1`, [draft]);
    expect((await bulk.reminderCandidates(callId, [draft]))[0]?.remindedToday).toBe(false);
  });

  it('previews the outcomes publication would give without writing them', async () => {
    const callId = await repo.seed.call({ status: 'reviewing' });
    const [selected, waitlisted, other] = [
      await repo.seed.application(callId),
      await repo.seed.application(callId),
      await repo.seed.application(callId),
    ];
    await repo.seed.application(callId, { status: 'draft' });
    const preview = await outcomes.preview(callId, { selected: [selected], waitlisted: [waitlisted] });
    expect(Object.fromEntries(preview.map((p) => [p.applicationId, p.outcome]))).toEqual({
      [selected]: 'selected',
      [waitlisted]: 'waitlisted',
      [other]: 'not_selected',
    });
    expect(preview.find((p) => p.applicationId === other)?.recipientId).toBe(await creatorOf(other));
    const statuses = (await repo.db.query(`SELECT DISTINCT status FROM applications WHERE call_id = $1`, [
      callId,
    ])) as Array<{ status: string }>;
    expect(statuses.map((s) => s.status).sort()).toEqual(['draft', 'submitted']);
  });
});
