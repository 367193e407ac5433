import request from 'supertest';
import { expectProblem } from '../support/applications';
import { createApplicantsFrom, secretariatOf } from '../support/evaluation-fixtures';
import { Actor, Applicant } from '../support/fixtures';
import { TestApi } from '../support/test-app';

/** Issue 4: Bull Board for the secretariat at /queues, behind authentication. */
describe('queue dashboard', () => {
  let api: TestApi;
  let secretariat: Actor;
  let applicant: Applicant;

  beforeAll(async () => {
    api = await TestApi.start();
    secretariat = await secretariatOf(api);
    [applicant] = await createApplicantsFrom(api, [{ countryCode: 'KE' }]);
  });
  afterAll(() => api.close());

  const dashboard = (path: string) => request(api.server).get(`/queues${path}`);

  it('refuses anonymous callers and other roles with problem+json', async () => {
    expectProblem(await dashboard(''), 401, 'UNAUTHENTICATED');
    expectProblem(await dashboard('/api/queues'), 401, 'UNAUTHENTICATED');
    expectProblem(await dashboard('').set('Authorization', 'Bearer not-a-token'), 401, 'UNAUTHENTICATED');
    expectProblem(await dashboard('').set('Authorization', `Bearer ${applicant.token}`), 403, 'FORBIDDEN');
  });

  it('shows the queues to the secretariat, with a token or with the session cookie', async () => {
    const page = await dashboard('').set('Authorization', `Bearer ${secretariat.token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);

    const denied = await api.post('/api/v1/queue-dashboard/session', { token: applicant.token });
    expectProblem(denied, 403, 'FORBIDDEN');
    const session = await api.post('/api/v1/queue-dashboard/session', { token: secretariat.token });
    expect(session.status).toBe(204);
    const cookie = (session.headers['set-cookie'] as unknown as string[])[0];
    expect(cookie).toMatch(/^queue_dashboard_token=[^;]+; Path=\/queues; HttpOnly; SameSite=Strict$/);

    const queues = await dashboard('/api/queues').set('Cookie', cookie.split(';')[0]);
    expect(queues.status).toBe(200);
    const names = (queues.body.queues as Array<{ name: string }>).map((q) => q.name).sort();
    expect(names).toEqual(['cohorts', 'notifications', 'scoring', 'scoring-uncertainty']);
  });
});
