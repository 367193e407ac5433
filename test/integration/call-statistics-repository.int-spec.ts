import { randomUUID } from 'node:crypto';
import { CallStatisticsRepository } from '../../libs/scoring/src/infrastructure/call-statistics.repository';
import { RepositoryDb, startRepositories } from '../support/repository-db';

describe('CallStatisticsRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let statistics: CallStatisticsRepository;

  beforeAll(async () => {
    repo = await startRepositories([CallStatisticsRepository]);
    statistics = repo.get(CallStatisticsRepository);
  });
  afterAll(() => repo.close());

  it('counts a call’s applications by status, eligibility in force, country, region and type, and its assignments', async () => {
    const callId = await repo.seed.call({ status: 'closed' });
    const kenyan = await repo.seed.application(callId, { countryCode: 'KE' });
    const kenyanToo = await repo.seed.application(callId, { countryCode: 'KE' });
    const french = await repo.seed.application(callId, { countryCode: 'FR' });
    const selected = await repo.seed.application(callId, { countryCode: 'BR', status: 'selected' });
    await repo.seed.application(callId, { status: 'draft', countryCode: 'FR' });
    await repo.seed.application(callId, { status: 'withdrawn', countryCode: 'SN' });
    await repo.seed.eligibility(kenyan, true, null);
    await repo.seed.eligibility(kenyanToo, true, false);
    await repo.seed.eligibility(french, false, true);
    // `selected` has no decision at all: it counts as ineligible.
    const evaluator = await repo.seed.user({ role: 'evaluator' });
    await repo.seed.assignment(callId, kenyan, evaluator, 'submitted');
    await repo.seed.assignment(callId, french, evaluator, 'draft');
    await repo.seed.assignment(callId, kenyanToo, evaluator, 'declined');
    await repo.seed.assignment(callId, selected, evaluator, 'assigned');
    // Another call's rows count for nothing here.
    await repo.seed.application(await repo.seed.call({ status: 'closed' }));

    expect(await statistics.counts(callId)).toEqual({
      applications: { draft: 1, submitted: 4, withdrawn: 1, eligible: 2, ineligible: 2, confirmed: 0, declined: 0 },
      countries: 3,
      byRegion: { AFR: 2, EUR: 1, AMS: 1 },
      byOrganisationType: { innovation_hub: 4 },
      assignments: { total: 3, submitted: 1 },
    });
  });

  it('answers zeros and empty breakdowns for a call without applications, or no call at all', async () => {
    const zero = {
      applications: { draft: 0, submitted: 0, withdrawn: 0, eligible: 0, ineligible: 0, confirmed: 0, declined: 0 },
      countries: 0,
      byRegion: {},
      byOrganisationType: {},
      assignments: { total: 0, submitted: 0 },
    };
    expect(await statistics.counts(await repo.seed.call())).toEqual(zero);
    expect(await statistics.counts(randomUUID())).toEqual(zero);
  });

  it('answers the weighted total of every submitted evaluation, on the call’s scale, by application', async () => {
    const callId = await repo.seed.call({
      status: 'closed',
      scoring: { scaleMin: 1, scaleMax: 5, normalization: 'none', disagreementThreshold: 30 },
      criteria: { impact: 3, team: 1 },
    });
    const [first, second] = [await repo.seed.application(callId), await repo.seed.application(callId)];
    const [ada, bo] = [await repo.seed.user({ role: 'evaluator' }), await repo.seed.user({ role: 'evaluator' })];
    const submitted = async (applicationId: string, evaluatorId: string, scores: Record<string, number>) => {
      const id = await repo.seed.assignment(callId, applicationId, evaluatorId, 'submitted');
      await repo.seed.scores(id, scores);
    };
    await submitted(first, ada, { impact: 5, team: 1 });
    await submitted(first, bo, { impact: 3, team: 3 });
    await submitted(second, ada, { impact: 1, team: 5 });
    // A draft's scores are not a total yet.
    const draft = await repo.seed.assignment(callId, second, bo, 'draft');
    await repo.seed.scores(draft, { impact: 5, team: 5 });

    const totals = await statistics.evaluationTotals(callId);

    const byPair = Object.fromEntries(totals.map((t) => [`${t.applicationId}/${t.evaluatorId}`, t.total]));
    expect(totals).toHaveLength(3);
    // 100 × Σ w·(s − min)/(max − min) / Σ w
    expect(byPair[`${first}/${ada}`]).toBeCloseTo(75, 9);
    expect(byPair[`${first}/${bo}`]).toBeCloseTo(50, 9);
    expect(byPair[`${second}/${ada}`]).toBeCloseTo(25, 9);
    expect(totals.map((t) => t.applicationId)).toEqual([...totals.map((t) => t.applicationId)].sort());
    expect(await statistics.evaluationTotals(randomUUID())).toEqual([]);
  });
});
