import { createHash, randomUUID } from 'node:crypto';
import { download, expectProblem, sql } from '../support/applications';
import { LinkWorld, startLinkWorld } from '../support/account-links';
import {
  answerClarification,
  askClarification,
  clarificationId,
  clarificationsOf,
  emailTo,
  replyByIn,
} from '../support/clarifications';
import {
  assignmentId,
  callWithSubmissions,
  createEvaluators,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';
import { Actor, Applicant, SAMPLE_PDF, createApplicant } from '../support/fixtures';
import { inboxOf } from '../support/notifications';
import { TestApi } from '../support/test-app';

/**
 * Clarification requests through HTTP, with a worker e-mailing the notifications to an SMTP server of
 * the suite: an evaluator's question approved (reworded) by the secretariat and answered with a
 * document, the secretariat's own question, a declined proposal, a request past its deadline, who
 * may see and do what, and refused input; who is told of each step, in-app and by e-mail. The
 * submitted application never changes.
 */
describe('clarification requests', () => {
  let world: LinkWorld;
  let api: TestApi;
  let secretariat: Actor;
  let evaluator: Actor;
  let outsider: Actor;
  let applicant: Applicant;
  let francophone: Applicant;
  let callId: string;
  let applicationId: string;
  let frenchApplicationId: string;
  const organisationName = `Dakar Digital Hub ${randomUUID().slice(0, 6)}`;

  /** What the application holds that a clarification must never change. */
  const frozenState = async (id: string) => ({
    row: await sql(
      api,
      `SELECT status, answers, version, answers_version AS "answersVersion", submitted_at AS "submittedAt", updated_at AS "updatedAt"
       FROM applications WHERE id = $1`,
      [id],
    ),
    documents: await sql(api, `SELECT id, sha256 FROM documents WHERE application_id = $1 ORDER BY id`, [id]),
  });

  const historyActions = async (id: string) => {
    const res = await api.get(`/api/v1/applications/${id}/history`, {
      token: secretariat.token,
      query: { limit: 500 },
    });
    expect(res.status).toBe(200);
    return (res.body.items as Array<{ action: string; after: Record<string, unknown> | null }>).filter((e) =>
      e.action.startsWith('application.clarification_'),
    );
  };

  beforeAll(async () => {
    world = await startLinkWorld();
    api = world.api;
    secretariat = await secretariatOf(api);
    [evaluator, outsider] = await createEvaluators(api, [{ displayName: 'Amina Evaluator' }, {}]);
    [applicant, francophone] = await Promise.all([
      createApplicant(api, 'SN', { name: organisationName }),
      createApplicant(api, 'CI', {}, 'fr'),
    ]);
    const call = await callWithSubmissions(api, [applicant, francophone]);
    callId = call.callId;
    [applicationId, frenchApplicationId] = call.applicationIds;
    await seatPanel(api, callId, [evaluator, outsider]);
    await assignmentId(api, callId, applicationId, evaluator.id);
    await assignmentId(api, callId, frenchApplicationId, evaluator.id);
  }, 600_000);
  afterAll(() => world?.close());

  it('goes from an evaluator’s proposal, reworded by the secretariat, to the applicant’s answer with a document', async () => {
    const before = await frozenState(applicationId);
    const proposed = await askClarification(api, evaluator.token, applicationId, {
      question: '  How many start-ups finished your programme last year?  ',
      replyBy: replyByIn(10),
    });
    expect(proposed.status).toBe(201);
    expect(proposed.body).toMatchObject({
      status: 'proposed',
      question: 'How many start-ups finished your programme last year?',
      proposedQuestion: 'How many start-ups finished your programme last year?',
      proposedBy: { id: evaluator.id, displayName: 'Amina Evaluator' },
      sentAt: null,
    });
    const id = proposed.body.id as string;
    // Nothing reaches the applicant before the secretariat decides.
    expect((await clarificationsOf(api, applicant.token, applicationId)).body).toEqual({ items: [], total: 0 });

    const queue = await api.get(`/api/v1/calls/${callId}/clarifications`, {
      token: secretariat.token,
      query: { status: 'proposed' },
    });
    expect(queue.status).toBe(200);
    expect(queue.body.items).toEqual([
      expect.objectContaining({ id, organisation: { id: applicant.organisationId, name: organisationName } }),
    ]);

    const reworded = 'How many start-ups completed your programme in 2025, and how many raised funds afterwards?';
    const replyBy = replyByIn(14);
    const sent = await api.post(`/api/v1/clarifications/${id}/approve`, {
      token: secretariat.token,
      body: { question: reworded, replyBy },
    });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({
      status: 'sent',
      question: reworded,
      proposedQuestion: 'How many start-ups finished your programme last year?',
      replyBy,
      sentBy: { id: secretariat.id },
    });

    const email = await emailTo(world.smtp, applicant.email, 'Request for clarification on your application');
    expect(email.subject).toContain(' – TEST/');
    expect(email.text).toContain(reworded);
    expect(email.text).toContain(organisationName);
    expect(await inboxOf(api, applicant.token, 'clarification.requested')).toHaveLength(1);
    // The evaluator who proposed it reads the words sent, and never the applicant's name.
    const sentNotice = await emailTo(world.smtp, evaluator.email, 'Your question has been sent to the applicant');
    expect(sentNotice.text).toContain(reworded);
    expect(sentNotice.text).not.toContain(organisationName);
    expect(await inboxOf(api, evaluator.token, 'clarification.proposal_sent')).toEqual([
      expect.objectContaining({ body: expect.stringContaining(reworded) }),
    ]);

    const seen = await clarificationsOf(api, applicant.token, applicationId);
    expect(seen.body.total).toBe(1);
    expect(seen.body.items[0]).toMatchObject({ question: reworded, proposedQuestion: null, proposedBy: null });

    const answered = await answerClarification(api, applicant.token, id, 'Twelve completed; five raised funds.', {
      buffer: SAMPLE_PDF,
      filename: 'cohort-2025.pdf',
      contentType: 'application/pdf',
    });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({
      status: 'answered',
      answer: 'Twelve completed; five raised funds.',
      answeredBy: { id: applicant.id },
      document: { filename: 'cohort-2025.pdf', mimeType: 'application/pdf', size: SAMPLE_PDF.length },
    });
    expectProblem(await answerClarification(api, applicant.token, id, 'Once more.'), 409, 'INVALID_TRANSITION');
    // The application's evaluator (here the asker too) is told once, the panel's other member not at all.
    const answeredNotice = await emailTo(world.smtp, evaluator.email, 'The applicant has answered');
    expect(answeredNotice.text).toContain(reworded);
    expect(answeredNotice.text).not.toContain(organisationName);
    expect(await inboxOf(api, evaluator.token, 'clarification.answered')).toHaveLength(1);
    expect(await inboxOf(api, outsider.token, 'clarification.answered')).toEqual([]);

    const read = await clarificationsOf(api, evaluator.token, applicationId);
    expect(read.body.items).toEqual([
      expect.objectContaining({
        id,
        status: 'answered',
        question: reworded,
        answer: 'Twelve completed; five raised funds.',
      }),
    ]);
    const file = await download(api, `/api/v1/clarifications/${id}/document`, evaluator.token);
    expect(file.status).toBe(200);
    expect(
      createHash('sha256')
        .update(file.body as Buffer)
        .digest('hex'),
    ).toBe(createHash('sha256').update(SAMPLE_PDF).digest('hex'));

    expect(await frozenState(applicationId)).toEqual(before);
    const history = await historyActions(applicationId);
    expect(history.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        'application.clarification_proposed',
        'application.clarification_sent',
        'application.clarification_answered',
      ]),
    );
    expect(history.filter((e) => e.after?.clarificationId === id)).toHaveLength(3);
  });

  it('sends the secretariat’s own question at once, in the applicant’s language', async () => {
    const asked = await askClarification(api, secretariat.token, frenchApplicationId, {
      question: 'Quel est le budget annuel de votre programme ?',
      replyBy: replyByIn(7),
    });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'sent', proposedBy: null, proposedQuestion: null });
    const email = await emailTo(world.smtp, francophone.email, 'Demande de précision sur votre candidature');
    expect(email.headers.get('content-language')).toBe('fr');
    expect(email.text).toContain('Quel est le budget annuel de votre programme ?');
    const seenByEvaluator = await clarificationsOf(api, evaluator.token, frenchApplicationId);
    expect(seenByEvaluator.body.items.map((c: { id: string }) => c.id)).toContain(asked.body.id);
    expect((await historyActions(frenchApplicationId)).map((e) => e.action)).toContain(
      'application.clarification_sent',
    );

    // Its answer is told to the secretariat member who asked and to the application's evaluator.
    const before = (await inboxOf(api, evaluator.token, 'clarification.answered')).length;
    expect((await answerClarification(api, francophone.token, asked.body.id, 'Deux cent mille euros.')).status).toBe(
      200,
    );
    const [told] = await inboxOf(api, secretariat.token, 'clarification.answered');
    expect(told).toMatchObject({ body: expect.stringContaining('Quel est le budget annuel de votre programme ?') });
    expect(await inboxOf(api, evaluator.token, 'clarification.answered')).toHaveLength(before + 1);
  });

  it('declines a proposal with a reason the evaluator reads, and sends nothing', async () => {
    const id = await clarificationId(api, evaluator.token, applicationId, 'Is your CEO a member of the jury?');
    const declined = await api.post(`/api/v1/clarifications/${id}/decline`, {
      token: secretariat.token,
      body: { reason: 'Not a question for the applicant.' },
    });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: 'Not a question for the applicant.' });
    const declinedNotice = await emailTo(world.smtp, evaluator.email, 'Your proposed question has not been sent');
    expect(declinedNotice.text).toContain('Is your CEO a member of the jury?');
    expect(declinedNotice.text).toContain('Not a question for the applicant.');
    expect(await inboxOf(api, evaluator.token, 'clarification.proposal_declined')).toHaveLength(1);
    expectProblem(
      await api.post(`/api/v1/clarifications/${id}/approve`, { token: secretariat.token, body: {} }),
      409,
      'INVALID_TRANSITION',
    );
    const mine = await clarificationsOf(api, evaluator.token, applicationId);
    expect(mine.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id, status: 'declined' })]));
    const theirs = await clarificationsOf(api, applicant.token, applicationId);
    expect(theirs.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
    expectProblem(await answerClarification(api, applicant.token, id, 'An answer.'), 404, 'NOT_FOUND');
    const declinedEvents = (await historyActions(applicationId)).filter((e) => e.after?.clarificationId === id);
    expect(declinedEvents.map((e) => e.action)).toEqual([
      'application.clarification_proposed',
      'application.clarification_declined',
    ]);
  });

  it('expires a sent request at its deadline, by the database clock, and refuses a late answer', async () => {
    const id = await clarificationId(api, secretariat.token, applicationId, 'Please send your audited accounts.');
    await sql(
      api,
      `UPDATE clarification_requests SET reply_by = clock_timestamp() - interval '1 second' WHERE id = $1`,
      [id],
    );
    const seen = await clarificationsOf(api, applicant.token, applicationId);
    expect(seen.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ id, status: 'expired' })]));
    const expired = await api.get(`/api/v1/calls/${callId}/clarifications`, {
      token: secretariat.token,
      query: { status: 'expired' },
    });
    expect(expired.body.items.map((c: { id: string }) => c.id)).toEqual([id]);
    expect(expired.body.total).toBe(1);
    expectProblem(await answerClarification(api, applicant.token, id, 'Too late.'), 409, 'CLARIFICATION_EXPIRED');
    const [row] = await sql(api, `SELECT status, answer FROM clarification_requests WHERE id = $1`, [id]);
    expect(row).toEqual({ status: 'sent', answer: null });
  });

  it('keeps requests from other organisations and from evaluators not assigned to the application', async () => {
    const id = await clarificationId(api, secretariat.token, applicationId, 'Where are your premises?');
    // Another organisation: the application and its requests do not exist for it.
    expectProblem(await clarificationsOf(api, francophone.token, applicationId), 404, 'NOT_FOUND');
    expectProblem(await answerClarification(api, francophone.token, id, 'Not mine.'), 404, 'NOT_FOUND');
    // An evaluator of the call's panel without an assignment to this application.
    expectProblem(await clarificationsOf(api, outsider.token, applicationId), 404, 'NOT_FOUND');
    expectProblem(
      await askClarification(api, outsider.token, applicationId, { question: 'A question?', replyBy: replyByIn(3) }),
      404,
      'NOT_FOUND',
    );
    // Roles: evaluators do not send, applicants do not ask, the secretariat does not answer.
    expectProblem(
      await api.post(`/api/v1/clarifications/${id}/approve`, { token: evaluator.token, body: {} }),
      403,
      'FORBIDDEN',
    );
    expectProblem(
      await askClarification(api, applicant.token, applicationId, { question: 'Me?', replyBy: replyByIn(3) }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await answerClarification(api, secretariat.token, id, 'On their behalf.'), 403, 'FORBIDDEN');
    expectProblem(
      await api.get(`/api/v1/calls/${callId}/clarifications`, { token: evaluator.token }),
      403,
      'FORBIDDEN',
    );
  });

  it('answers bad input with problems and changes nothing', async () => {
    const ask = (body: Record<string, unknown>) => askClarification(api, secretariat.token, applicationId, body);
    const fields = (res: Awaited<ReturnType<typeof ask>>) =>
      expectProblem(res, 400, 'VALIDATION_FAILED').map((e) => e.field);
    expect(fields(await ask({ question: '   ', replyBy: replyByIn(3) }))).toEqual(['question']);
    expect(fields(await ask({ question: 'Why?', replyBy: 'next Tuesday' }))).toEqual(['replyBy']);
    expect(fields(await ask({ question: 'Why?', replyBy: new Date(Date.now() - 60_000).toISOString() }))).toEqual([
      'replyBy',
    ]);
    expect(fields(await ask({ question: 'Why?', replyBy: replyByIn(120) }))).toEqual(['replyBy']);
    expect(fields(await ask({ question: 'x'.repeat(4001), replyBy: replyByIn(3) }))).toEqual(['question']);

    const id = await clarificationId(api, secretariat.token, applicationId, 'What is your legal status?');
    expect(fields(await answerClarification(api, applicant.token, id, '  '))).toEqual(['answer']);
    expectProblem(
      await answerClarification(api, applicant.token, id, 'See the file.', {
        buffer: Buffer.from('MZ\x90\x00 not a document'),
        filename: 'statutes.exe',
      }),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    const [row] = await sql(api, `SELECT status, answer FROM clarification_requests WHERE id = $1`, [id]);
    expect(row).toEqual({ status: 'sent', answer: null });

    const unknown = randomUUID();
    expectProblem(
      await api.post(`/api/v1/clarifications/${unknown}/approve`, { token: secretariat.token, body: {} }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await api.get(`/api/v1/clarifications/not-a-uuid/document`, { token: secretariat.token }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await api.get(`/api/v1/calls/${callId}/clarifications`, {
        token: secretariat.token,
        query: { status: 'pending' },
      }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await download(api, `/api/v1/clarifications/${id}/document`, secretariat.token), 404, 'NOT_FOUND');
  });

  it('asks only about submitted applications', async () => {
    const late = await createApplicant(api, 'GH');
    const { applicationIds } = await callWithSubmissions(api, [late], {}, { close: false });
    const withdrawn = await api.post(`/api/v1/applications/${applicationIds[0]}/withdraw`, { token: late.token });
    expect(withdrawn.status).toBe(200);
    expectProblem(
      await askClarification(api, secretariat.token, applicationIds[0]!, {
        question: 'Still there?',
        replyBy: replyByIn(3),
      }),
      409,
      'INVALID_TRANSITION',
    );
  });
});
