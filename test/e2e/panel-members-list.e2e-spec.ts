import { randomBytes, randomUUID } from 'node:crypto';
import {
  assignmentId,
  callWithSubmissions,
  createApplicantsFrom,
  evaluate,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';
import { Actor, Applicant, PASSWORD, adminToken, login } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { expectProblem, problemFields } from './identity.helpers';

/**
 * The secretariat's paged list of a call's panel (GET /calls/:id/panel/members): sorted by each
 * column it shows, paged with the whole count, refused with a problem for bad input, and only for
 * staff. GET /calls/:id/panel keeps answering the whole panel.
 */
describe('GET /calls/:id/panel/members: sort and paging', () => {
  let api: TestApi;
  let secretariat: Actor;
  let applicants: Applicant[];
  let callId: string;
  const tag = randomBytes(4).toString('hex');
  /** Alpha: two live assignments, one submitted; bravo: one live; Charlie: none. */
  const PEOPLE = [
    { name: 'Alpha', email: `z-${tag}@test.example`, countryCode: 'FR', affiliation: 'Sorbonne' },
    { name: 'bravo', email: `a-${tag}@test.example`, countryCode: 'KE', affiliation: null },
    { name: 'Charlie', email: `m-${tag}@test.example`, countryCode: null, affiliation: 'Accra Digital' },
  ] as const;
  const evaluators = new Map<string, Actor>();
  const url = () => `/api/v1/calls/${callId}/panel/members`;

  beforeAll(async () => {
    api = await TestApi.start();
    secretariat = await secretariatOf(api);
    applicants = await createApplicantsFrom(api, [{ countryCode: 'KE' }, { countryCode: 'BR' }]);
    for (const person of PEOPLE) {
      const created = await api.post('/api/v1/users', {
        token: secretariat.token,
        body: {
          email: person.email,
          password: PASSWORD,
          displayName: person.name,
          role: 'evaluator',
          ...(person.countryCode ? { countryCode: person.countryCode } : {}),
          ...(person.affiliation ? { affiliation: person.affiliation } : {}),
        },
      });
      expect(created.status).toBe(201);
      evaluators.set(person.name, { id: created.body.id, email: person.email, token: await login(api, person.email) });
    }
    const call = await callWithSubmissions(api, applicants);
    callId = call.callId;
    await seatPanel(api, callId, [...evaluators.values()]);
    const alpha = evaluators.get('Alpha')!;
    const bravo = evaluators.get('bravo')!;
    await evaluate(api, alpha.token, await assignmentId(api, callId, call.applicationIds[0]!, alpha.id));
    await assignmentId(api, callId, call.applicationIds[1]!, alpha.id);
    await assignmentId(api, callId, call.applicationIds[0]!, bravo.id);
  });
  afterAll(() => api.close());

  const names = async (query: Record<string, string | number>) => {
    const res = await api.get(url(), { token: secretariat.token, query });
    expect(res.status).toBe(200);
    return { names: res.body.items.map((m: { displayName: string }) => m.displayName), total: res.body.total };
  };

  it('lists the panel by name in any case by default, each member with its assignments counted', async () => {
    const res = await api.get(url(), { token: secretariat.token });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      total: 3,
      items: [
        {
          evaluatorId: evaluators.get('Alpha')!.id,
          displayName: 'Alpha',
          email: `z-${tag}@test.example`,
          countryCode: 'FR',
          affiliation: 'Sorbonne',
          load: 2,
          submitted: 1,
          addedAt: expect.any(String),
        },
        expect.objectContaining({ displayName: 'bravo', countryCode: 'KE', affiliation: null, load: 1, submitted: 0 }),
        expect.objectContaining({ displayName: 'Charlie', countryCode: null, load: 0, submitted: 0 }),
      ],
    });
  });

  it.each([
    ['-name', ['Charlie', 'bravo', 'Alpha']],
    ['email', ['bravo', 'Charlie', 'Alpha']],
    ['-email', ['Alpha', 'Charlie', 'bravo']],
    ['country', ['Alpha', 'bravo', 'Charlie']],
    ['-country', ['bravo', 'Alpha', 'Charlie']],
    ['affiliation', ['Charlie', 'Alpha', 'bravo']],
    ['-affiliation', ['Alpha', 'Charlie', 'bravo']],
    ['load', ['Charlie', 'bravo', 'Alpha']],
    ['-load', ['Alpha', 'bravo', 'Charlie']],
    ['submitted', ['bravo', 'Charlie', 'Alpha']],
    ['-submitted', ['Alpha', 'bravo', 'Charlie']],
  ])('sorts by %s (ties by name; no country or affiliation last)', async (sort, expected) => {
    expect(await names({ sort })).toEqual({ names: expected, total: 3 });
  });

  it('pages the sorted list, the total counting every member, also past the end', async () => {
    expect(await names({ sort: 'email', limit: 1, offset: 1 })).toEqual({ names: ['Charlie'], total: 3 });
    expect(await names({ sort: '-load', limit: 2, offset: 0 })).toEqual({ names: ['Alpha', 'bravo'], total: 3 });
    expect(await names({ sort: 'email', limit: 2, offset: 3 })).toEqual({ names: [], total: 3 });
  });

  it('leaves the whole panel of GET /panel as it was, with the stage it is (additive)', async () => {
    const res = await api.get(`/api/v1/calls/${callId}/panel`, { token: secretariat.token });

    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['callId', 'members', 'ownPanel', 'stage']);
    expect(res.body).toMatchObject({ stage: 1, ownPanel: false });
    expect(res.body.members).toHaveLength(3);
    expect(Object.keys(res.body.members[0]).sort()).toEqual(
      ['addedAt', 'affiliation', 'countryCode', 'displayName', 'email', 'evaluatorId', 'load'].sort(),
    );
  });

  it.each([
    ['sort=displayName', { sort: 'displayName' }, 'sort'],
    ['sort=-', { sort: '-' }, 'sort'],
    ['limit=501', { limit: 501 }, 'limit'],
    ['limit=0', { limit: 0 }, 'limit'],
    ['offset=-1', { offset: -1 }, 'offset'],
    ['limit=ten', { limit: 'ten' }, 'limit'],
  ])('refuses %s with a validation problem naming the parameter', async (_label, query, field) => {
    const res = await api.get(url(), { token: secretariat.token, query });

    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(problemFields(res)).toEqual([field]);
  });

  it('answers 404 for an unknown call and 400 for a malformed id', async () => {
    expectProblem(
      await api.get(`/api/v1/calls/${randomUUID()}/panel/members`, { token: secretariat.token }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await api.get('/api/v1/calls/not-a-uuid/panel/members', { token: secretariat.token }),
      400,
      'VALIDATION_FAILED',
    );
  });

  it('is for the secretariat (and administrators) only', async () => {
    expect((await api.get(url(), { token: await adminToken(api) })).status).toBe(200);
    expectProblem(await api.get(url(), { token: evaluators.get('Alpha')!.token }), 403, 'FORBIDDEN');
    expectProblem(await api.get(url(), { token: applicants[0]!.token }), 403, 'FORBIDDEN');
    expectProblem(await api.get(url()), 401, 'UNAUTHENTICATED');
  });
});
