import { createHash } from 'node:crypto';
import { ClarificationsRepository } from '../../libs/applications/src/infrastructure/clarifications.repository';
import { RepositoryDb, startRepositories } from '../support/repository-db';

describe('ClarificationsRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let clarifications: ClarificationsRepository;
  let callId: string;
  let evaluator: string;
  let secretariat: string;

  beforeAll(async () => {
    repo = await startRepositories([ClarificationsRepository]);
    clarifications = repo.get(ClarificationsRepository);
    callId = await repo.seed.call({ status: 'closed' });
    [evaluator, secretariat] = await Promise.all([
      repo.seed.user({ role: 'evaluator', displayName: 'Eva Luator' }),
      repo.seed.user({ role: 'secretariat', displayName: 'Sec Retariat' }),
    ]);
  });
  afterAll(() => repo.close());

  const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
  const propose = (applicationId: string, question: string, replyBy = inDays(7)) =>
    repo.transactions.run((tx) =>
      clarifications.insert(tx, { applicationId, callId, question, replyBy, origin: { proposedBy: evaluator } }),
    );
  const ask = (applicationId: string, question: string, replyBy = inDays(7)) =>
    repo.transactions.run((tx) =>
      clarifications.insert(tx, { applicationId, callId, question, replyBy, origin: { sentBy: secretariat } }),
    );
  const applicantOf = async (applicationId: string) => {
    const [row] = (await repo.db.query(`SELECT created_by AS id FROM applications WHERE id = $1`, [
      applicationId,
    ])) as Array<{
      id: string;
    }>;
    return row.id;
  };

  it('keeps a proposal with its evaluator’s wording, and sends it reworded with the sender and time', async () => {
    const applicationId = await repo.seed.application(callId);
    const id = await propose(applicationId, 'How many start-ups?');
    expect(await clarifications.find(id)).toMatchObject({
      status: 'proposed',
      question: 'How many start-ups?',
      proposedQuestion: 'How many start-ups?',
      proposedBy: { id: evaluator, displayName: 'Eva Luator' },
      proposedAt: expect.any(Date),
      sentBy: null,
      sentAt: null,
      document: null,
    });

    const replyBy = inDays(10);
    await repo.transactions.run(async (tx) => {
      const locked = await clarifications.lock(tx, id);
      expect(locked).toMatchObject({ id, applicationId, callId, status: 'proposed', now: expect.any(Date) });
      await clarifications.markSent(tx, id, { question: 'How many start-ups in 2025?', replyBy, by: secretariat });
    });
    expect(await clarifications.find(id)).toMatchObject({
      status: 'sent',
      question: 'How many start-ups in 2025?',
      proposedQuestion: 'How many start-ups?',
      replyBy,
      sentBy: { id: secretariat, displayName: 'Sec Retariat' },
      sentAt: expect.any(Date),
    });
  });

  it('records an answer with its document in one statement, and an answer without one', async () => {
    const applicationId = await repo.seed.application(callId);
    const applicant = await applicantOf(applicationId);
    const [withFile, withoutFile] = await Promise.all([
      ask(applicationId, 'Your budget?'),
      ask(applicationId, 'Your staff?'),
    ]);
    const content = Buffer.from('%PDF-1.4 the budget');
    const sha256 = createHash('sha256').update(content).digest('hex');
    await repo.transactions.run(async (tx) => {
      await clarifications.markAnswered(tx, withFile, {
        answer: 'See the budget.',
        by: applicant,
        document: {
          filename: 'budget.pdf',
          mimeType: 'application/pdf',
          size: content.length,
          sha256,
          content,
          storageKey: null,
        },
      });
      await clarifications.markAnswered(tx, withoutFile, { answer: 'Eight people.', by: applicant, document: null });
    });
    expect(await clarifications.find(withFile)).toMatchObject({
      status: 'answered',
      answer: 'See the budget.',
      answeredBy: { id: applicant },
      answeredAt: expect.any(Date),
      document: { filename: 'budget.pdf', mimeType: 'application/pdf', size: content.length, sha256 },
    });
    expect(await clarifications.findDocument(withFile)).toEqual({
      filename: 'budget.pdf',
      mimeType: 'application/pdf',
      size: content.length,
      sha256,
      content,
      storageKey: null,
    });
    expect(await clarifications.find(withoutFile)).toMatchObject({ status: 'answered', document: null });
    expect(await clarifications.findDocument(withoutFile)).toBeNull();
  });

  it('reads a sent request past its deadline as expired, by the database clock', async () => {
    const applicationId = await repo.seed.application(callId);
    const id = await ask(applicationId, 'Your accounts?');
    await repo.db.query(
      `UPDATE clarification_requests SET reply_by = clock_timestamp() - interval '1 ms' WHERE id = $1`,
      [id],
    );
    expect((await clarifications.find(id))?.status).toBe('expired');
    const stored = await repo.transactions.run((tx) => clarifications.lock(tx, id));
    expect(stored?.status).toBe('sent');
    expect(stored!.replyBy.getTime()).toBeLessThanOrEqual(stored!.now.getTime());
  });

  it('pages an application’s requests for each reader: all, the sent ones and its own proposals, or the sent ones', async () => {
    const applicationId = await repo.seed.application(callId);
    const otherEvaluator = await repo.seed.user({ role: 'evaluator' });
    const mine = await propose(applicationId, 'Mine?');
    const sent = await ask(applicationId, 'Sent?');
    const declined = await propose(applicationId, 'Declined?');
    await repo.transactions.run((tx) => clarifications.markDeclined(tx, declined, { reason: 'No.', by: secretariat }));
    const ids = async (reader: { everything: boolean; proposer: string | null }, page = { limit: 50, offset: 0 }) => {
      const found = await clarifications.pageForApplication(applicationId, reader, page);
      return { ids: found.items.map((c) => c.id), total: found.total };
    };

    expect(await ids({ everything: true, proposer: null })).toEqual({ ids: [mine, sent, declined], total: 3 });
    expect(await ids({ everything: false, proposer: evaluator })).toEqual({ ids: [mine, sent, declined], total: 3 });
    expect(await ids({ everything: false, proposer: otherEvaluator })).toEqual({ ids: [sent], total: 1 });
    expect(await ids({ everything: false, proposer: null })).toEqual({ ids: [sent], total: 1 });
    expect(await ids({ everything: true, proposer: null }, { limit: 1, offset: 1 })).toEqual({ ids: [sent], total: 3 });
    expect(await ids({ everything: true, proposer: null }, { limit: 5, offset: 9 })).toEqual({ ids: [], total: 3 });
  });

  it('pages a call’s requests by status, expired included, with the organisation asked', async () => {
    const queueCallId = await repo.seed.call({ status: 'closed' });
    const organisationId = await repo.seed.organisation({ name: 'Accra Tech Hub' });
    const applicationId = await repo.seed.application(queueCallId, { organisationId });
    const insert = (question: string, origin: { proposedBy: string } | { sentBy: string }) =>
      repo.transactions.run((tx) =>
        clarifications.insert(tx, { applicationId, callId: queueCallId, question, replyBy: inDays(3), origin }),
      );
    const proposed = await insert('Proposed?', { proposedBy: evaluator });
    const sent = await insert('Sent?', { sentBy: secretariat });
    const expired = await insert('Expired?', { sentBy: secretariat });
    await repo.db.query(
      `UPDATE clarification_requests SET reply_by = clock_timestamp() - interval '1 ms' WHERE id = $1`,
      [expired],
    );
    const list = async (statuses: Parameters<ClarificationsRepository['pageForCall']>[1]) => {
      const found = await clarifications.pageForCall(queueCallId, statuses, { limit: 50, offset: 0 });
      return { ids: found.items.map((c) => c.id), total: found.total };
    };

    expect(await list([])).toEqual({ ids: [proposed, sent, expired], total: 3 });
    expect(await list(['proposed'])).toEqual({ ids: [proposed], total: 1 });
    expect(await list(['sent'])).toEqual({ ids: [sent], total: 1 });
    expect(await list(['expired', 'proposed'])).toEqual({ ids: [proposed, expired], total: 2 });
    expect(await list(['answered'])).toEqual({ ids: [], total: 0 });
    const [first] = (await clarifications.pageForCall(queueCallId, ['proposed'], { limit: 1, offset: 0 })).items;
    expect(first.organisation).toEqual({ id: organisationId, name: 'Accra Tech Hub' });
  });

  it('is refused by the database once the call’s cohort is published', async () => {
    const publishedCallId = await repo.seed.call({ status: 'closed' });
    const applicationId = await repo.seed.application(publishedCallId);
    const id = await repo.transactions.run((tx) =>
      clarifications.insert(tx, {
        applicationId,
        callId: publishedCallId,
        question: 'Before publication?',
        replyBy: inDays(3),
        origin: { sentBy: secretariat },
      }),
    );
    await repo.seed.callStatus(publishedCallId, 'published');
    await expect(
      repo.transactions.run((tx) => clarifications.markDeclined(tx, id, { reason: 'Too late.', by: secretariat })),
    ).rejects.toMatchObject({ code: 'CP409' });
  });
});
