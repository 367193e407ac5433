import { randomUUID } from 'node:crypto';
import { Staff, createStaffPair, draftId, expectProblem, intakeCallOverrides, sql } from '../support/applications';
import { Applicant, createApplicant, createCall } from '../support/fixtures';
import { inboxOf } from '../support/notifications';
import { TestApi } from '../support/test-app';

// Hooks create users (argon2) and the app; the project-level testTimeout does not reach hooks.
jest.setTimeout(90_000);

/** Bulk actions on a call's applications: one eligibility decision for many, reminders to drafts. */
describe('bulk actions on a call’s applications', () => {
  let api: TestApi;
  let staff: Staff;
  let callId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    staff = await createStaffPair(api);
    callId = (await createCall(api, staff.secretariat.token, intakeCallOverrides())).id;
  });
  afterAll(() => api.close());

  const post = (path: string, body: Record<string, unknown>, token = staff.secretariat.token) =>
    api.post(`/api/v1/calls/${callId}/applications/${path}`, { token, body });

  async function application(submit: boolean, locale: 'en' | 'fr' = 'en', name?: string) {
    const applicant = await createApplicant(api, 'KE', name ? { name } : {}, locale);
    const id = await draftId(api, applicant.token, callId);
    if (submit) {
      const res = await api.post(`/api/v1/applications/${id}/submit`, { token: applicant.token });
      if (res.status !== 200) throw new Error(`submit failed: ${res.status} ${JSON.stringify(res.body)}`);
    }
    return { applicant, id };
  }

  const overrides = async (ids: string[]) =>
    (
      await sql<{ id: string; eligibility_override: unknown }>(
        api,
        'SELECT id, eligibility_override FROM applications WHERE id = ANY ($1::uuid[]) ORDER BY id',
        [ids],
      )
    ).map((row) => row.eligibility_override);

  describe('POST /calls/:id/applications/eligibility', () => {
    it('gives every application named the decision and its reason, audited for each one', async () => {
      const [a, b] = await Promise.all([application(true), application(true)]);
      const reason = 'Statutes not certified by a notary.';
      const res = await post('eligibility', { applicationIds: [a.id, b.id, a.id], eligible: false, reason });
      expect(res.status).toBe(200);
      expect(res.body.decided).toBe(2);
      expect([...res.body.applicationIds].sort()).toEqual([a.id, b.id].sort());

      for (const { applicant, id } of [a, b]) {
        const seen = await api.get(`/api/v1/applications/${id}`, { token: applicant.token });
        expect(seen.body.eligibility).toEqual({
          eligible: false,
          overridden: true,
          reasons: [{ code: 'SECRETARIAT_DECISION', message: reason }],
        });
        expect(seen.body.version).toBe(3);
        const audit = await api.get('/api/v1/audit-events', {
          token: staff.secretariat.token,
          query: { entityType: 'application', entityId: id },
        });
        expect(audit.body.items.at(-1)).toMatchObject({
          action: 'application.eligibility_overridden',
          actorId: staff.secretariat.id,
          before: { eligibility: { eligible: true, reasons: [] }, override: null },
          after: { override: { eligible: false, reason, decidedBy: staff.secretariat.id } },
        });
      }
    });

    it('changes nothing when one application is not submitted, and names it (409)', async () => {
      const [submitted, draft] = await Promise.all([application(true), application(false)]);
      const res = await post('eligibility', {
        applicationIds: [submitted.id, draft.id],
        eligible: true,
        reason: 'Admitted by the steering committee.',
      });
      const errors = expectProblem(res, 409, 'INVALID_TRANSITION');
      expect(errors).toEqual([
        expect.objectContaining({
          field: 'applicationIds',
          code: 'NOT_SUBMITTED',
          params: { applicationId: draft.id, status: 'draft' },
        }),
      ]);
      expect(await overrides([submitted.id, draft.id])).toEqual([null, null]);
    });

    it('changes nothing when an id is unknown or of another call, and names each (404)', async () => {
      const { id } = await application(true);
      const otherCall = (await createCall(api, staff.secretariat.token, intakeCallOverrides())).id;
      const stranger = await createApplicant(api);
      const elsewhere = await draftId(api, stranger.token, otherCall);
      const unknown = randomUUID();
      const res = await post('eligibility', {
        applicationIds: [id, elsewhere, unknown],
        eligible: false,
        reason: 'Duplicates.',
      });
      const errors = expectProblem(res, 404, 'NOT_FOUND') as Array<{ params?: { applicationId: string } }>;
      expect(errors.map((e) => e.params?.applicationId)).toEqual([elsewhere, unknown]);
      expect(await overrides([id])).toEqual([null]);
    });

    it.each([
      [{ applicationIds: [], eligible: true, reason: 'Nothing named.' }, 'applicationIds'],
      [{ applicationIds: ['not-a-uuid'], eligible: true, reason: 'Not an id.' }, 'applicationIds'],
      [
        { applicationIds: Array.from({ length: 501 }, () => randomUUID()), eligible: true, reason: 'Too many.' },
        'applicationIds',
      ],
      [{ applicationIds: [randomUUID()], eligible: true, reason: '  ' }, 'reason'],
      [{ applicationIds: [randomUUID()], reason: 'No decision.' }, 'eligible'],
    ])('refuses the body %# (400)', async (body, field) => {
      const fields = expectProblem(await post('eligibility', body), 400, 'VALIDATION_FAILED').map((e) => e.field);
      expect(fields.some((f) => f.startsWith(field))).toBe(true);
    });

    it('is for the secretariat only (403)', async () => {
      const { applicant, id } = await application(true);
      const body = { applicationIds: [id], eligible: true, reason: 'Trust us.' };
      expectProblem(await post('eligibility', body, applicant.token), 403, 'FORBIDDEN');
      expectProblem(await post('eligibility', body, staff.evaluator.token), 403, 'FORBIDDEN');
      expect(await overrides([id])).toEqual([null]);
    });
  });

  describe('reminders to the applicants of drafts', () => {
    it('previews the reminder in each language its recipients read, then sends it once a day', async () => {
      const english = await application(false, 'en', 'Nairobi Reminder Hub');
      const french = await application(false, 'fr', 'Centre de Dakar');
      const submitted = await application(true, 'fr');
      const ids = [english.id, french.id, submitted.id];

      const preview = await post('reminders/previews', { applicationIds: ids });
      expect(preview.status).toBe(200);
      expect(preview.body.recipients).toBe(2);
      expect(
        preview.body.previews.map((p: { locale: string; recipients: number }) => [p.locale, p.recipients]),
      ).toEqual([
        ['en', 1],
        ['fr', 1],
      ]);
      expect(preview.body.previews[1].subject).toMatch(/^Rappel/);
      expect(preview.body.previews[1].body).toContain('Centre de Dakar');
      expect(await inboxOf(api, english.applicant.token, 'application.reminder')).toEqual([]);

      const sent = await post('reminders', { applicationIds: ids });
      expect(sent.status).toBe(200);
      expect(sent.body).toEqual({
        reminded: 2,
        items: [
          { applicationId: english.id, outcome: 'reminded' },
          { applicationId: french.id, outcome: 'reminded' },
          { applicationId: submitted.id, outcome: 'not_draft' },
        ],
      });
      const [inEnglish] = await inboxOf(api, english.applicant.token, 'application.reminder');
      expect(inEnglish).toMatchObject({ locale: 'en', subject: preview.body.previews[0].subject });
      expect(inEnglish.body).toBe(preview.body.previews[0].body);
      const [inFrench] = await inboxOf(api, french.applicant.token, 'application.reminder');
      expect(inFrench).toMatchObject({ locale: 'fr', subject: preview.body.previews[1].subject });
      expect(await inboxOf(api, submitted.applicant.token, 'application.reminder')).toEqual([]);

      const again = await post('reminders', { applicationIds: [french.id, english.id] });
      expect(again.body).toEqual({
        reminded: 0,
        items: [
          { applicationId: french.id, outcome: 'already_reminded_today' },
          { applicationId: english.id, outcome: 'already_reminded_today' },
        ],
      });
      expect(await inboxOf(api, french.applicant.token, 'application.reminder')).toHaveLength(1);
      const nobody = await post('reminders/previews', { applicationIds: [french.id, english.id] });
      expect(nobody.body).toEqual({ recipients: 0, previews: [] });

      const audit = await api.get('/api/v1/audit-events', {
        token: staff.secretariat.token,
        query: { entityType: 'application', entityId: french.id },
      });
      const reminded = audit.body.items.filter((e: { action: string }) => e.action === 'application.reminded');
      expect(reminded).toEqual([expect.objectContaining({ actorId: staff.secretariat.id })]);
    });

    it('sends each reminder once when two requests cross', async () => {
      const { applicant, id } = await application(false);
      const results = await Promise.all([1, 2, 3].map(() => post('reminders', { applicationIds: [id] })));
      expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
      expect(results.map((r) => r.body.reminded as number).sort()).toEqual([0, 0, 1]);
      expect(await inboxOf(api, applicant.token, 'application.reminder')).toHaveLength(1);
    });

    it('refuses the whole request for an id not of the call (404), and once the call is closed (409)', async () => {
      const { applicant, id } = await application(false);
      const unknown = randomUUID();
      const errors = expectProblem(await post('reminders', { applicationIds: [id, unknown] }), 404, 'NOT_FOUND');
      expect(errors).toEqual([expect.objectContaining({ params: { applicationId: unknown } })]);
      expect(await inboxOf(api, applicant.token, 'application.reminder')).toEqual([]);
      expectProblem(await post('reminders', { applicationIds: [id] }, applicant.token), 403, 'FORBIDDEN');

      const closing = (await createCall(api, staff.secretariat.token, intakeCallOverrides())).id;
      const late = await createApplicant(api);
      const lateId = await draftId(api, late.token, closing);
      expect((await api.post(`/api/v1/calls/${closing}/close`, { token: staff.secretariat.token })).status).toBe(200);
      const closed = await api.post(`/api/v1/calls/${closing}/applications/reminders`, {
        token: staff.secretariat.token,
        body: { applicationIds: [lateId] },
      });
      expectProblem(closed, 409, 'CALL_NOT_OPEN');
    });
  });

  describe('POST /notifications/previews', () => {
    let english: Applicant, french: Applicant, french2: Applicant;
    beforeAll(async () => {
      [english, french, french2] = await Promise.all([
        createApplicant(api, 'KE', {}, 'en'),
        createApplicant(api, 'SN', {}, 'fr'),
        createApplicant(api, 'SN', {}, 'fr'),
      ]);
    });
    const preview = (body: Record<string, unknown>, token = staff.secretariat.token) =>
      api.post('/api/v1/notifications/previews', { token, body });
    const params = { callReference: 'BDT/2026/1', callTitle: 'Accelerators', count: 1200 };

    it('renders the template once per language, counting its recipients, and sends nothing', async () => {
      const res = await preview({
        template: 'assignment.created',
        params,
        recipientIds: [french.id, english.id, french2.id, french.id],
      });
      expect(res.status).toBe(200);
      expect(res.body.recipients).toBe(3);
      expect(res.body.previews).toEqual([
        expect.objectContaining({ template: 'assignment.created', locale: 'en', recipients: 1 }),
        expect.objectContaining({ template: 'assignment.created', locale: 'fr', recipients: 2 }),
      ]);
      expect(res.body.previews[1].body).toContain('1\u202f200');
      expect(await inboxOf(api, french.token, 'assignment.created')).toEqual([]);
    });

    it.each([
      [{ template: 'assignment.created', params: { ...params, count: 'many' } }, 'params.count'],
      [{ template: 'assignment.created', params: { callReference: 'R' } }, 'params.callTitle'],
      [{ template: 'account.password_reset', params: {} }, 'template'],
      [{ template: 'no.such', params }, 'template'],
    ])('refuses %j (400)', async (body, field) => {
      const res = await preview({ ...body, recipientIds: [english.id] });
      expect(expectProblem(res, 400, 'VALIDATION_FAILED').map((e) => e.field)).toContain(field);
    });

    it('refuses an unknown recipient (400) and is for staff only (403)', async () => {
      const body = { template: 'assignment.created', params, recipientIds: [english.id, randomUUID()] };
      expect(expectProblem(await preview(body), 400, 'VALIDATION_FAILED').map((e) => e.field)).toEqual([
        'recipientIds',
      ]);
      expectProblem(await preview({ ...body, recipientIds: [english.id] }, english.token), 403, 'FORBIDDEN');
    });
  });
});
