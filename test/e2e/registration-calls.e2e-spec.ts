import { Staff, createStaffPair, download, draftId, expectProblem, sql } from '../support/applications';
import { csvRecords } from '../support/spreadsheets';
import { Applicant, callBody, createApplicant, createCall, registrationCall } from '../support/fixtures';
import { inboxOf } from '../support/notifications';
import { TestApi } from '../support/test-app';

const declarationOfInterest = registrationCall;

describe('registration calls: addressees, replies confirmed or declined', () => {
  let api: TestApi;
  let staff: Staff;
  let callId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    staff = await createStaffPair(api);
    callId = (await createCall(api, staff.secretariat.token, declarationOfInterest())).id;
  });
  afterAll(() => api.close());

  async function reply(
    applicant: Applicant,
    call = callId,
  ): Promise<{ id: string; status: number; body: Record<string, unknown> }> {
    const id = await draftId(api, applicant.token, call, { session: 'Digital transformation' });
    const res = await api.post(`/api/v1/applications/${id}/submit`, { token: applicant.token });
    return { id, status: res.status, body: res.body };
  }
  const government = (countryCode = 'KE', locale: 'en' | 'fr' = 'en') =>
    createApplicant(api, countryCode, { type: 'government' }, locale);
  const decide = (id: string, body: Record<string, unknown>, token = staff.secretariat.token) =>
    api.post(`/api/v1/applications/${id}/decision`, { token, body });

  it('is created without evaluation settings and reads as a registration call; other calls read as selection calls', async () => {
    const call = await api.get(`/api/v1/calls/${callId}`, { token: staff.secretariat.token });
    expect(call.status).toBe(200);
    expect(call.body).toMatchObject({
      kind: 'registration',
      criteria: [],
      eligibility: { addresseeCategories: ['member_state_administration', 'sector_member'] },
    });
    const selection = await createCall(api, staff.secretariat.token, {}, false);
    expect(selection.body.kind).toBe('selection');
  });

  it('refuses criteria or review stages on a registration call, and a selection call without criteria (400)', async () => {
    const withCriteria = await api.post('/api/v1/calls', {
      token: staff.secretariat.token,
      body: callBody({
        ...declarationOfInterest(),
        reference: 'REG/CRITERIA',
        criteria: [{ code: 'X', title: 'X', weight: 1 }],
      }),
    });
    const errors = expectProblem(withCriteria, 400, 'VALIDATION_FAILED') as Array<{ field: string; code?: string }>;
    expect(errors).toContainEqual(expect.objectContaining({ field: 'criteria', code: 'NOT_EVALUATED' }));
    const selection = await api.post('/api/v1/calls', {
      token: staff.secretariat.token,
      body: callBody({ ...declarationOfInterest(), reference: 'SEL/NO-CRITERIA', kind: 'selection' }),
    });
    const fields = expectProblem(selection, 400, 'VALIDATION_FAILED').map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['cohortSize', 'evaluatorsPerApplication', 'scoring', 'criteria']));
    const [{ count }] = await sql<{ count: number }>(
      api,
      `SELECT count(*)::int AS count FROM calls WHERE reference IN ('REG/CRITERIA', 'SEL/NO-CRITERIA')`,
    );
    expect(count).toBe(0);
  });

  it('presumes the membership category from the type, and lets the secretariat correct it with a reason', async () => {
    const applicant = await createApplicant(api, 'KE', { type: 'academia' });
    const own = await api.get(`/api/v1/organisations/${applicant.organisationId}`, { token: applicant.token });
    expect(own.body.membershipCategory).toBe('academia');
    const declared = await createApplicant(api, 'KE', { type: 'private_sector', membershipCategory: 'sector_member' });
    const read = await api.get(`/api/v1/organisations/${declared.organisationId}`, { token: declared.token });
    expect(read.body.membershipCategory).toBe('sector_member');

    const path = `/api/v1/organisations/${applicant.organisationId}/membership-category`;
    const body = { membershipCategory: 'associate', reason: 'ITU-D Associate since 2024.' };
    expectProblem(await api.put(path, { token: applicant.token, body }), 403, 'FORBIDDEN');
    expectProblem(
      await api.put(path, { token: staff.secretariat.token, body: { membershipCategory: 'king' } }),
      400,
      'VALIDATION_FAILED',
    );
    const changed = await api.put(path, { token: staff.secretariat.token, body });
    expect(changed.status).toBe(200);
    expect(changed.body.membershipCategory).toBe('associate');
    const events = await api.get('/api/v1/audit-events', {
      token: staff.secretariat.token,
      query: { entityType: 'organisation', entityId: applicant.organisationId },
    });
    expect(events.body.items).toContainEqual(
      expect.objectContaining({
        action: 'organisation.membership_category_changed',
        before: { membershipCategory: 'academia' },
        after: { membershipCategory: 'associate', reason: 'ITU-D Associate since 2024.' },
      }),
    );
  });

  it('holds a reply from outside the addressees ineligible, with the reason', async () => {
    const academia = await createApplicant(api, 'KE', { type: 'academia' });
    const { status, body } = await reply(academia);
    expect(status).toBe(200);
    expect(body.eligibility).toMatchObject({ eligible: false, reasons: [{ code: 'NOT_AN_ADDRESSEE' }] });
    const administration = await government();
    expect((await reply(administration)).body.eligibility).toEqual({ eligible: true, overridden: false, reasons: [] });
  });

  it('acknowledges a reply as a reply, in the replier’s language', async () => {
    const applicant = await government('SN', 'fr');
    await reply(applicant);
    const [received] = await inboxOf(api, applicant.token, 'reply.received');
    expect(received.subject).toMatch(/^Réponse reçue – /);
    expect(received.body).toContain('Consultation sessions: declaration of interest');
    expect(await inboxOf(api, applicant.token, 'application.received')).toEqual([]);
  });

  it('confirms or declines a reply with a reason the replier reads, and keeps both decisions', async () => {
    const applicant = await government('GH');
    const { id } = await reply(applicant);

    const declined = await decide(id, { decision: 'declined', reason: 'The participant named is not an official.' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({
      status: 'declined',
      replyDecision: { decision: 'declined', reason: 'The participant named is not an official.' },
    });
    const [notice] = await inboxOf(api, applicant.token, 'reply.declined');
    expect(notice.body).toContain('The participant named is not an official.');

    const confirmed = await decide(id, { decision: 'confirmed', reason: '  Participant replaced; welcome.  ' });
    expect(confirmed.body).toMatchObject({
      status: 'confirmed',
      replyDecision: { reason: 'Participant replaced; welcome.' },
    });
    const seen = await api.get(`/api/v1/applications/${id}`, { token: applicant.token });
    expect(seen.body).toMatchObject({ status: 'confirmed', replyDecision: { decision: 'confirmed' } });
    expect(await inboxOf(api, applicant.token, 'reply.confirmed')).toHaveLength(1);

    const again = await decide(id, { decision: 'confirmed', reason: 'Participant replaced; welcome.' });
    expect(again.body.version).toBe(confirmed.body.version);
    expect(await inboxOf(api, applicant.token, 'reply.confirmed')).toHaveLength(1);
    const [row] = await sql(api, 'SELECT status, reply_decision FROM applications WHERE id = $1', [id]);
    expect(row).toMatchObject({ status: 'confirmed', reply_decision: { decidedBy: staff.secretariat.id } });
    const audit = await api.get('/api/v1/audit-events', {
      token: staff.secretariat.token,
      query: { entityType: 'application', entityId: id },
    });
    const actions = (audit.body.items as Array<{ action: string }>).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['application.reply_declined', 'application.reply_confirmed']));
  });

  it('refuses a decision on a draft, by an applicant, without a reason, or on a selection call, changing nothing', async () => {
    const drafting = await government('TZ');
    const draft = await draftId(api, drafting.token, callId, {});
    expectProblem(await decide(draft, { decision: 'confirmed', reason: 'Too early.' }), 409, 'INVALID_TRANSITION');
    const applicant = await government('TZ');
    const { id } = await reply(applicant);
    expectProblem(await decide(id, { decision: 'confirmed', reason: 'Mine.' }, applicant.token), 403, 'FORBIDDEN');
    expectProblem(await decide(id, { decision: 'declined' }), 400, 'VALIDATION_FAILED');
    expectProblem(await decide(id, { decision: 'maybe', reason: 'Undecided.' }), 400, 'VALIDATION_FAILED');

    const selection = await createCall(api, staff.secretariat.token, {
      questions: [{ key: 'session', label: 'Programme', type: 'text', required: true }],
    });
    const candidate = await government('UG');
    const application = await reply(candidate, selection.id);
    const wrong = await decide(application.id, { decision: 'confirmed', reason: 'Not a registration.' });
    expectProblem(wrong, 409, 'WRONG_CALL_KIND');
    expect(wrong.body.detail).toContain('selection call');
    const rows = await sql(api, 'SELECT status, reply_decision FROM applications WHERE id = ANY($1::uuid[])', [
      [id, application.id],
    ]);
    expect(rows).toEqual([
      { status: 'submitted', reply_decision: null },
      { status: 'submitted', reply_decision: null },
    ]);
  });

  it('counts confirmed and declined replies in its statistics, and exports each decision with its reason', async () => {
    const [confirmedReply, declinedReply] = [
      (await reply(await government('CI'))).id,
      (await reply(await government('BJ'))).id,
    ];
    await decide(confirmedReply, { decision: 'confirmed', reason: 'Registered for the first session.' });
    await decide(declinedReply, { decision: 'declined', reason: 'Received from a private address.' });

    const statistics = await api.get(`/api/v1/calls/${callId}/statistics`, { token: staff.secretariat.token });
    expect(statistics.status).toBe(200);
    const [counts] = await sql<{ confirmed: number; declined: number; submitted: number }>(
      api,
      `SELECT count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
              count(*) FILTER (WHERE status = 'declined')::int AS declined,
              count(*) FILTER (WHERE status IN ('submitted', 'confirmed', 'declined'))::int AS submitted
       FROM applications WHERE call_id = $1`,
      [callId],
    );
    expect(statistics.body.applications).toMatchObject(counts);
    expect(counts.confirmed).toBeGreaterThanOrEqual(1);

    const exported = await download(
      api,
      `/api/v1/calls/${callId}/applications/export?format=csv`,
      staff.secretariat.token,
    );
    const rows = csvRecords(exported.body as Buffer);
    expect(rows.find((r) => r.application_id === declinedReply)).toMatchObject({
      status: 'declined',
      decision_reason: 'Received from a private address.',
      'answer.session': 'Digital transformation',
    });
    expect(rows.find((r) => r.application_id === confirmedReply)?.decision_reason).toBe(
      'Registered for the first session.',
    );
  });

  it('has no panel and no cohort (409 WRONG_CALL_KIND)', async () => {
    const panel = await api.post(`/api/v1/calls/${callId}/panel`, {
      token: staff.secretariat.token,
      body: { evaluatorIds: [staff.evaluator.id] },
    });
    expectProblem(panel, 409, 'WRONG_CALL_KIND');
    const cohort = await api.post(`/api/v1/calls/${callId}/cohorts`, { token: staff.secretariat.token, body: {} });
    expectProblem(cohort, 409, 'WRONG_CALL_KIND');
    const [{ count }] = await sql<{ count: number }>(
      api,
      'SELECT count(*)::int AS count FROM panel_members WHERE call_id = $1',
      [callId],
    );
    expect(count).toBe(0);
  });
});
