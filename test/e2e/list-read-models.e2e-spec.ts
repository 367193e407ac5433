import { secretariatOf } from '../support/evaluation-fixtures';
import { Actor } from '../support/fixtures';
import { SEED, SeededName, seedListedCall } from '../support/listed-call';
import { TestApi } from '../support/test-app';
import { expectProblem, problemFields } from './identity.helpers';

interface RankingItem {
  rank: number;
  score: number;
  rawScore: number;
  spread: number;
  organisation: { name: string; countryCode: string; region: string };
}

/**
 * The read models of the ranking and of the secretariat's list of applications: search, sort and
 * paging happen in the database, and a client that sends none of the new parameters reads what it did.
 */
describe('list read models: search, sort and paging on the server', () => {
  let api: TestApi;
  let secretariat: Actor;
  let callId: string;
  let ids: Map<SeededName, string>;

  beforeAll(async () => {
    api = await TestApi.start();
    secretariat = await secretariatOf(api);
    ({ callId, ids } = await seedListedCall(secretariat.id));
  });
  afterAll(() => api.close());

  const ranking = (query: Record<string, string | number> = {}) =>
    api.get(`/api/v1/calls/${callId}/ranking`, { token: secretariat.token, query });
  const applications = (query: Record<string, string | number> = {}) =>
    api.get(`/api/v1/calls/${callId}/applications`, { token: secretariat.token, query });
  const rankedNames = (body: { items: RankingItem[] }) => body.items.map((item) => item.organisation.name);
  const listedNames = (body: { items: Array<{ organisation: { name: string } }> }) =>
    body.items.map((item) => item.organisation.name);

  describe('GET /calls/:id/ranking', () => {
    it('answers as before without the new parameters: every ranked application by rank, with who applied', async () => {
      const res = await ranking();

      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        total: 3,
        items: [
          {
            applicationId: ids.get('Dakar Tech Lab'),
            score: 90,
            rawScore: 60,
            normalizedScore: 60,
            evaluationCount: 3,
            spread: 5,
            stdDev: 2.5,
            needsModeration: false,
            consensusScore: null,
            rank: 1,
            // Not calibrated: no rank interval.
            uncertainty: null,
            organisation: { name: 'Dakar Tech Lab', countryCode: 'SN', region: 'AFR' },
          },
          expect.objectContaining({ rank: 2, applicationId: ids.get('Nairobi Innovation Hub') }),
          expect.objectContaining({ rank: 3, applicationId: ids.get('Lyon Accelerator'), needsModeration: true }),
        ],
      });
    });

    it('searches the organisation name or city in any case, counting only what it finds', async () => {
      const byName = await ranking({ search: '  NAIROBI ' });
      const byCity = await ranking({ search: 'lyon' });

      expect(byName.body).toMatchObject({ total: 1, items: [{ rank: 2 }] });
      expect(rankedNames(byName.body)).toEqual(['Nairobi Innovation Hub']);
      expect(rankedNames(byCity.body)).toEqual(['Lyon Accelerator']);
    });

    it('takes a search literally: LIKE wildcards match only themselves', async () => {
      const res = await ranking({ search: '%' });

      expect(res.status).toBe(200);
      expect(res.body).toEqual({ items: [], total: 0 });
    });

    it('sorts by a figure or by organisation, descending with a leading "-"', async () => {
      expect(rankedNames((await ranking({ sort: '-rawScore' })).body)).toEqual([
        'Lyon Accelerator',
        'Nairobi Innovation Hub',
        'Dakar Tech Lab',
      ]);
      expect(rankedNames((await ranking({ sort: 'spread' })).body)).toEqual([
        'Dakar Tech Lab',
        'Nairobi Innovation Hub',
        'Lyon Accelerator',
      ]);
      expect(rankedNames((await ranking({ sort: '-organisation' })).body)).toEqual([
        'Nairobi Innovation Hub',
        'Lyon Accelerator',
        'Dakar Tech Lab',
      ]);
      expect((await ranking({ sort: '-rank' })).body.items.map((item: RankingItem) => item.rank)).toEqual([3, 2, 1]);
    });

    it('pages the sorted ranking, and a page past the end still counts them all', async () => {
      const second = await ranking({ sort: 'score', limit: 1, offset: 1 });
      const past = await ranking({ sort: 'score', limit: 500, offset: 3 });

      expect(second.body).toMatchObject({ total: 3, items: [{ score: 80, rank: 2 }] });
      expect(past.body).toEqual({ items: [], total: 3 });
    });

    it.each([
      ['sort=name', { sort: 'name' }, 'sort'],
      ['sort=--score', { sort: '--score' }, 'sort'],
      ['search=101 characters', { search: 'x'.repeat(101) }, 'search'],
      ['limit=501', { limit: 501 }, 'limit'],
      ['limit=0', { limit: 0 }, 'limit'],
      ['offset=-1', { offset: -1 }, 'offset'],
    ])('refuses %s with a validation problem naming the parameter', async (_label, query, field) => {
      const res = await ranking(query);

      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(problemFields(res)).toEqual([field]);
    });

    it('answers 404 for an unknown call, searched or not', async () => {
      const unknown = '00000000-0000-4000-8000-000000000000';
      for (const query of [{}, { search: 'nairobi' }] as Array<Record<string, string>>) {
        const res = await api.get(`/api/v1/calls/${unknown}/ranking`, { token: secretariat.token, query });
        expectProblem(res, 404, 'NOT_FOUND');
      }
    });
  });

  describe('GET /calls/:id/applications', () => {
    it('answers as before without the new parameters, in order of creation, each with who applied', async () => {
      const res = await applications();

      expect(res.status).toBe(200);
      expect(res.body.total).toBe(SEED.length);
      expect(res.body.items.map((item: { id: string }) => item.id)).toEqual(SEED.map((seed) => ids.get(seed.name)));
      expect(res.body.items[0]).toMatchObject({
        callId,
        countryCode: 'KE',
        status: 'submitted',
        call: { id: callId, title: 'A listed call' },
        documents: [],
        organisation: { name: 'Nairobi Innovation Hub', city: 'Nairobi' },
      });
      expect(res.body.items[3].organisation).toEqual({ name: 'Quito 100% Startups', city: null });
    });

    it('searches the organisation name or city in any case, beside the other filters', async () => {
      expect(listedNames((await applications({ search: 'Nairobi' })).body)).toEqual([
        'Nairobi Innovation Hub',
        'nairobi garage',
      ]);
      expect(listedNames((await applications({ search: 'MOMBASA' })).body)).toEqual(['nairobi garage']);
      expect(listedNames((await applications({ search: '100%' })).body)).toEqual(['Quito 100% Startups']);
      const filtered = await applications({ search: 'nairobi', status: 'withdrawn', countryCode: 'KE' });
      expect(filtered.body.total).toBe(1);
      expect(listedNames(filtered.body)).toEqual(['nairobi garage']);
    });

    it('filters by the eligibility in force, the secretariat’s decision first', async () => {
      expect(listedNames((await applications({ eligibility: 'eligible' })).body)).toEqual([
        'Nairobi Innovation Hub',
        'Dakar Tech Lab',
        'nairobi garage',
      ]);
      expect(listedNames((await applications({ eligibility: 'ineligible', region: 'EUR' })).body)).toEqual([
        'Lyon Accelerator',
      ]);
    });

    it('sorts by organisation in any case, or by submission with the unsubmitted last either way', async () => {
      expect(listedNames((await applications({ sort: 'organisation' })).body)).toEqual([
        'Dakar Tech Lab',
        'Lyon Accelerator',
        'nairobi garage',
        'Nairobi Innovation Hub',
        'Quito 100% Startups',
      ]);
      expect(listedNames((await applications({ sort: 'submittedAt' })).body)).toEqual([
        'nairobi garage',
        'Lyon Accelerator',
        'Dakar Tech Lab',
        'Nairobi Innovation Hub',
        'Quito 100% Startups',
      ]);
      expect(listedNames((await applications({ sort: '-submittedAt' })).body)).toEqual([
        'Nairobi Innovation Hub',
        'Dakar Tech Lab',
        'Lyon Accelerator',
        'nairobi garage',
        'Quito 100% Startups',
      ]);
    });

    it('pages the searched and sorted list, and a page past the end still counts them all', async () => {
      const last = await applications({ sort: '-createdAt', limit: 2, offset: 4 });
      const past = await applications({ search: 'nairobi', offset: 2 });

      expect(last.body.total).toBe(SEED.length);
      expect(listedNames(last.body)).toEqual(['Nairobi Innovation Hub']);
      expect(past.body).toEqual({ items: [], total: 2 });
    });

    it.each([
      ['eligibility=maybe', { eligibility: 'maybe' }, 'eligibility'],
      ['sort=name', { sort: 'name' }, 'sort'],
      ['search=101 characters', { search: 'x'.repeat(101) }, 'search'],
      ['limit=501', { limit: 501 }, 'limit'],
    ])('refuses %s with a validation problem naming the parameter', async (_label, query, field) => {
      const res = await applications(query);

      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(problemFields(res)).toEqual([field]);
    });

    it('answers 404 for an unknown call', async () => {
      const res = await api.get('/api/v1/calls/00000000-0000-4000-8000-000000000000/applications', {
        token: secretariat.token,
        query: { search: 'nairobi' },
      });

      expectProblem(res, 404, 'NOT_FOUND');
    });
  });
});
