import { randomUUID } from 'node:crypto';
import { Staff, createStaffPair, draftId, expectProblem, intakeCallOverrides, sql } from '../support/applications';
import { Applicant, createApplicant, createCall } from '../support/fixtures';
import { TestApi } from '../support/test-app';

describe('eligibility override by the secretariat', () => {
  let api: TestApi;
  let staff: Staff;
  let callId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    staff = await createStaffPair(api);
    callId = (await createCall(api, staff.secretariat.token, intakeCallOverrides())).id;
  });
  afterAll(() => api.close());

  const decide = (id: string, body: Record<string, unknown>, token = staff.secretariat.token) =>
    api.post(`/api/v1/applications/${id}/eligibility`, { token, body });

  async function submitted(countryCode = 'KE'): Promise<{ applicant: Applicant; id: string }> {
    const applicant = await createApplicant(api, countryCode);
    const id = await draftId(api, applicant.token, callId);
    const res = await api.post(`/api/v1/applications/${id}/submit`, { token: applicant.token });
    if (res.status !== 200) throw new Error(`submit failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { applicant, id };
  }

  it('replaces the computed eligibility with the decision and its reason, for everyone who reads it', async () => {
    const { applicant, id } = await submitted();
    const reason = 'The statutes provided are not certified.';

    const res = await decide(id, { eligible: false, reason });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id, status: 'submitted' });
    expect(res.body.eligibility).toEqual({
      eligible: false,
      overridden: true,
      reasons: [{ code: 'SECRETARIAT_DECISION', message: reason }],
    });

    const seen = await api.get(`/api/v1/applications/${id}`, { token: applicant.token });
    expect(seen.body.eligibility).toEqual(res.body.eligibility);
    const listed = await api.get(`/api/v1/calls/${callId}/applications`, { token: staff.secretariat.token });
    const item = listed.body.items.find((a: { id: string }) => a.id === id);
    expect(item.eligibility).toEqual(res.body.eligibility);
  });

  it('audits the decision with the computed eligibility it replaced', async () => {
    const { id } = await submitted();
    await decide(id, { eligible: false, reason: 'Duplicate of another centre.' });

    const res = await api.get('/api/v1/audit-events', {
      token: staff.secretariat.token,
      query: { entityType: 'application', entityId: id },
    });
    expect(res.status).toBe(200);
    const events = res.body.items as Array<{ action: string; actorId: string; before: unknown; after: unknown }>;
    expect(events.map((e) => e.action)).toEqual([
      'application.created',
      'application.submitted',
      'application.eligibility_overridden',
    ]);
    expect(events[2]).toMatchObject({
      actorId: staff.secretariat.id,
      before: { eligibility: { eligible: true, reasons: [] }, override: null },
      after: { override: { eligible: false, reason: 'Duplicate of another centre.', decidedBy: staff.secretariat.id } },
    });
  });

  it('can admit an application the rules held ineligible, and keeps the computed result underneath', async () => {
    const { id } = await submitted('PS');
    const res = await decide(id, { eligible: true, reason: '  Admitted by decision of the steering committee. ' });

    expect(res.body.eligibility).toEqual({
      eligible: true,
      overridden: true,
      reasons: [{ code: 'SECRETARIAT_DECISION', message: 'Admitted by decision of the steering committee.' }],
    });
    const [row] = await sql(api, 'SELECT eligibility, eligibility_override FROM applications WHERE id = $1', [id]);
    expect(row?.eligibility).toMatchObject({ eligible: false, reasons: [{ code: 'COUNTRY_NOT_ELIGIBLE' }] });
    expect(row?.eligibility_override).toMatchObject({ eligible: true });
  });

  it('lets a later decision replace an earlier one', async () => {
    const { id } = await submitted();
    await decide(id, { eligible: false, reason: 'Missing certification.' });
    const res = await decide(id, { eligible: true, reason: 'Certification received.' });
    expect(res.body.eligibility).toEqual({
      eligible: true,
      overridden: true,
      reasons: [{ code: 'SECRETARIAT_DECISION', message: 'Certification received.' }],
    });
  });

  it('refuses a decision on a draft or a withdrawn application (409)', async () => {
    const applicant = await createApplicant(api);
    const id = await draftId(api, applicant.token, callId);
    expectProblem(await decide(id, { eligible: false, reason: 'Too early.' }), 409, 'INVALID_TRANSITION');

    await api.post(`/api/v1/applications/${id}/withdraw`, { token: applicant.token });
    expectProblem(await decide(id, { eligible: true, reason: 'Too late.' }), 409, 'INVALID_TRANSITION');
    const [row] = await sql(api, 'SELECT eligibility_override FROM applications WHERE id = $1', [id]);
    expect(row).toEqual({ eligibility_override: null });
  });

  it.each([
    [{ eligible: false }, 'reason'],
    [{ eligible: false, reason: '   ' }, 'reason'],
    [{ reason: 'No decision given.' }, 'eligible'],
    [{ eligible: 'no', reason: 'A string is not a decision.' }, 'eligible'],
  ])('refuses the body %j (400)', async (body, field) => {
    const { id } = await submitted();
    expect(expectProblem(await decide(id, body), 400, 'VALIDATION_FAILED').map((e) => e.field)).toContain(field);
    const [row] = await sql(api, 'SELECT eligibility_override FROM applications WHERE id = $1', [id]);
    expect(row).toEqual({ eligibility_override: null });
  });

  it('is for the secretariat only (403), and 404 for an unknown application', async () => {
    const { applicant, id } = await submitted();
    const body = { eligible: true, reason: 'We are eligible, trust us.' };
    expectProblem(await decide(id, body, applicant.token), 403, 'FORBIDDEN');
    expectProblem(await decide(id, body, staff.evaluator.token), 403, 'FORBIDDEN');
    expectProblem(await decide(randomUUID(), body), 404, 'NOT_FOUND');
    const [row] = await sql(api, 'SELECT eligibility_override FROM applications WHERE id = $1', [id]);
    expect(row).toEqual({ eligibility_override: null });
  });
});
