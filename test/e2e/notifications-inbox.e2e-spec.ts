import { randomUUID } from 'node:crypto';
import { expectProblem } from '../support/applications';
import {
  assignByHand,
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';
import { Actor, Applicant } from '../support/fixtures';
import { NotificationView, inbox, inboxOf } from '../support/notifications';
import { TestApi } from '../support/test-app';

/**
 * GET /me/notifications and the secretariat's GET /notifications: what the API records, read back.
 * No worker runs here, so the e-mails' states are not asserted (notifications-delivery does that).
 */
describe('notifications: the inbox', () => {
  let api: TestApi;
  let secretariat: Actor;
  let applicant: Applicant, stranger: Applicant;
  let calls: Array<{ callId: string; applicationId: string; reference: string }>;

  beforeAll(async () => {
    api = await TestApi.start();
    secretariat = await secretariatOf(api);
    [applicant, stranger] = await createApplicantsFrom(api, [{ countryCode: 'KE' }, { countryCode: 'GH' }]);
    calls = [];
    // One after the other, so that the notifications' order is known.
    for (let i = 0; i < 3; i++) {
      const { callId, applicationIds } = await callWithSubmissions(api, [applicant], {}, { close: false });
      const call = await api.get(`/api/v1/calls/${callId}`, { token: secretariat.token });
      calls.push({ callId, applicationId: applicationIds[0], reference: call.body.reference as string });
    }
  });
  afterAll(() => api.close());

  const page = (token: string | undefined, query: Record<string, string | number>) =>
    api.get('/api/v1/me/notifications', { token, query });
  const markRead = (token: string | undefined, id: string) =>
    api.post(`/api/v1/me/notifications/${id}/read`, { token });

  it('lists the caller’s notifications newest first, a page at a time', async () => {
    const first = await page(applicant.token, { limit: 2 });
    expect(first.status).toBe(200);
    expect(first.body.total).toBe(3);
    const subjects = (items: NotificationView[]) => items.map((n) => n.subject);
    expect(subjects(first.body.items)).toEqual([
      `Application received – ${calls[2].reference}`,
      `Application received – ${calls[1].reference}`,
    ]);
    const rest = await page(applicant.token, { limit: 2, offset: 2 });
    expect(rest.body).toMatchObject({ total: 3, items: [{ subject: `Application received – ${calls[0].reference}` }] });
    expect(rest.body.items[0]).toMatchObject({ template: 'application.received', locale: 'en', readAt: null });
    expect(await inbox(api, stranger.token)).toEqual([]);
  });

  it('acknowledges a submission once, however often the submission is repeated', async () => {
    const repeat = await api.post(`/api/v1/applications/${calls[0].applicationId}/submit`, { token: applicant.token });
    expect(repeat.status).toBe(200);
    expect(await inboxOf(api, applicant.token, 'application.received')).toHaveLength(3);
  });

  it('marks a notification read once, for its recipient only', async () => {
    const [latest] = await inbox(api, applicant.token);
    const read = await markRead(applicant.token, latest.id);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id: latest.id, subject: latest.subject, readAt: expect.any(String) });
    const again = await markRead(applicant.token, latest.id);
    expect(again.body.readAt).toBe(read.body.readAt);
    expect((await inbox(api, applicant.token))[0].readAt).toBe(read.body.readAt);

    expectProblem(await markRead(stranger.token, latest.id), 404, 'NOT_FOUND');
    expectProblem(await markRead(applicant.token, randomUUID()), 404, 'NOT_FOUND');
    expectProblem(await markRead(applicant.token, 'not-a-uuid'), 400, 'VALIDATION_FAILED');
    expect((await inbox(api, applicant.token))[1].readAt).toBeNull();
  });

  it('refuses anonymous callers and malformed pages with problem+json', async () => {
    expectProblem(await page(undefined, {}), 401, 'UNAUTHENTICATED');
    expectProblem(await markRead(undefined, randomUUID()), 401, 'UNAUTHENTICATED');
    expectProblem(await api.get('/api/v1/notifications'), 401, 'UNAUTHENTICATED');
    const malformed: Array<Record<string, string | number>> = [
      { limit: 0 },
      { limit: 501 },
      { limit: 'ten' },
      { offset: -1 },
    ];
    for (const query of malformed) {
      const errors = expectProblem(await page(applicant.token, query), 400, 'VALIDATION_FAILED');
      expect([...new Set(errors.map((e) => e.field))]).toEqual(Object.keys(query));
    }
  });

  it('tells an evaluator assigned by hand of its one new assignment', async () => {
    const [evaluator] = await createEvaluators(api, [{ countryCode: 'DE' }]);
    const { callId, applicationIds } = await callWithSubmissions(api, [stranger]);
    await seatPanel(api, callId, [evaluator]);
    expect((await assignByHand(api, callId, applicationIds[0], evaluator.id)).status).toBe(201);

    const notices = await inboxOf(api, evaluator.token, 'assignment.created');
    expect(notices).toHaveLength(1);
    expect(notices[0].body).toContain('Number of applications newly assigned to you: 1.');
  });

  it('shows the secretariat anyone’s notifications with their recipient, and no one else', async () => {
    const res = await api.get('/api/v1/notifications', {
      token: secretariat.token,
      query: { recipientId: applicant.id, limit: 2 },
    });
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.items[0]).toMatchObject({
      subject: `Application received – ${calls[2].reference}`,
      recipient: { id: applicant.id, email: applicant.email, displayName: 'Test applicant' },
    });

    expectProblem(await api.get('/api/v1/notifications', { token: applicant.token }), 403, 'FORBIDDEN');
    const invalid = await api.get('/api/v1/notifications', {
      token: secretariat.token,
      query: { emailStatus: 'lost' },
    });
    expect(expectProblem(invalid, 400, 'VALIDATION_FAILED').map((e) => e.field)).toEqual(['emailStatus']);
  });
});
