import { randomBytes } from 'node:crypto';
import { secretariatOf } from '../support/evaluation-fixtures';
import { Actor, PASSWORD } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { expectProblem, problemFields } from './identity.helpers';

/** The secretariat's list of people (GET /users): filtered, sorted and paged on the server. */
describe('GET /users: sort, filters and paging', () => {
  let api: TestApi;
  let secretariat: Actor;
  /** Unique to the run, in every name: the search that finds only this suite's people. */
  const tag = randomBytes(4).toString('hex');
  const PEOPLE = [
    { name: `${tag} Alpha`, email: `z-${tag}@test.example`, role: 'evaluator', active: true },
    { name: `${tag} bravo`, email: `a-${tag}@test.example`, role: 'secretariat', active: false },
    { name: `${tag} Charlie`, email: `m-${tag}@test.example`, role: 'evaluator', active: true },
  ] as const;

  beforeAll(async () => {
    api = await TestApi.start();
    secretariat = await secretariatOf(api);
    for (const person of PEOPLE) {
      const created = await api.post('/api/v1/users', {
        token: secretariat.token,
        body: { email: person.email, password: PASSWORD, displayName: person.name, role: person.role },
      });
      expect(created.status).toBe(201);
      if (!person.active) {
        const changed = await api.patch(`/api/v1/users/${created.body.id}`, {
          token: secretariat.token,
          body: { active: false, reason: 'Left the network' },
        });
        expect(changed.status).toBe(200);
      }
    }
  });
  afterAll(() => api.close());

  const names = async (query: Record<string, string | number>) => {
    const res = await api.get('/api/v1/users', { token: secretariat.token, query: { q: tag, ...query } });
    expect(res.status).toBe(200);
    return { names: res.body.items.map((u: { displayName: string }) => u.displayName), total: res.body.total };
  };

  it('sorts by name in any case by default, and by each column either way', async () => {
    expect(await names({})).toEqual({ names: [`${tag} Alpha`, `${tag} bravo`, `${tag} Charlie`], total: 3 });
    expect((await names({ sort: '-name' })).names).toEqual([`${tag} Charlie`, `${tag} bravo`, `${tag} Alpha`]);
    expect((await names({ sort: 'email' })).names).toEqual([`${tag} bravo`, `${tag} Charlie`, `${tag} Alpha`]);
    expect((await names({ sort: '-role' })).names).toEqual([`${tag} bravo`, `${tag} Alpha`, `${tag} Charlie`]);
    expect((await names({ sort: 'status' })).names).toEqual([`${tag} Alpha`, `${tag} Charlie`, `${tag} bravo`]);
    expect((await names({ sort: '-createdAt' })).names).toEqual([`${tag} Charlie`, `${tag} bravo`, `${tag} Alpha`]);
  });

  it('filters by account status and role, counting what it finds', async () => {
    expect(await names({ status: 'inactive' })).toEqual({ names: [`${tag} bravo`], total: 1 });
    expect(await names({ status: 'active', role: 'evaluator', sort: '-name' })).toEqual({
      names: [`${tag} Charlie`, `${tag} Alpha`],
      total: 2,
    });
  });

  it('pages the sorted list, the total counting every match', async () => {
    expect(await names({ sort: 'email', limit: 1, offset: 1 })).toEqual({ names: [`${tag} Charlie`], total: 3 });
    expect(await names({ sort: 'email', limit: 2, offset: 3 })).toEqual({ names: [], total: 3 });
  });

  it.each([
    ['sort=displayName', { sort: 'displayName' }, 'sort'],
    ['status=gone', { status: 'gone' }, 'status'],
    ['limit=501', { limit: 501 }, 'limit'],
  ])('refuses %s with a validation problem naming the parameter', async (_label, query, field) => {
    const res = await api.get('/api/v1/users', { token: secretariat.token, query });

    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(problemFields(res)).toEqual([field]);
  });
});
