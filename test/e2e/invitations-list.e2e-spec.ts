import { randomBytes } from 'node:crypto';
import { secretariatOf } from '../support/evaluation-fixtures';
import { Actor } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { expectProblem, problemFields } from './identity.helpers';

/** The secretariat's list of invitations (GET /invitations) sorted on the server. */
describe('GET /invitations: sort', () => {
  let api: TestApi;
  let secretariat: Actor;
  const tag = randomBytes(4).toString('hex');
  /** In the order they are sent. */
  const INVITED = [
    { displayName: `${tag} bravo`, role: 'secretariat' },
    { displayName: `${tag} Charlie`, role: 'evaluator' },
    { displayName: `${tag} Alpha`, role: 'evaluator' },
  ];

  beforeAll(async () => {
    api = await TestApi.start();
    secretariat = await secretariatOf(api);
    for (const [i, person] of INVITED.entries()) {
      const res = await api.post('/api/v1/invitations', {
        token: secretariat.token,
        body: { ...person, email: `invited-${i}-${tag}@test.example` },
      });
      expect(res.status).toBe(201);
    }
  });
  afterAll(() => api.close());

  /** The suite's invitations in the order the list gives them (other suites' ones left out). */
  const names = async (query: Record<string, string> = {}) => {
    const res = await api.get('/api/v1/invitations', { token: secretariat.token, query: { limit: '500', ...query } });
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ displayName: string }>)
      .map((i) => i.displayName)
      .filter((name) => name.startsWith(tag));
  };

  it('lists the most recently sent first by default, and sorts by each column either way', async () => {
    expect(await names()).toEqual([`${tag} Alpha`, `${tag} Charlie`, `${tag} bravo`]);
    expect(await names({ sort: 'sentAt' })).toEqual([`${tag} bravo`, `${tag} Charlie`, `${tag} Alpha`]);
    expect(await names({ sort: 'person' })).toEqual([`${tag} Alpha`, `${tag} bravo`, `${tag} Charlie`]);
    expect(await names({ sort: '-person' })).toEqual([`${tag} Charlie`, `${tag} bravo`, `${tag} Alpha`]);
    expect(await names({ sort: '-role' })).toEqual([`${tag} bravo`, `${tag} Alpha`, `${tag} Charlie`]);
    expect(await names({ sort: 'email', status: 'pending' })).toEqual([
      `${tag} bravo`,
      `${tag} Charlie`,
      `${tag} Alpha`,
    ]);
  });

  it('refuses an unknown sort, naming the parameter', async () => {
    const res = await api.get('/api/v1/invitations', { token: secretariat.token, query: { sort: 'name' } });

    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(problemFields(res)).toEqual(['sort']);
  });
});
