import { titlesOf } from '@app/calls';
import { DeadlineRemindersRepository } from '../../libs/applications/src/infrastructure/deadline-reminders.repository';
import { DueDatesRepository } from '../../libs/evaluation/src/infrastructure/due-dates.repository';
import { RepositoryDb, startRepositories } from '../support/repository-db';

describe('due dates and automatic reminders on PostgreSQL', () => {
  let repo: RepositoryDb;
  let dueDates: DueDatesRepository;
  let deadlines: DeadlineRemindersRepository;

  beforeAll(async () => {
    repo = await startRepositories([DueDatesRepository, DeadlineRemindersRepository]);
    dueDates = repo.get(DueDatesRepository);
    deadlines = repo.get(DeadlineRemindersRepository);
  });
  afterAll(() => repo.close());

  const setDueDate = (callId: string, fromNow: string) =>
    repo.db.query(`UPDATE call_stages SET evaluation_due_at = now() + $2::interval WHERE call_id = $1`, [
      callId,
      fromNow,
    ]);
  type Recorder<T> = (tx: Parameters<DueDatesRepository['recordDue']>[0]) => Promise<T[]>;
  /** What one run records for this call (the database holds other suites' calls too). */
  const recordOnce = async <T extends { callId: string }>(callId: string, record: Recorder<T>) =>
    (await repo.transactions.run(record)).filter((r) => r.callId === callId);
  /** Two workers at once: each reminder is recorded by one of them. */
  const recordTwiceAtOnce = async <T extends { callId: string }>(callId: string, record: Recorder<T>) =>
    (await Promise.all([recordOnce(callId, record), recordOnce(callId, record)])).flat();

  it('records for each evaluator with unfinished work the latest offset passed, once, and reads due dates', async () => {
    const callId = await repo.seed.call({ status: 'reviewing' });
    const [a, b] = [await repo.seed.application(callId), await repo.seed.application(callId)];
    const [busy, done, idle] = [
      await repo.seed.user({ role: 'evaluator' }),
      await repo.seed.user({ role: 'evaluator' }),
      await repo.seed.user({ role: 'evaluator' }),
    ];
    const open = await repo.seed.assignment(callId, a, busy, 'draft');
    await repo.seed.assignment(callId, b, busy, 'assigned');
    const submitted = await repo.seed.assignment(callId, a, done, 'submitted');
    await repo.seed.assignment(callId, b, idle, 'declined');

    // No due date: nothing due, nothing late.
    expect(await recordOnce(callId, (tx) => dueDates.recordDue(tx))).toEqual([]);
    expect(await dueDates.workloadOf(busy, callId)).toEqual({ open: 2, overdue: 0, nextDueAt: null });

    // Two days ahead: the 7-day moment has passed (the 1-day one not yet).
    await setDueDate(callId, '2 days');
    const first = await recordTwiceAtOnce(callId, (tx) => dueDates.recordDue(tx));
    expect(first).toEqual([expect.objectContaining({ evaluatorId: busy, callId, stage: 1, offsetDays: -7, open: 2 })]);
    expect(await recordOnce(callId, (tx) => dueDates.recordDue(tx))).toEqual([]);

    // Four days late: the 1-day and 3-day moments after it have both passed; only the 3-day one is sent.
    await setDueDate(callId, '-4 days');
    expect((await recordTwiceAtOnce(callId, (tx) => dueDates.recordDue(tx))).map((r) => r.offsetDays)).toEqual([3]);
    const [{ due }] = (await repo.db.query(`SELECT evaluation_due_at AS due FROM call_stages WHERE call_id = $1`, [
      callId,
    ])) as Array<{ due: Date }>;
    expect(await dueDates.dueDatesOf([open, submitted])).toEqual(
      new Map([
        [open, { dueAt: due, overdue: true }],
        [submitted, { dueAt: due, overdue: false }],
      ]),
    );
    expect(await dueDates.workloadOf(busy, undefined)).toMatchObject({ open: 2, overdue: 2 });

    // Published: nothing is late any more, and nothing is sent.
    await repo.db.query(`UPDATE call_stages SET evaluation_due_at = now() - interval '40 days' WHERE call_id = $1`, [
      callId,
    ]);
    await repo.seed.callStatus(callId, 'published');
    expect(await recordOnce(callId, (tx) => dueDates.recordDue(tx))).toEqual([]);
    expect(await dueDates.workloadOf(busy, callId)).toEqual({ open: 0, overdue: 0, nextDueAt: null });
  });

  it("follows a stage's own offsets, and records each offset once more for a due date moved", async () => {
    const callId = await repo.seed.call({ status: 'reviewing' });
    const evaluator = await repo.seed.user({ role: 'evaluator' });
    await repo.seed.assignment(callId, await repo.seed.application(callId), evaluator, 'assigned');
    await repo.db.query(`UPDATE call_stages SET reminder_days_before = '{3}' WHERE call_id = $1`, [callId]);
    const offsets = async () =>
      (await recordTwiceAtOnce(callId, (tx) => dueDates.recordDue(tx))).map((r) => [r.evaluatorId, r.offsetDays]);

    // Two days ahead: the stage's 3 days, not the call's 7.
    await setDueDate(callId, '2 days');
    expect(await offsets()).toEqual([[evaluator, -3]]);
    expect(await offsets()).toEqual([]);
    // Moved a day later, then an hour earlier: each new date is reminded once at its latest offset passed.
    await setDueDate(callId, '3 days');
    expect(await offsets()).toEqual([[evaluator, -3]]);
    expect(await offsets()).toEqual([]);
    await setDueDate(callId, '71 hours');
    expect(await offsets()).toEqual([[evaluator, -3]]);
    // The stage's days after are still the call's (1 and 3).
    await setDueDate(callId, '-25 hours');
    expect(await offsets()).toEqual([[evaluator, 1]]);
    expect(await offsets()).toEqual([]);
  });

  it('records for the creator of each draft the offset nearest the deadline that has passed, once', async () => {
    const callId = await repo.seed.call({ status: 'open', closesInHours: 100 });
    const draft = await repo.seed.application(callId, { status: 'draft' });
    await repo.seed.application(callId, { status: 'submitted' });
    const [creator] = (await repo.db.query(`SELECT created_by FROM applications WHERE id = $1`, [draft])) as Array<{
      created_by: string;
    }>;
    await repo.db.query(
      `UPDATE calls SET reminder_schedule = jsonb_set(reminder_schedule, '{applicantHoursBefore}', '[48, 12]')
        WHERE id = $1`,
      [callId],
    );
    expect(await recordOnce(callId, (tx) => deadlines.recordDue(tx))).toEqual([]);

    await repo.db.query(`UPDATE calls SET closes_at = now() + interval '10 hours' WHERE id = $1`, [callId]);
    expect(await recordTwiceAtOnce(callId, (tx) => deadlines.recordDue(tx))).toEqual([
      expect.objectContaining({ recipientId: creator.created_by, callId, applicationId: draft, hoursBefore: 12 }),
    ]);
    expect(await recordOnce(callId, (tx) => deadlines.recordDue(tx))).toEqual([]);

    // Past the deadline nothing more is due.
    await repo.db.query(`UPDATE calls SET closes_at = now() - interval '1 hour' WHERE id = $1`, [callId]);
    expect(await recordOnce(callId, (tx) => deadlines.recordDue(tx))).toEqual([]);
  });

  it('gives both reminders the call’s translated titles, for each recipient’s language', async () => {
    const callId = await repo.seed.call({ status: 'open', closesInHours: 10 });
    const [{ title }] = (await repo.db.query(`SELECT title FROM calls WHERE id = $1`, [callId])) as Array<{
      title: string;
    }>;
    await repo.db.query(
      `INSERT INTO call_translations (call_id, language, title, description)
       VALUES ($1, 'fr', 'Appel aux centres', NULL), ($1, 'es', NULL, 'Solo la descripción')`,
      [callId],
    );
    const draft = await repo.seed.application(callId, { status: 'draft' });
    const evaluator = await repo.seed.user({ role: 'evaluator' });
    await repo.seed.assignment(callId, draft, evaluator, 'assigned');
    await setDueDate(callId, '2 days');

    const [reminder] = await recordOnce(callId, (tx) => deadlines.recordDue(tx));
    const [due] = await recordOnce(callId, (tx) => dueDates.recordDue(tx));
    for (const recorded of [reminder, due]) {
      expect(recorded.translations).toEqual({ fr: { title: 'Appel aux centres' } });
      // Spanish has a description but no title: the English one.
      expect(titlesOf(recorded)).toMatchObject({ fr: 'Appel aux centres', es: title, en: title });
    }
  });
});
