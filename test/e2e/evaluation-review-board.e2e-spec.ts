import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { eventually } from '../support/async';
import { Actor, Applicant } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { expectProblem, sql } from '../support/applications';
import {
  assignmentId,
  assignmentRow,
  auditEvents,
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  evaluate,
  saveDraft,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';
import { emailJobRow, inboxOf } from '../support/notifications';
import { scoringStatus } from '../support/scoring';
import { startWorker } from '../support/worker';

/**
 * What the secretariat reads and does while the panel works: an application's evaluations, scores
 * and history, reopening an evaluation with a reason, the panel's progress, reminders and reassignment.
 */
describe('evaluation: the secretariat follows the panel', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let secretariat: Actor;
  let german: Actor, indian: Actor, kenyan: Actor;
  let applicants: Applicant[];

  beforeAll(async () => {
    api = await TestApi.start();
    worker = await startWorker();
    secretariat = await secretariatOf(api);
    [[german, indian, kenyan], applicants] = await Promise.all([
      createEvaluators(api, [{ countryCode: 'DE' }, { countryCode: 'IN' }, { countryCode: 'KE' }]),
      createApplicantsFrom(api, [
        { countryCode: 'KE', organisationName: 'Nairobi Hub' },
        { countryCode: 'BR', organisationName: 'São Paulo Lab' },
      ]),
    ]);
    // The German evaluator reads French: what the platform writes to it is in French.
    await sql(api, `UPDATE users SET locale = 'fr' WHERE id = $1`, [german.id]);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  const as = (actor: Actor) => ({ token: actor.token });

  /** A call excluding same-country evaluators, its two applications assigned to the German and the Indian. */
  async function assignedCall() {
    const { callId, applicationIds } = await callWithSubmissions(api, applicants, {
      assignment: { excludeSameCountry: true },
    });
    await seatPanel(api, callId, [german, indian, kenyan]);
    const ids = {
      germanKenya: await assignmentId(api, callId, applicationIds[0], german.id),
      germanBrazil: await assignmentId(api, callId, applicationIds[1], german.id),
      indianKenya: await assignmentId(api, callId, applicationIds[0], indian.id),
    };
    return { callId, kenya: applicationIds[0], brazil: applicationIds[1], ...ids };
  }

  it('reopens a submitted evaluation with a reason: audited, the evaluator told in its language, rescored', async () => {
    const { callId, kenya, germanKenya } = await assignedCall();
    await evaluate(api, german.token, germanKenya);
    await eventually(
      () => scoringStatus(api, secretariat.token, callId),
      (s) => s.upToDate,
    );
    const url = `/api/v1/assignments/${germanKenya}/evaluation/reopen`;
    expectProblem(await api.post(url, { ...as(secretariat), body: { reason: 'x' } }), 400, 'VALIDATION_FAILED');

    const res = await api.post(url, { ...as(secretariat), body: { reason: '  Scores contradict the comments.  ' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'draft', submittedAt: null });
    expect((await auditEvents(api, 'assignment', germanKenya)).at(-1)).toMatchObject({
      action: 'evaluation.reopened',
      actorId: secretariat.id,
      before: { status: 'submitted' },
      after: { status: 'draft', reason: 'Scores contradict the comments.' },
    });
    const [notice] = await inboxOf(api, german.token, 'evaluation.reopened_with_reason');
    expect(notice).toMatchObject({ locale: 'fr', subject: expect.stringContaining('Votre évaluation a été rouverte') });
    expect(notice.body).toContain('Nairobi Hub');
    expect(notice.body).toContain('Scores contradict the comments.');
    // The reopened evaluation no longer counts: the application has none left.
    const status = await eventually(
      () => scoringStatus(api, secretariat.token, callId),
      (s) => s.upToDate,
    );
    expect(status.upToDate).toBe(true);
    const result = await api.get(`/api/v1/calls/${callId}/results/${kenya}`, as(secretariat));
    expect(result.body).toEqual({ applicationId: kenya, result: null });
  });

  it('still reopens without a reason (the v1 contract), telling the evaluator without one', async () => {
    const { indianKenya } = await assignedCall();
    await evaluate(api, indian.token, indianKenya);
    const res = await api.post(`/api/v1/assignments/${indianKenya}/evaluation/reopen`, as(secretariat));
    expect(res.status).toBe(200);
    const [notice] = await inboxOf(api, indian.token, 'evaluation.reopened');
    expect(notice).toMatchObject({
      locale: 'en',
      subject: expect.stringContaining('Your evaluation has been reopened'),
    });
    expect((await auditEvents(api, 'assignment', indianKenya)).at(-1)?.after).toEqual({ status: 'draft' });
  });

  it("answers an application's scores once scored, and nothing before", async () => {
    const { callId, kenya, brazil, germanKenya, indianKenya } = await assignedCall();
    const url = (id: string) => `/api/v1/calls/${callId}/results/${id}`;
    expect((await api.get(url(kenya), as(secretariat))).body).toEqual({ applicationId: kenya, result: null });
    await evaluate(api, german.token, germanKenya, [
      { criterionCode: 'IMPACT', score: 10 },
      { criterionCode: 'CAPACITY', score: 10 },
    ]);
    await evaluate(api, indian.token, indianKenya, [
      { criterionCode: 'IMPACT', score: 5 },
      { criterionCode: 'CAPACITY', score: 0 },
    ]);
    await eventually(
      () => scoringStatus(api, secretariat.token, callId),
      (s) => s.upToDate,
    );
    const res = await api.get(url(kenya), as(secretariat));
    expect(res.status).toBe(200);
    // Totals 100 and 30 (weights 0.6 and 0.4 on a 0–10 scale): mean 65, spread 70 > 30.
    expect(res.body).toMatchObject({
      applicationId: kenya,
      result: { rank: 1, rawScore: 65, evaluationCount: 2, spread: 70, stdDev: 35, needsModeration: true },
    });
    expect(res.body.result.score).toBeCloseTo(65, 9);
    expect((await api.get(url(brazil), as(secretariat))).body.result).toBeNull();
    expectProblem(await api.get(url(kenya), as(german)), 403, 'FORBIDDEN');
    expectProblem(await api.get(`/api/v1/calls/${randomUUID()}/results/${kenya}`, as(secretariat)), 404, 'NOT_FOUND');
  });

  it("lists an application's history with its assignments', oldest first, paged, with who acted", async () => {
    const { kenya, germanKenya, indianKenya } = await assignedCall();
    await evaluate(api, german.token, germanKenya);
    await api.post(`/api/v1/assignments/${germanKenya}/evaluation/reopen`, {
      ...as(secretariat),
      body: { reason: 'Please justify the capacity score.' },
    });
    await api.post(`/api/v1/assignments/${indianKenya}/release`, { ...as(secretariat), body: { reason: 'Away.' } });
    const url = `/api/v1/applications/${kenya}/history`;
    const all = await api.get(url, { ...as(secretariat), query: { limit: 500 } });
    expect(all.status).toBe(200);
    const actions = (all.body.items as Array<{ action: string }>).map((e) => e.action);
    expect(actions[0]).toBe('application.created');
    expect(actions).toEqual(
      expect.arrayContaining([
        'application.submitted',
        'assignment.created',
        'evaluation.submitted',
        'evaluation.reopened',
        'assignment.released',
      ]),
    );
    expect(actions.indexOf('evaluation.submitted')).toBeLessThan(actions.indexOf('evaluation.reopened'));
    const reopened = all.body.items.find((e: { action: string }) => e.action === 'evaluation.reopened');
    expect(reopened).toMatchObject({
      entityType: 'assignment',
      entityId: germanKenya,
      actor: { id: secretariat.id, displayName: 'Test secretariat' },
      after: { reason: 'Please justify the capacity score.' },
    });
    const page = await api.get(url, { ...as(secretariat), query: { limit: 2, offset: 1 } });
    expect(page.body.total).toBe(all.body.total);
    expect(page.body.items.map((e: { id: string }) => e.id)).toEqual(
      all.body.items.slice(1, 3).map((e: { id: string }) => e.id),
    );
    expectProblem(await api.get(url, as(german)), 403, 'FORBIDDEN');
    expectProblem(await api.get(`/api/v1/applications/${randomUUID()}/history`, as(secretariat)), 404, 'NOT_FOUND');
  });

  it('counts each panel member’s assignments by status, most work left first, paged', async () => {
    const { callId, germanKenya, indianKenya } = await assignedCall();
    await saveDraft(api, german.token, germanKenya, { scores: [{ criterionCode: 'IMPACT', score: 3 }] });
    await evaluate(api, indian.token, indianKenya);
    const url = `/api/v1/calls/${callId}/panel/progress`;
    const res = await api.get(url, as(secretariat));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(3);
    const counts = (e: { evaluator: { id: string } }) => ({ ...e, evaluator: e.evaluator.id });
    const none = { assigned: 0, draft: 0, submitted: 0, declined: 0, released: 0, lastRemindedAt: null };
    // Members with as much left are in the order they joined, here all at once: then by id.
    expect(res.body.items.map(counts)).toEqual([
      { ...none, evaluator: german.id, assigned: 1, draft: 1, done: 0, total: 2 },
      ...[
        { ...none, evaluator: indian.id, submitted: 1, done: 1, total: 1 },
        { ...none, evaluator: kenyan.id, done: 0, total: 0 },
      ].sort((a, b) => (a.evaluator < b.evaluator ? -1 : 1)),
    ]);
    const second = await api.get(url, { ...as(secretariat), query: { limit: 1, offset: 1 } });
    expect(second.body).toEqual({ total: 3, items: [res.body.items[1]] });
    expect((await api.get(url, { ...as(secretariat), query: { offset: 10 } })).body).toEqual({ items: [], total: 3 });
    expectProblem(await api.get(url, as(german)), 403, 'FORBIDDEN');
    expectProblem(await api.get(`/api/v1/calls/${randomUUID()}/panel/progress`, as(secretariat)), 404, 'NOT_FOUND');
  });

  it('reminds evaluators with work left once a day, in their language, whatever the clicks', async () => {
    const { callId } = await assignedCall();
    const url = `/api/v1/calls/${callId}/panel/reminders`;
    const body = { evaluatorIds: [german.id, kenyan.id] };
    const preview = () => api.post(`${url}/previews`, { ...as(secretariat), body });
    const before = await preview();
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      recipients: 1,
      previews: [{ template: 'evaluation.reminder', locale: 'fr', recipients: 1 }],
    });
    expect(before.body.previews[0].body).toContain('Nombre d’évaluations restant à déposer\u00a0: 2.');
    const [first, second] = await Promise.all([
      api.post(url, { ...as(secretariat), body }),
      api.post(url, { ...as(secretariat), body }),
    ]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const reports = [first.body, second.body].sort((a, b) => b.reminded.length - a.reminded.length);
    expect(reports[0]).toEqual({
      reminded: [{ evaluatorId: german.id, open: 2 }],
      skipped: [{ evaluatorId: kenyan.id, reason: 'NOTHING_TO_EVALUATE' }],
    });
    expect(reports[1]).toEqual({
      reminded: [],
      skipped: [
        { evaluatorId: german.id, reason: 'ALREADY_REMINDED_TODAY' },
        { evaluatorId: kenyan.id, reason: 'NOTHING_TO_EVALUATE' },
      ],
    });
    expect((await preview()).body).toMatchObject({ recipients: 0, previews: [] });
    const reminders = await inboxOf(api, german.token, 'evaluation.reminder');
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ locale: 'fr', subject: expect.stringContaining('Rappel') });
    expect(reminders[0].body).toContain('Nombre d’évaluations restant à déposer\u00a0: 2.');
    const progress = await api.get(`/api/v1/calls/${callId}/panel/progress`, as(secretariat));
    expect(progress.body.items[0].lastRemindedAt).not.toBeNull();
    expect((await auditEvents(api, 'call', callId)).filter((e) => e.action === 'panel.evaluators_reminded')).toEqual([
      expect.objectContaining({ actorId: secretariat.id, after: { evaluatorIds: [german.id] } }),
    ]);
    expectProblem(await api.post(url, { ...as(secretariat), body: { evaluatorIds: [] } }), 400, 'VALIDATION_FAILED');
    expectProblem(await api.post(url, { ...as(german), body }), 403, 'FORBIDDEN');
  });

  it('reassigns work not yet submitted to another member, under the assignment rules, all or nothing', async () => {
    const { callId, kenya, brazil, germanKenya, germanBrazil, indianKenya } = await assignedCall();
    await saveDraft(api, german.token, germanBrazil, { scores: [{ criterionCode: 'IMPACT', score: 3 }] });
    const url = `/api/v1/calls/${callId}/assignments/reassign`;
    const reassign = (assignmentIds: string[], toEvaluatorId: string) =>
      api.post(url, { ...as(secretariat), body: { assignmentIds, toEvaluatorId, reason: 'On leave until June.' } });

    // The Kenyan evaluator may not take the Kenyan application (same country): nothing moves.
    expectProblem(await reassign([germanBrazil, germanKenya], kenyan.id), 409, 'CONFLICT_OF_INTEREST');
    expect((await assignmentRow(api, germanBrazil)).status).toBe('draft');
    // The Indian evaluator already holds the Kenyan application.
    expectProblem(await reassign([germanKenya], indian.id), 409, 'ALREADY_ASSIGNED');
    expectProblem(await reassign([germanKenya], randomUUID()), 409, 'NOT_ON_PANEL');
    expectProblem(await reassign([randomUUID()], kenyan.id), 404, 'NOT_FOUND');
    await evaluate(api, indian.token, indianKenya);
    expectProblem(await reassign([indianKenya], kenyan.id), 409, 'INVALID_TRANSITION');

    const res = await reassign([germanBrazil], kenyan.id);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      {
        applicationId: brazil,
        fromAssignmentId: germanBrazil,
        fromEvaluatorId: german.id,
        toAssignmentId: expect.any(String),
      },
    ]);
    const moved = res.body.items[0].toAssignmentId as string;
    expect(await assignmentRow(api, germanBrazil)).toMatchObject({
      status: 'released',
      endReason: 'On leave until June.',
    });
    expect(await assignmentRow(api, moved)).toMatchObject({
      applicationId: brazil,
      evaluatorId: kenyan.id,
      status: 'assigned',
    });
    expect((await auditEvents(api, 'assignment', germanBrazil)).at(-1)).toMatchObject({
      action: 'assignment.reassigned',
      actorId: secretariat.id,
      after: { reason: 'On leave until June.', toEvaluatorId: kenyan.id, toAssignmentId: moved },
    });
    expect(await auditEvents(api, 'assignment', moved)).toEqual([
      expect.objectContaining({
        action: 'assignment.created',
        after: expect.objectContaining({ reassignedFrom: germanBrazil }),
      }),
    ]);
    expect((await inboxOf(api, kenyan.token, 'assignment.created')).length).toBeGreaterThan(0);
    // The evaluator who loses the work is told, in its language, once (the refused attempts told no one),
    // with the reason and how many; its e-mail is queued in the same transaction.
    const notices = await inboxOf(api, german.token, 'assignment.reassigned');
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({
      locale: 'fr',
      subject: expect.stringContaining('Une candidature qui vous était attribuée a été réattribuée'),
    });
    expect(notices[0].body).toContain('1 candidature à l’appel');
    expect(notices[0].body).toContain('pour le motif suivant\u00a0:\n\nOn leave until June.\n');
    expect(await emailJobRow(api, notices[0].id)).toMatchObject({
      queue: 'notifications',
      jobName: 'notifications.send-email',
    });
    expect(await inboxOf(api, kenyan.token, 'assignment.reassigned')).toEqual([]);

    const listed = await api.get(
      `/api/v1/calls/${callId}/assignments?evaluatorId=${german.id}&status=assigned&status=draft`,
      as(secretariat),
    );
    expect(listed.body).toEqual({
      total: 1,
      items: [expect.objectContaining({ id: germanKenya, applicationId: kenya, organisationName: 'Nairobi Hub' })],
    });
    expectProblem(
      await api.post(url, { ...as(secretariat), body: { assignmentIds: [germanKenya], toEvaluatorId: indian.id } }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await api.post(url, { ...as(german), body: {} }), 403, 'FORBIDDEN');
  });
});
