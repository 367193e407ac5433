import Redis from 'ioredis';
import { sql } from '../support/applications';
import { eventually, withEnv } from '../support/async';
import { expectProblem } from '../support/calls-e2e';
import {
  assignmentId,
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  evaluate,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';
import { DueRemindersService } from '../../libs/evaluation/src/application/due-reminders.service';
import { Actor, Applicant, createCall } from '../support/fixtures';
import { RELAYS_NOTIFICATIONS, inboxOf, takeNotificationsTurn } from '../support/notifications';
import { RedisServer } from '../support/redis-server';
import { ReceivedEmail, SmtpTestServer } from '../support/smtp-server';
import { TestApi } from '../support/test-app';
import { WorkerProcess } from '../support/worker';

/**
 * Issue 14, due dates and reminders: two worker processes run the reminders' schedulers every 200 ms
 * on the same database; each reminder reaches its recipient exactly once, in-app and by e-mail in its
 * language, also after Redis is flushed. Time moves through the database: due dates and deadlines are
 * set relative to the database clock, and each step waits for the reminders the next offset brings,
 * which proves that the schedulers ran again after the previous step without sending it twice.
 */
describe('reminders of due dates and deadlines', () => {
  let releaseTurn: (() => Promise<void>) | undefined;
  let redis: RedisServer;
  let smtp: SmtpTestServer;
  let api: TestApi;
  const workers: WorkerProcess[] = [];
  let secretariat: Actor;
  let ana: Actor, bruno: Actor, chloe: Actor;
  let applicants: Applicant[];

  const workerEnv = () => ({
    REDIS_URL: redis.url,
    SMTP_URL: smtp.url,
    ...RELAYS_NOTIFICATIONS,
    OUTBOX_POLL_MS: '50',
    EVALUATION_REMINDERS_INTERVAL_MS: '200',
    DRAFT_REMINDERS_INTERVAL_MS: '200',
  });
  /** The messages to this address whose subject contains `subject`. */
  const mails = (actor: Actor, subject: string): ReceivedEmail[] =>
    smtp.to(actor.email).filter((m) => m.subject.includes(subject));
  const untilMails = (actor: Actor, subject: string, count: number) =>
    eventually(
      async () => mails(actor, subject),
      (found) => found.length >= count,
      60_000,
    );
  const setDueDate = (callId: string, fromNow: string) =>
    sql(api, `UPDATE call_stages SET evaluation_due_at = now() + $2::interval WHERE call_id = $1`, [callId, fromNow]);
  const setDeadline = (callId: string, fromNow: string) =>
    sql(api, `UPDATE calls SET closes_at = now() + $2::interval WHERE id = $1`, [callId, fromNow]);
  const dueRemindersOf = (callId: string) =>
    sql<{ evaluator_id: string; offset_days: number; open: number }>(
      api,
      `SELECT evaluator_id, offset_days, open FROM evaluation_due_reminders WHERE call_id = $1
        ORDER BY offset_days, evaluator_id`,
      [callId],
    );

  beforeAll(async () => {
    releaseTurn = await takeNotificationsTurn();
  }, 600_000);

  beforeAll(async () => {
    [redis, smtp] = await Promise.all([RedisServer.start(), SmtpTestServer.start()]);
    api = await withEnv({ REDIS_URL: redis.url }, () => TestApi.start());
    secretariat = await secretariatOf(api);
    [[ana, bruno, chloe], applicants] = await Promise.all([
      createEvaluators(api, [
        { countryCode: 'DE', displayName: 'Ana Evaluator' },
        { countryCode: 'JP', displayName: 'Bruno Évaluateur' },
        { countryCode: 'CA', displayName: 'Chloe Evaluator' },
      ]),
      createApplicantsFrom(api, [
        { countryCode: 'KE' },
        { countryCode: 'GH', locale: 'fr' },
        { countryCode: 'SN', locale: 'fr' },
        { countryCode: 'NG' },
      ]),
    ]);
    expect((await api.patch('/api/v1/me', { token: bruno.token, body: { locale: 'fr' } })).status).toBe(200);
    // Two workers at once, as two replicas would run; started one after the other, each compiling on a busy machine.
    for (let i = 0; i < 2; i++) workers.push(await WorkerProcess.start(workerEnv()));
  }, 720_000);

  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop('SIGTERM')));
    await api?.close();
    await smtp?.close();
    await redis?.stop();
    await releaseTurn?.();
  }, 180_000);

  it('reminds evaluators with unfinished work at each offset exactly once, also after Redis is flushed', async () => {
    const { callId, applicationIds } = await callWithSubmissions(api, applicants.slice(0, 2), {
      evaluatorsPerApplication: 3,
    });
    await seatPanel(api, callId, [ana, bruno, chloe]);
    const [first, second] = applicationIds;
    const anaFirst = await assignmentId(api, callId, first, ana.id);
    await assignmentId(api, callId, first, bruno.id);
    await assignmentId(api, callId, second, bruno.id);
    await evaluate(api, chloe.token, await assignmentId(api, callId, first, chloe.id));

    // Six days ahead: the 7-day reminder is due. Ana has one evaluation left, Bruno two; Chloe submitted.
    await setDueDate(callId, '6 days');
    const [anaSoon] = await untilMails(ana, 'Your evaluation is due on', 1);
    expect(anaSoon.text).toContain('1 evaluation assigned to you for call');
    const [brunoSoon] = await untilMails(bruno, 'Vos évaluations sont attendues le', 1);
    expect(brunoSoon.text).toContain('2 évaluations qui vous ont été attribuées');

    // Twelve hours ahead: the 1-day reminder.
    await setDueDate(callId, '12 hours');
    await untilMails(bruno, 'Vos évaluations sont attendues le', 2);
    await untilMails(ana, 'Your evaluation is due on', 2);

    // Redis loses everything; Ana submits; the due date passed a day and an hour ago.
    const client = new Redis(redis.url);
    await client.flushall();
    client.disconnect();
    await evaluate(api, ana.token, anaFirst);
    await setDueDate(callId, '-25 hours');
    const [late] = await untilMails(bruno, 'Vos évaluations sont en retard', 1);
    expect(late.text).toContain('étaient attendues le');

    // The 3-day reminder to close the round: everything before it was sent once and only once.
    await setDueDate(callId, '-73 hours');
    await untilMails(bruno, 'Vos évaluations sont en retard', 2);
    expect(mails(bruno, 'Vos évaluations sont attendues le')).toHaveLength(2);
    expect(mails(ana, 'Your evaluation is due on')).toHaveLength(2);
    expect(mails(ana, 'overdue')).toEqual([]);
    expect(smtp.to(chloe.email).filter((m) => /due on|overdue/.test(m.subject))).toEqual([]);
    const reminder = (who: Actor, offset_days: number, open: number) => ({ evaluator_id: who.id, offset_days, open });
    expect(await dueRemindersOf(callId)).toEqual(
      [
        reminder(ana, -7, 1),
        reminder(bruno, -7, 2),
        reminder(ana, -1, 1),
        reminder(bruno, -1, 2),
        reminder(bruno, 1, 2),
        reminder(bruno, 3, 2),
      ].sort((a, b) => a.offset_days - b.offset_days || a.evaluator_id.localeCompare(b.evaluator_id)),
    );
    // In-app too, in the recipient's language.
    expect((await inboxOf(api, bruno.token, 'evaluation.overdue')).map((n) => n.locale)).toEqual(['fr', 'fr']);
  });

  it("reminds on the stage's own days, and once more at each of them when the due date moves", async () => {
    const { callId, applicationIds } = await callWithSubmissions(api, applicants.slice(2, 4), {
      evaluatorsPerApplication: 2,
    });
    await seatPanel(api, callId, [ana, bruno]);
    for (const evaluator of [ana, bruno]) await assignmentId(api, callId, applicationIds[0], evaluator.id);
    const url = `/api/v1/calls/${callId}`;
    const reference = (await api.get(url, { token: secretariat.token })).body.reference as string;
    /** The reminders of a due date of this call the evaluator received by e-mail, in English or French. */
    const remindersTo = (actor: Actor) =>
      smtp
        .to(actor.email)
        .filter(
          (m) => m.subject.endsWith(`– ${reference}`) && /due on|overdue|attendues? le|en retard/.test(m.subject),
        );
    const untilReminders = (count: number) =>
      Promise.all(
        [ana, bruno].map((actor) =>
          eventually(
            async () => remindersTo(actor),
            (found) => found.length >= count,
            60_000,
          ),
        ),
      );
    /** The secretariat moves the stage's due date while the review runs, with the stage's own offsets. */
    const moveDueDate = async (hoursFromNow: number, reminderDaysAfter: number[] = []) => {
      const { version, stages } = (await api.get(url, { token: secretariat.token })).body;
      const moved = await api.patch(url, {
        token: secretariat.token,
        headers: { 'If-Match': `"${version}"` },
        body: {
          stages: [
            {
              name: stages[0].name,
              evaluationDueAt: new Date(Date.now() + hoursFromNow * 3_600_000).toISOString(),
              reminderDaysBefore: [3],
              reminderDaysAfter,
            },
          ],
        },
      });
      expect(moved.status).toBe(200);
      return moved.body.stages[0] as { evaluationDueAt: string; reminderDaysBefore: number[] };
    };
    const recorded = () =>
      sql<{ evaluator_id: string; due_at: Date; offset_days: number }>(
        api,
        `SELECT evaluator_id, due_at, offset_days FROM evaluation_due_reminders WHERE call_id = $1
          ORDER BY due_at, evaluator_id`,
        [callId],
      );
    const sentFor = (dueAt: string, offset_days: number) =>
      [ana, bruno]
        .map((e) => e.id)
        .sort()
        .map((evaluator_id) => ({ evaluator_id, due_at: new Date(dueAt), offset_days }));

    // Due in two days: the stage reminds 3 days before (the call's 7 days do not apply to it).
    const first = await moveDueDate(48);
    expect(first).toMatchObject({ reminderDaysBefore: [3], reminderDaysAfter: [] });
    await untilReminders(1);
    expect(await recorded()).toEqual(sentFor(first.evaluationDueAt, -3));

    // Moved a day later: the 3-day reminder once more for the new date, to each evaluator.
    const later = await moveDueDate(72);
    await untilReminders(2);
    expect(await recorded()).toEqual([...sentFor(first.evaluationDueAt, -3), ...sentFor(later.evaluationDueAt, -3)]);
    // A run after it records nothing more: each offset once per due date, whichever process runs it.
    await api.app.get(DueRemindersService).sendDue();
    expect(await recorded()).toHaveLength(4);

    // Passed a day ago, with a 1-day reminder after it: one overdue reminder, and still two before it.
    const passed = await moveDueDate(-25, [1]);
    await untilReminders(3);
    expect(await recorded()).toEqual([
      ...sentFor(passed.evaluationDueAt, 1),
      ...sentFor(first.evaluationDueAt, -3),
      ...sentFor(later.evaluationDueAt, -3),
    ]);
    for (const actor of [ana, bruno]) expect(remindersTo(actor)).toHaveLength(3);
  });

  it('reminds the applicants of drafts at the hours the call says, not those who submitted', async () => {
    const [english, french, frenchToo, submitter] = applicants;
    const call = await createCall(api, secretariat.token, { closesAt: new Date(Date.now() + 200 * 3_600_000) });
    const schedule = await api.put(`/api/v1/calls/${call.id}/reminder-schedule`, {
      token: secretariat.token,
      body: { evaluatorDaysBefore: [], evaluatorDaysAfter: [2], applicantHoursBefore: [12, 36, 12] },
    });
    expect(schedule.status).toBe(200);
    expect(schedule.body).toEqual({ evaluatorDaysBefore: [], evaluatorDaysAfter: [2], applicantHoursBefore: [36, 12] });
    for (const applicant of [english, french, submitter]) {
      const draft = await api.post(`/api/v1/calls/${call.id}/applications`, {
        token: applicant.token,
        body: { answers: { programme: 'A programme.' } },
      });
      expect(draft.status).toBe(201);
      if (applicant === submitter)
        expect(
          (await api.post(`/api/v1/applications/${draft.body.id}/submit`, { token: submitter.token })).status,
        ).toBe(200);
    }
    // A second call with the default schedule (72 and 24 hours) closing in 100 hours: nothing due yet.
    const later = await createCall(api, secretariat.token, { closesAt: new Date(Date.now() + 100 * 3_600_000) });
    expect(
      (await api.post(`/api/v1/calls/${later.id}/applications`, { token: frenchToo.token, body: { answers: {} } }))
        .status,
    ).toBe(201);

    // The reminders' subjects, in English and in French, end with the call's reference.
    const [reference, laterReference] = [call.body.reference, later.body.reference] as string[];
    const inEnglish = `Reminder: your draft application is not yet submitted – ${reference}`;
    const inFrench = `Rappel\u00a0: votre candidature n’est pas encore déposée – ${reference}`;
    await setDeadline(call.id, '30 hours');
    await untilMails(english, inEnglish, 1);
    await untilMails(french, inFrench, 1);

    await setDeadline(call.id, '11 hours');
    await untilMails(english, inEnglish, 2);
    await untilMails(french, inFrench, 2);

    expect(mails(english, inEnglish)).toHaveLength(2);
    expect(mails(french, inFrench)).toHaveLength(2);
    expect(mails(submitter, inEnglish)).toEqual([]);
    expect(mails(frenchToo, laterReference).filter((m) => m.subject.startsWith('Rappel'))).toEqual([]);
    expect(
      await sql(
        api,
        `SELECT recipient_id, hours_before FROM application_deadline_reminders WHERE call_id = ANY($1::uuid[])
          ORDER BY hours_before DESC, recipient_id`,
        [[call.id, later.id]],
      ),
    ).toEqual(
      [36, 12].flatMap((hours) =>
        [english.id, french.id].sort().map((id) => ({ recipient_id: id, hours_before: hours })),
      ),
    );
    const inApp = (await inboxOf(api, french.token, 'application.reminder')).filter((n) =>
      n.subject.endsWith(reference),
    );
    expect(inApp.map((n) => n.locale)).toEqual(['fr', 'fr']);
  });

  it("sends the secretariat's own reminder with its message, in each evaluator's language", async () => {
    const { callId, applicationIds } = await callWithSubmissions(api, applicants.slice(2, 4), {
      evaluatorsPerApplication: 2,
    });
    await seatPanel(api, callId, [ana, bruno, chloe]);
    await assignmentId(api, callId, applicationIds[0], ana.id);
    await assignmentId(api, callId, applicationIds[0], bruno.id);
    const url = `/api/v1/calls/${callId}/panel/reminders`;
    const message = 'The panel meets on Monday: please submit by Friday.';

    const previews = await api.post(`${url}/previews`, {
      token: secretariat.token,
      body: { evaluatorIds: [ana.id, bruno.id], message },
    });
    expect(previews.status).toBe(200);
    expect(
      previews.body.previews.map((p: { locale: string; body: string }) => [p.locale, p.body.includes(message)]),
    ).toEqual([
      ['en', true],
      ['fr', true],
    ]);
    for (const bad of ['', 'x'.repeat(2001), 42])
      expectProblem(
        await api.post(url, { token: secretariat.token, body: { evaluatorIds: [ana.id], message: bad } }),
        400,
        'VALIDATION_FAILED',
      );

    const sent = await api.post(url, {
      token: secretariat.token,
      body: { evaluatorIds: [ana.id, bruno.id, chloe.id], message },
    });
    expect(sent.status).toBe(200);
    expect(sent.body.skipped).toEqual([{ evaluatorId: chloe.id, reason: 'NOTHING_TO_EVALUATE' }]);
    const [toAna] = await untilMails(ana, 'Reminder: evaluations awaiting you', 1);
    expect(toAna.text).toContain(`The secretariat adds the following message:\n\n${message}`);
    const [toBruno] = await untilMails(bruno, 'Rappel\u00a0: des évaluations vous attendent', 1);
    expect(toBruno.text).toContain(`Le secrétariat y joint le message suivant\u00a0:\n\n${message}`);
    expect(
      await sql(api, `SELECT message FROM evaluator_reminders WHERE call_id = $1 ORDER BY evaluator_id`, [callId]),
    ).toEqual([{ message }, { message }]);
  });

  it("answers evaluators their due dates and overdue count; the schedule's own rules", async () => {
    const { callId, applicationIds } = await callWithSubmissions(api, applicants.slice(0, 2), {
      evaluatorsPerApplication: 1,
    });
    await seatPanel(api, callId, [chloe]);
    await assignmentId(api, callId, applicationIds[0], chloe.id);
    const submitted = await assignmentId(api, callId, applicationIds[1], chloe.id);
    await evaluate(api, chloe.token, submitted);
    const mine = () => api.get('/api/v1/me/assignments', { token: chloe.token, query: { callId } });
    const workload = () => api.get('/api/v1/me/assignments/workload', { token: chloe.token, query: { callId } });

    expect((await mine()).body.items.map((a: { dueAt: unknown; overdue: boolean }) => [a.dueAt, a.overdue])).toEqual([
      [null, false],
      [null, false],
    ]);
    expect((await workload()).body).toEqual({ open: 1, overdue: 0, nextDueAt: null });

    await setDueDate(callId, '-2 hours');
    const [{ due }] = await sql<{ due: Date }>(
      api,
      `SELECT evaluation_due_at AS due FROM call_stages WHERE call_id = $1`,
      [callId],
    );
    const items = (await mine()).body.items as Array<{ id: string; dueAt: string; overdue: boolean }>;
    expect(items.map((a) => [a.id === submitted, a.dueAt, a.overdue]).sort()).toEqual(
      [
        [false, due.toISOString(), true],
        [true, due.toISOString(), false],
      ].sort(),
    );
    expect((await workload()).body).toEqual({ open: 1, overdue: 1, nextDueAt: null });
    await setDueDate(callId, '5 days');
    expect((await workload()).body).toMatchObject({ open: 1, overdue: 0, nextDueAt: expect.any(String) });
    expectProblem(await api.get('/api/v1/me/assignments/workload', { token: secretariat.token }), 403, 'FORBIDDEN');
    expectProblem(
      await api.get('/api/v1/me/assignments/workload', { token: chloe.token, query: { callId: 'nope' } }),
      400,
      'VALIDATION_FAILED',
    );

    const scheduleUrl = `/api/v1/calls/${callId}/reminder-schedule`;
    expect((await api.get(scheduleUrl, { token: secretariat.token })).body).toEqual({
      evaluatorDaysBefore: [7, 1],
      evaluatorDaysAfter: [1, 3],
      applicantHoursBefore: [72, 24],
    });
    for (const bad of [
      { evaluatorDaysBefore: [0], evaluatorDaysAfter: [], applicantHoursBefore: [] },
      { evaluatorDaysBefore: [91], evaluatorDaysAfter: [], applicantHoursBefore: [] },
      { evaluatorDaysBefore: [1.5], evaluatorDaysAfter: [], applicantHoursBefore: [] },
      { evaluatorDaysBefore: [1, 2, 3, 4, 5, 6], evaluatorDaysAfter: [], applicantHoursBefore: [] },
      { evaluatorDaysBefore: [], evaluatorDaysAfter: [], applicantHoursBefore: [721] },
      { evaluatorDaysBefore: [], evaluatorDaysAfter: [] },
    ])
      expectProblem(await api.put(scheduleUrl, { token: secretariat.token, body: bad }), 400, 'VALIDATION_FAILED');
    expectProblem(await api.get(scheduleUrl, { token: chloe.token }), 403, 'FORBIDDEN');
    expectProblem(
      await api.get('/api/v1/calls/00000000-0000-4000-8000-000000000000/reminder-schedule', {
        token: secretariat.token,
      }),
      404,
      'NOT_FOUND',
    );
    // After publication the schedule stays as it was.
    await sql(api, `UPDATE calls SET status = 'published' WHERE id = $1`, [callId]);
    expectProblem(
      await api.put(scheduleUrl, {
        token: secretariat.token,
        body: { evaluatorDaysBefore: [2], evaluatorDaysAfter: [], applicantHoursBefore: [] },
      }),
      409,
      'COHORT_PUBLISHED',
    );
    expect((await workload()).body).toEqual({ open: 0, overdue: 0, nextDueAt: null });
  });
});
