import { Transactions } from '@app/platform';
import type { ShortlistEntry } from '../../libs/cohorts/src/domain/shortlist';
import { ShortlistsRepository } from '../../libs/cohorts/src/infrastructure/shortlists.repository';
import { RepositoryDb, startRepositories } from '../support/repository-db';

const entry = (applicationId: string, rank: number, advancing: boolean): ShortlistEntry => ({
  applicationId,
  rank,
  score: 90 - rank,
  region: 'AFR',
  advancing,
  reason: advancing ? 'WITHIN_SIZE' : 'COHORT_FULL',
});

describe('ShortlistsRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let shortlists: ShortlistsRepository;
  let transactions: Transactions;

  beforeAll(async () => {
    repo = await startRepositories([ShortlistsRepository]);
    shortlists = repo.get(ShortlistsRepository);
    transactions = repo.get(Transactions);
  });
  afterAll(() => repo.close());

  /** The applications evaluation may assign in the stage (the view cohorts grants it). */
  const advanced = async (callId: string) =>
    (
      (await repo.db.query(
        `SELECT application_id FROM cohorts_stage_shortlisted WHERE call_id = $1 AND stage = 2 ORDER BY application_id`,
        [callId],
      )) as Array<{ application_id: string }>
    ).map((r) => r.application_id);

  it('keeps one proposal per call and stage, replaced by the next, and advances nobody until confirmed', async () => {
    const callId = await repo.seed.call({ status: 'reviewing' });
    const [a, b, c] = [
      await repo.seed.application(callId),
      await repo.seed.application(callId),
      await repo.seed.application(callId),
    ];
    const secretariat = await repo.seed.user({ role: 'secretariat' });
    const rule = { size: 1, keepRegionalMinimums: false };
    await transactions.run((tx) =>
      shortlists.propose(tx, { callId, stage: 2, rule, entries: [entry(a, 1, true), entry(b, 2, false)] }, secretariat),
    );
    const entries = [entry(a, 1, true), entry(b, 2, true), entry(c, 3, false)];
    await transactions.run((tx) =>
      shortlists.propose(tx, { callId, stage: 2, rule: { ...rule, size: 2 }, entries }, secretariat),
    );

    expect(await shortlists.find(callId, 2)).toMatchObject({
      callId,
      stage: 2,
      status: 'proposed',
      rule: { size: 2, keepRegionalMinimums: false },
      entries,
      confirmedAt: null,
    });
    expect(await shortlists.find(callId, 3)).toBeNull();
    expect(await advanced(callId)).toEqual([]);

    const amended = [entries[0], { ...entries[1], advancing: false }, { ...entries[2], advancing: true }];
    await transactions.run((tx) => shortlists.saveEntries(tx, callId, 2, amended));
    await transactions.run((tx) => shortlists.confirm(tx, callId, 2, secretariat));

    expect(await shortlists.find(callId, 2)).toMatchObject({ status: 'confirmed', entries: amended });
    expect(await advanced(callId)).toEqual([a, c].sort());
  });

  it('is frozen with the call once its cohort is published', async () => {
    const callId = await repo.seed.call({ status: 'reviewing' });
    const secretariat = await repo.seed.user({ role: 'secretariat' });
    const rule = { size: 1, keepRegionalMinimums: false };
    await transactions.run((tx) => shortlists.propose(tx, { callId, stage: 2, rule, entries: [] }, secretariat));
    await repo.db.query(`UPDATE calls SET status = 'published' WHERE id = $1`, [callId]);

    await expect(transactions.run((tx) => shortlists.confirm(tx, callId, 2, secretariat))).rejects.toThrow(/published/);
  });
});
