import { createHash, randomUUID } from 'node:crypto';
import { SelectionFactsRepository } from '../../libs/cohorts/src/infrastructure/selection-facts.repository';
import { RepositoryDb, startRepositories } from '../support/repository-db';

describe('SelectionFactsRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let facts: SelectionFactsRepository;

  beforeAll(async () => {
    repo = await startRepositories([SelectionFactsRepository]);
    facts = repo.get(SelectionFactsRepository);
  });
  afterAll(() => repo.close());

  it('answers every submitted application of the call, withdrawn ones too, with its result when scored', async () => {
    const callId = await repo.seed.call({ status: 'closed' });
    const ranked = await repo.seed.application(callId, { countryCode: 'KE' });
    const unscored = await repo.seed.application(callId, { countryCode: 'FR' });
    const withdrawn = await repo.seed.application(callId, { countryCode: 'SN' });
    const selected = await repo.seed.application(callId, { countryCode: 'BR', status: 'selected' });
    await repo.seed.application(callId, { status: 'draft' });
    await repo.db.query(`UPDATE applications SET status = 'withdrawn', withdrawn_at = now() WHERE id = $1`, [
      withdrawn,
    ]);
    await repo.seed.eligibility(ranked, true);
    await repo.seed.eligibility(unscored, true, false);
    await repo.seed.eligibility(selected, false, true);
    await repo.seed.result(callId, ranked, { rank: 1, score: 81.5, evaluationCount: 3 });
    await repo.seed.result(callId, selected, { rank: null, score: 40, evaluationCount: 1 });

    const rows = await facts.applicationsFor(callId);

    const byId = new Map(rows.map((r) => [r.applicationId, r]));
    expect(rows).toHaveLength(4);
    expect(byId.get(ranked)).toEqual({
      applicationId: ranked,
      rank: 1,
      score: 81.5,
      countryCode: 'KE',
      region: 'AFR',
      status: 'submitted',
      eligible: true,
      evaluationCount: 3,
    });
    expect(byId.get(unscored)).toMatchObject({
      rank: null,
      score: null,
      evaluationCount: 0,
      eligible: false,
      region: 'EUR',
    });
    expect(byId.get(withdrawn)).toMatchObject({ status: 'withdrawn', eligible: false });
    expect(byId.get(selected)).toMatchObject({
      status: 'submitted',
      eligible: true,
      rank: null,
      score: 40,
      evaluationCount: 1,
    });
    expect(await facts.applicationsFor(randomUUID())).toEqual([]);
  });

  it('fingerprints the facts: the same facts the same digest, and a withdrawal or a rescoring another one', async () => {
    const callId = await repo.seed.call({ status: 'closed' });
    const [first, second] = [await repo.seed.application(callId), await repo.seed.application(callId)];
    await repo.seed.result(callId, first, { rank: 1, score: 70, evaluationCount: 2 });
    await repo.seed.result(callId, second, { rank: 2, score: 60, evaluationCount: 2 });

    const before = await facts.factsFingerprint(callId, [1]);
    expect(before).toMatch(/^[0-9a-f]{64}$/);
    expect(await facts.factsFingerprint(callId, [1])).toBe(before);

    await repo.seed.result(callId, second, { rank: 2, score: 60.5, evaluationCount: 2 });
    const rescored = await facts.factsFingerprint(callId, [1]);
    expect(rescored).not.toBe(before);

    await repo.db.query(`UPDATE applications SET status = 'withdrawn', withdrawn_at = now() WHERE id = $1`, [first]);
    expect(await facts.factsFingerprint(callId, [1])).not.toBe(rescored);

    // No facts at all: the digest of nothing.
    expect(await facts.factsFingerprint(randomUUID(), [1])).toBe(createHash('sha256').update('').digest('hex'));
  });

  it('answers the organisations behind none, one or many applications, by one array', async () => {
    const callId = await repo.seed.call({ status: 'closed' });
    const organisationId = await repo.seed.organisation({ countryCode: 'SN', name: 'Dakar Hub' });
    const dakar = await repo.seed.application(callId, { organisationId, countryCode: 'SN' });
    const other = await repo.seed.application(callId, { countryCode: 'FR' });

    expect(await facts.organisationsOf([])).toEqual(new Map());
    expect(await facts.organisationsOf([dakar])).toEqual(
      new Map([[dakar, { name: 'Dakar Hub', city: null, countryCode: 'SN', region: 'AFR' }]]),
    );
    const many = await facts.organisationsOf([dakar, other, randomUUID()]);
    expect([...many.keys()].sort()).toEqual([dakar, other].sort());
    expect(many.get(other)).toMatchObject({ countryCode: 'FR', region: 'EUR' });
  });

  it('describes the members publicly: organisation, city, country in English and region', async () => {
    const callId = await repo.seed.call({ status: 'closed' });
    const organisationId = await repo.seed.organisation({ countryCode: 'SN', name: 'Dakar Hub' });
    await repo.db.query(`UPDATE organisations SET city = 'Dakar' WHERE id = $1`, [organisationId]);
    const member = await repo.seed.application(callId, { organisationId, countryCode: 'SN' });

    const members = await repo.transactions.run((tx) => facts.publicMembers(tx, [member, randomUUID()]));

    expect(members).toEqual([
      {
        applicationId: member,
        publicEntry: { name: 'Dakar Hub', city: 'Dakar', countryCode: 'SN', countryName: 'Senegal', region: 'AFR' },
      },
    ]);
    expect(await repo.transactions.run((tx) => facts.publicMembers(tx, []))).toEqual([]);
  });

  it('counts the submitted applications not withdrawn and their countries, and the evaluators who submitted', async () => {
    const callId = await repo.seed.call({ status: 'closed' });
    const applications = [
      await repo.seed.application(callId, { countryCode: 'KE' }),
      await repo.seed.application(callId, { countryCode: 'KE' }),
      await repo.seed.application(callId, { countryCode: 'FR' }),
    ];
    const withdrawn = await repo.seed.application(callId, { countryCode: 'BR' });
    await repo.db.query(`UPDATE applications SET status = 'withdrawn', withdrawn_at = now() WHERE id = $1`, [
      withdrawn,
    ]);
    await repo.seed.application(callId, { status: 'draft', countryCode: 'SN' });
    const [ada, bo, cy] = await Promise.all([1, 2, 3].map(() => repo.seed.user({ role: 'evaluator' })));
    await repo.seed.assignment(callId, applications[0], ada, 'submitted');
    await repo.seed.assignment(callId, applications[1], ada, 'submitted');
    await repo.seed.assignment(callId, applications[2], bo, 'submitted');
    await repo.seed.assignment(callId, applications[0], cy, 'draft');

    expect(await repo.transactions.run((tx) => facts.submissionCounts(tx, callId))).toEqual({
      applications: 3,
      countries: 2,
    });
    expect(await facts.evaluatorCount(callId)).toBe(2);
    expect(await facts.evaluatorCount(randomUUID())).toBe(0);
  });

  it('names countries in the language asked, leaving unknown codes out', async () => {
    expect(await facts.countryNames(['SN', 'BR', 'ZZ'], 'fr')).toEqual(
      new Map([
        ['SN', 'Sénégal'],
        ['BR', 'Brésil'],
      ]),
    );
    expect(await facts.countryNames(['SN'], 'en')).toEqual(new Map([['SN', 'Senegal']]));
    expect(await facts.countryNames([], 'en')).toEqual(new Map());
  });
});
