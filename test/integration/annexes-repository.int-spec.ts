import { createHash } from 'node:crypto';
import { AnnexesRepository } from '../../libs/cohorts/src/infrastructure/annexes.repository';
import { RepositoryDb, startRepositories } from '../support/repository-db';

describe('AnnexesRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let annexes: AnnexesRepository;
  let secretariat: string;

  beforeAll(async () => {
    repo = await startRepositories([AnnexesRepository]);
    annexes = repo.get(AnnexesRepository);
    secretariat = await repo.seed.user({ role: 'secretariat' });
  });
  afterAll(() => repo.close());

  /** A published cohort: the only kind that has annexes. */
  async function publishedCohort(): Promise<string> {
    const callId = await repo.seed.call({ status: 'reviewing' });
    const cohortId = await repo.seed.cohort(callId, secretariat, 'published');
    await repo.seed.callStatus(callId, 'published');
    return cohortId;
  }

  const store = (cohortId: string, list: Parameters<AnnexesRepository['insert']>[2]) =>
    repo.transactions.run((tx) => annexes.insert(tx, cohortId, list));

  it('stores every annex in one go with the SHA-256 of its bytes, and reads each by format and locale', async () => {
    const cohortId = await publishedCohort();
    const csv = Buffer.from('rank,organisation\n1,Hub\n');
    const pdf = Buffer.from('%PDF-1.7 \u0000\u00ff');

    await store(cohortId, [
      { format: 'csv', locale: 'en', content: csv },
      { format: 'csv', locale: 'fr', content: Buffer.from('rang,organisation\n') },
      { format: 'pdf', locale: 'en', content: pdf },
    ]);

    expect(await annexes.find(cohortId, { format: 'csv', locale: 'en' })).toEqual({
      content: csv,
      sha256: createHash('sha256').update(csv).digest('hex'),
    });
    expect((await annexes.find(cohortId, { format: 'pdf', locale: 'en' }))?.content).toEqual(pdf);
    expect((await annexes.find(cohortId, { format: 'csv', locale: 'fr' }))?.content.toString()).toBe(
      'rang,organisation\n',
    );
    expect(await annexes.find(cohortId, { format: 'pdf', locale: 'fr' })).toBeNull();
  });

  it('keeps the annex stored first when two readers store the same one at once', async () => {
    const cohortId = await publishedCohort();

    await Promise.all([
      store(cohortId, [{ format: 'pdf', locale: 'fr', content: Buffer.from('first') }]),
      store(cohortId, [{ format: 'pdf', locale: 'fr', content: Buffer.from('second') }]),
    ]);
    await store(cohortId, [{ format: 'pdf', locale: 'fr', content: Buffer.from('third') }]);

    const stored = await annexes.find(cohortId, { format: 'pdf', locale: 'fr' });
    expect(['first', 'second']).toContain(stored?.content.toString());
    const [{ n }] = (await repo.db.query(`SELECT count(*)::int AS n FROM cohort_annexes WHERE cohort_id = $1`, [
      cohortId,
    ])) as Array<{ n: number }>;
    expect(n).toBe(1);
  });

  it('stores nothing for an empty list', async () => {
    const cohortId = await publishedCohort();
    await store(cohortId, []);
    expect(await annexes.find(cohortId, { format: 'csv', locale: 'en' })).toBeNull();
  });

  it('refuses the annexes of a cohort not published', async () => {
    const callId = await repo.seed.call({ status: 'reviewing' });
    const cohortId = await repo.seed.cohort(callId, secretariat, 'approved');

    await expect(store(cohortId, [{ format: 'csv', locale: 'en', content: Buffer.from('x') }])).rejects.toThrow(
      'only a published cohort has annexes',
    );
  });
});
