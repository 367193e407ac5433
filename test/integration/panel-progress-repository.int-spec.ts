import { PanelProgressRepository } from '../../libs/evaluation/src/infrastructure/panel-progress.repository';
import { RepositoryDb, startRepositories } from '../support/repository-db';

describe('PanelProgressRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let progress: PanelProgressRepository;
  let secretariat: string;

  beforeAll(async () => {
    repo = await startRepositories([PanelProgressRepository]);
    progress = repo.get(PanelProgressRepository);
    secretariat = await repo.seed.user({ role: 'secretariat' });
  });
  afterAll(() => repo.close());

  /** A closed call of three applications and a panel of three, seated in order a second apart. */
  async function panelOfThree() {
    const callId = await repo.seed.call({ status: 'closed' });
    const applications = [
      await repo.seed.application(callId),
      await repo.seed.application(callId),
      await repo.seed.application(callId),
    ];
    const evaluators = [
      await repo.seed.user({ role: 'evaluator' }),
      await repo.seed.user({ role: 'evaluator' }),
      await repo.seed.user({ role: 'evaluator' }),
    ];
    await repo.db.query(
      `INSERT INTO panel_members (call_id, evaluator_id, added_at)
       SELECT $1, e, now() + make_interval(secs => i) FROM unnest($2::uuid[]) WITH ORDINALITY AS m(e, i)`,
      [callId, evaluators],
    );
    return { callId, applications, evaluators };
  }

  it('counts each member’s assignments by status, most work left first, then by arrival', async () => {
    const {
      callId,
      applications: [a, b, c],
      evaluators: [first, second, third],
    } = await panelOfThree();
    await repo.seed.assignment(callId, a, first, 'submitted');
    await repo.seed.assignment(callId, b, first, 'declined');
    await repo.seed.assignment(callId, a, second, 'assigned');
    await repo.seed.assignment(callId, b, second, 'draft');
    await repo.seed.assignment(callId, c, second, 'released');
    const none = { assigned: 0, draft: 0, submitted: 0, declined: 0, released: 0, lastRemindedAt: null };

    expect(await progress.page(callId, 1, { limit: 50, offset: 0 })).toEqual({
      total: 3,
      items: [
        { ...none, evaluatorId: second, assigned: 1, draft: 1, released: 1 },
        { ...none, evaluatorId: first, submitted: 1, declined: 1 },
        { ...none, evaluatorId: third },
      ],
    });
    expect(await progress.page(callId, 1, { limit: 1, offset: 2 })).toEqual({
      total: 3,
      items: [{ ...none, evaluatorId: third }],
    });
    expect(await progress.page(callId, 1, { limit: 10, offset: 3 })).toEqual({ total: 3, items: [] });
    expect(await progress.page(await repo.seed.call(), 1, { limit: 10, offset: 0 })).toEqual({ total: 0, items: [] });
  });

  it('records one reminder per evaluator with work left, call and UTC day, and says who was recorded', async () => {
    const {
      callId,
      applications: [a, b],
      evaluators: [busy, done, idle],
    } = await panelOfThree();
    await repo.seed.assignment(callId, a, busy, 'assigned');
    await repo.seed.assignment(callId, b, busy, 'draft');
    await repo.seed.assignment(callId, a, done, 'submitted');
    const named = [busy, done, idle];
    expect(await progress.reminderCandidates(callId, named)).toEqual([
      { evaluatorId: busy, open: 2, remindedToday: false },
    ]);

    const first = await repo.transactions.run((tx) => progress.recordReminders(tx, callId, named, secretariat));
    const again = await repo.transactions.run((tx) => progress.recordReminders(tx, callId, named, secretariat));

    expect(first).toEqual([{ evaluatorId: busy, open: 2, recorded: true }]);
    expect(again).toEqual([{ evaluatorId: busy, open: 2, recorded: false }]);
    expect(await progress.reminderCandidates(callId, named)).toEqual([
      { evaluatorId: busy, open: 2, remindedToday: true },
    ]);
    const page = await progress.page(callId, 1, { limit: 50, offset: 0 });
    expect(page.items.find((e) => e.evaluatorId === busy)?.lastRemindedAt).toBeInstanceOf(Date);

    // Yesterday's reminder does not count for today.
    await repo.db.query(
      `UPDATE evaluator_reminders SET reminded_on = reminded_on - 1 WHERE call_id = $1 AND evaluator_id = $2`,
      [callId, busy],
    );
    expect(await progress.reminderCandidates(callId, named)).toEqual([
      { evaluatorId: busy, open: 2, remindedToday: false },
    ]);
    const tomorrow = await repo.transactions.run((tx) => progress.recordReminders(tx, callId, [busy], secretariat));
    expect(tomorrow).toEqual([{ evaluatorId: busy, open: 2, recorded: true }]);
  });
});
