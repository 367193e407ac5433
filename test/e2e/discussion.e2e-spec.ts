import type { Client } from 'pg';
import { sql } from '../support/applications';
import { eventually } from '../support/async';
import { connectDb, expectProblem } from '../support/calls-e2e';
import {
  assignmentId,
  auditEvents,
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  evaluate,
  publishCall,
  seatPanel,
  secretariatOf,
  untilWaiting,
} from '../support/evaluation-fixtures';
import { Actor, Applicant } from '../support/fixtures';
import { MailingPlatform } from '../support/mailing-platform';
import { inboxOf } from '../support/notifications';
import type { SmtpTestServer } from '../support/smtp-server';
import type { TestApi } from '../support/test-app';

interface PostView {
  id: string;
  body: string;
  version: number;
  editedAt: string | null;
  author: { id: string; displayName: string; evaluatorNumber: number | null };
  authorKind: string;
  mentions: Array<{ id: string; displayName: string; evaluatorNumber: number | null }>;
}

/**
 * An application's discussion through HTTP: closed to an evaluator until its own evaluation is
 * submitted, evaluators named to each other by number (names for the secretariat and the chair),
 * mentions that notify in-app and by e-mail (read from the SMTP server the worker sends to) in the
 * recipient's language, edits kept as versions and shown in the application's history, a writer's
 * standing checked under lock in the transaction that writes, everything frozen once the cohort is
 * published, and bad input answered with problems.
 */
describe('discussion of an application', () => {
  let platform: MailingPlatform | undefined;
  let api: TestApi;
  let smtp: SmtpTestServer;
  let secretariat: Actor;
  let ana: Actor, bruno: Actor, chloe: Actor;
  let owner: Applicant, rival: Applicant;
  let db: Client;

  const thread = (id: string) => `/api/v1/applications/${id}/discussion`;
  const write = (token: string, id: string, body: unknown) => api.post(`${thread(id)}/posts`, { token, body });
  const edit = (token: string, id: string, postId: string, version: number | string, body: unknown) =>
    api.patch(`${thread(id)}/posts/${postId}`, { token, body, headers: { 'If-Match': `"${version}"` } });
  const postsOf = async (token: string, id: string, query: Record<string, number> = {}) => {
    const res = await api.get(`${thread(id)}/posts`, { token, query });
    expect(res.status).toBe(200);
    return res.body as { items: PostView[]; total: number };
  };

  // The wait for the turn may last as long as another notifications suite.
  beforeAll(async () => {
    platform = await MailingPlatform.start();
    ({ api, smtp } = platform);
  }, 600_000);

  beforeAll(async () => {
    secretariat = await secretariatOf(api);
    [[ana, bruno, chloe], [owner, rival]] = await Promise.all([
      createEvaluators(api, [
        { countryCode: 'DE', displayName: 'Ana Evaluator' },
        { countryCode: 'JP', displayName: 'Bruno Évaluateur' },
        { countryCode: 'CA', displayName: 'Chloe Evaluator' },
      ]),
      createApplicantsFrom(api, [{ countryCode: 'KE' }, { countryCode: 'GH' }]),
    ]);
    expect((await api.patch('/api/v1/me', { token: bruno.token, body: { locale: 'fr' } })).status).toBe(200);
    db = await connectDb();
  }, 120_000);

  afterAll(async () => {
    await db?.end();
    await platform?.close();
  });

  /** A closed call whose owner's application has all three evaluators; only `submitted` ones have submitted. */
  async function reviewedApplication(submitted: Actor[]) {
    const { callId, applicationIds } = await callWithSubmissions(api, [owner, rival], { evaluatorsPerApplication: 3 });
    await seatPanel(api, callId, [ana, bruno, chloe]);
    const [applicationId, otherApplicationId] = applicationIds;
    const assignments = new Map<Actor, string>();
    for (const evaluator of [ana, bruno, chloe])
      assignments.set(evaluator, await assignmentId(api, callId, applicationId, evaluator.id));
    for (const evaluator of submitted) await evaluate(api, evaluator.token, assignments.get(evaluator) as string);
    return { callId, applicationId, otherApplicationId, assignments };
  }

  it('opens to an evaluator only once its own evaluation is submitted; the secretariat always', async () => {
    const { applicationId, otherApplicationId, assignments } = await reviewedApplication([ana]);

    // Bruno is assigned but has not submitted: the thread says why it is closed, and takes nothing.
    for (const path of ['', '/posts', '/participants'])
      expectProblem(
        await api.get(`${thread(applicationId)}${path}`, { token: bruno.token }),
        403,
        'DISCUSSION_AFTER_SUBMISSION',
      );
    expectProblem(await write(bruno.token, applicationId, { body: 'Too early.' }), 403, 'DISCUSSION_AFTER_SUBMISSION');
    // Nobody assigned to the other application learns its thread exists; applicants are no participants.
    expectProblem(await api.get(`${thread(otherApplicationId)}/posts`, { token: ana.token }), 404, 'NOT_FOUND');
    expectProblem(await api.get(`${thread(applicationId)}/posts`, { token: owner.token }), 403, 'FORBIDDEN');

    const opened = await api.get(thread(applicationId), { token: ana.token });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ applicationId, frozen: false, as: 'evaluator', namesShown: false });
    expect((await api.get(thread(applicationId), { token: secretariat.token })).body).toMatchObject({
      as: 'secretariat',
      namesShown: true,
    });
    const first = await write(ana.token, applicationId, { body: '  The budget looks thin to me.  ' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      body: 'The budget looks thin to me.',
      authorKind: 'evaluator',
      author: { id: ana.id, displayName: 'Evaluator 1', evaluatorNumber: 1 },
      version: 1,
      editedAt: null,
      mentions: [],
    });
    expect((await write(secretariat.token, applicationId, { body: 'Noted; see the annex.' })).status).toBe(201);

    // Once Bruno submits, he reads the whole thread and may answer.
    await evaluate(api, bruno.token, assignments.get(bruno) as string);
    const seen = await postsOf(bruno.token, applicationId);
    expect(seen.total).toBe(2);
    expect(seen.items.map((p) => [p.authorKind, p.body])).toEqual([
      ['evaluator', 'The budget looks thin to me.'],
      ['secretariat', 'Noted; see the annex.'],
    ]);
    expect((await write(bruno.token, applicationId, { body: 'Agreed.' })).status).toBe(201);
    const paged = await postsOf(secretariat.token, applicationId, { limit: 2, offset: 2 });
    expect(paged).toEqual({ total: 3, items: [expect.objectContaining({ body: 'Agreed.' })] });
  });

  it('lists as participants the secretariat and the evaluators who submitted, and notifies those mentioned', async () => {
    const { callId, applicationId, assignments } = await reviewedApplication([ana, bruno]);
    const participants = await api.get(`${thread(applicationId)}/participants`, {
      token: secretariat.token,
      query: { search: 'UAT', limit: 500 },
    });
    expect(participants.status).toBe(200);
    // Chloe has not submitted: she cannot read the thread, so nobody may mention her.
    expect(participants.body.items).toEqual([
      { id: ana.id, displayName: 'Ana Evaluator', kind: 'evaluator', evaluatorNumber: 1 },
      { id: bruno.id, displayName: 'Bruno Évaluateur', kind: 'evaluator', evaluatorNumber: 2 },
    ]);
    // An evaluator finds the others by what it sees of them, never by their names.
    const everyone = await api.get(`${thread(applicationId)}/participants`, {
      token: ana.token,
      query: { limit: 500 },
    });
    expect(everyone.body.items.slice(0, 2)).toEqual([
      { id: ana.id, displayName: 'Evaluator 1', kind: 'evaluator', evaluatorNumber: 1 },
      { id: bruno.id, displayName: 'Evaluator 2', kind: 'evaluator', evaluatorNumber: 2 },
    ]);
    expect(everyone.body.items).toContainEqual({
      id: secretariat.id,
      displayName: 'Secretariat',
      kind: 'secretariat',
      evaluatorNumber: null,
    });
    const byName = await api.get(`${thread(applicationId)}/participants`, {
      token: ana.token,
      query: { search: 'Bruno' },
    });
    expect(byName.body).toEqual({ items: [], total: 0 });

    const posted = await write(ana.token, applicationId, {
      body: '@Evaluator 2 @Secretariat, do the budget figures add up?',
      mentionIds: [bruno.id, secretariat.id, ana.id, bruno.id],
    });
    expect(posted.status).toBe(201);
    expect(posted.body.mentions).toEqual([
      { id: bruno.id, displayName: 'Evaluator 2', evaluatorNumber: 2 },
      { id: secretariat.id, displayName: 'Secretariat', evaluatorNumber: null },
      { id: ana.id, displayName: 'Evaluator 1', evaluatorNumber: 1 },
    ]);

    // Bruno reads French: his notice and e-mail are French, name Ana by her number, and link to his
    // assignment's page. Mentioned twice in the request, he is told once.
    const notices = await inboxOf(api, bruno.token, 'discussion.mentioned_by_evaluator');
    expect(notices).toHaveLength(1);
    const [notice] = notices;
    expect(notice).toMatchObject({
      locale: 'fr',
      subject: expect.stringContaining('L’évaluateur 1 a mentionné votre nom'),
    });
    expect(`${notice.subject} ${notice.body}`).not.toContain('Ana');
    expect(notice.body).toContain(`/evaluator/assignments/${assignments.get(bruno)}#discussion`);
    const [frenchEmail] = await eventually(
      async () => smtp.to(bruno.email).filter((e) => e.subject.includes('a mentionné votre nom')),
      (emails) => emails.length >= 1,
    );
    expect(frenchEmail.subject).toMatch(/^L’évaluateur 1 a mentionné votre nom dans une discussion – /);
    expect(frenchEmail.text).not.toContain('Ana');
    expect(frenchEmail.text).toContain(`/evaluator/assignments/${assignments.get(bruno)}#discussion`);
    // The secretariat's, in English, name Ana and link to the application's page; the author is never
    // told of itself.
    const [englishEmail] = await eventually(
      async () => smtp.to(secretariat.email).filter((e) => e.subject.includes('mentioned you')),
      (emails) => emails.length >= 1,
    );
    expect(englishEmail.subject).toMatch(/^Ana Evaluator mentioned you/);
    expect(englishEmail.text).toContain(`/secretariat/calls/${callId}/applications/${applicationId}#discussion`);
    expect(englishEmail.text).not.toContain(owner.email);
    expect(await inboxOf(api, ana.token, 'discussion.mentioned')).toEqual([]);

    // Mentions are people of this thread: not Chloe (not submitted), not an unknown id, not an applicant.
    for (const outsider of [chloe.id, owner.id, '00000000-0000-4000-8000-000000000000']) {
      const refused = await write(ana.token, applicationId, { body: 'Hello', mentionIds: [bruno.id, outsider] });
      expectProblem(refused, 400, 'VALIDATION_FAILED');
      expect(refused.body.errors).toEqual([
        expect.objectContaining({ field: 'mentionIds.1', code: 'NOT_A_PARTICIPANT', params: { id: outsider } }),
      ]);
    }
    expect((await postsOf(ana.token, applicationId)).total).toBe(1);
  });

  it('keeps every edit as a version, notifies only people newly mentioned, and lets only the author edit', async () => {
    const { applicationId } = await reviewedApplication([ana, bruno]);
    const posted = await write(ana.token, applicationId, { body: 'First thought.', mentionIds: [bruno.id] });
    const id = posted.body.id as string;
    const brunoNotices = async () => (await inboxOf(api, bruno.token, 'discussion.mentioned_by_evaluator')).length;
    const before = await brunoNotices();
    const secretariatNotices = async () => (await inboxOf(api, secretariat.token, 'discussion.mentioned')).length;
    const secretariatBefore = await secretariatNotices();

    const edited = await edit(ana.token, applicationId, id, 1, {
      body: 'Second thought.',
      mentionIds: [bruno.id, secretariat.id],
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ body: 'Second thought.', version: 2, editedAt: expect.any(String) });
    // Bruno was mentioned already; only the secretariat is told.
    expect(await brunoNotices()).toBe(before);
    expect(await secretariatNotices()).toBe(secretariatBefore + 1);

    const third = await edit(ana.token, applicationId, id, 2, { body: 'Third thought.' });
    expect(third.body).toMatchObject({ version: 3, mentions: [] });
    // Mentioned again after an edit dropped him: told once already, not again.
    await edit(ana.token, applicationId, id, 3, { body: 'Fourth thought.', mentionIds: [bruno.id] });
    expect(await brunoNotices()).toBe(before);

    const versions = await api.get(`${thread(applicationId)}/posts/${id}/versions`, { token: bruno.token });
    expect(versions.status).toBe(200);
    expect(versions.body.total).toBe(3);
    expect(versions.body.items.map((v: { version: number; body: string }) => [v.version, v.body])).toEqual([
      [3, 'Third thought.'],
      [2, 'Second thought.'],
      [1, 'First thought.'],
    ]);
    expect(versions.body.items[2].mentions).toEqual([{ id: bruno.id, displayName: 'Evaluator 2', evaluatorNumber: 2 }]);
    const [current] = (await postsOf(bruno.token, applicationId)).items;
    expect(current).toMatchObject({ body: 'Fourth thought.', version: 4 });

    expectProblem(await edit(ana.token, applicationId, id, 2, { body: 'Stale.' }), 412, 'VERSION_CONFLICT');
    expectProblem(
      await api.patch(`${thread(applicationId)}/posts/${id}`, { token: ana.token, body: { body: 'No version.' } }),
      428,
      'PRECONDITION_REQUIRED',
    );
    expectProblem(await edit(bruno.token, applicationId, id, 4, { body: 'Not mine.' }), 403, 'NOT_POST_AUTHOR');
    expectProblem(await edit(secretariat.token, applicationId, id, 4, { body: 'Not mine.' }), 403, 'NOT_POST_AUTHOR');

    const trail = await auditEvents(api, 'discussion_post', id);
    expect(trail.map((e) => e.action)).toEqual([
      'discussion.posted',
      'discussion.post_edited',
      'discussion.post_edited',
      'discussion.post_edited',
    ]);
    expect(trail.every((e) => e.actorId === ana.id)).toBe(true);

    // The application's history shows who posted and edited, and when, never the text.
    const history = await api.get(`/api/v1/applications/${applicationId}/history`, {
      token: secretariat.token,
      query: { limit: 500 },
    });
    expect(history.status).toBe(200);
    const discussed = (
      history.body.items as Array<{ action: string; entityId: string; actor: { id: string; displayName: string } }>
    ).filter((e) => e.action.startsWith('discussion.'));
    expect(discussed.map((e) => [e.action, e.entityId, e.actor])).toEqual([
      ['discussion.posted', id, { id: ana.id, displayName: 'Ana Evaluator' }],
      ...[1, 2, 3].map(() => ['discussion.post_edited', id, { id: ana.id, displayName: 'Ana Evaluator' }]),
    ]);
    expect(JSON.stringify(discussed)).not.toMatch(/thought/);
  });

  it('names evaluators to each other by number, stable per application; names them to the secretariat and the chair', async () => {
    const { callId, applicationId, assignments } = await reviewedApplication([ana, bruno, chloe]);
    const named = await api.put(`/api/v1/calls/${callId}/moderation/chair`, {
      token: secretariat.token,
      body: { evaluatorId: chloe.id },
    });
    expect(named.status).toBe(200);
    const [anaPost, brunoPost] = [
      await write(ana.token, applicationId, { body: 'Strong team.', mentionIds: [bruno.id, chloe.id] }),
      await write(bruno.token, applicationId, { body: 'Weak budget.', mentionIds: [ana.id, secretariat.id] }),
    ];
    expect(
      (await write(secretariat.token, applicationId, { body: 'Thank you both.', mentionIds: [ana.id] })).status,
    ).toBe(201);
    const edited = await edit(bruno.token, applicationId, brunoPost.body.id, 1, {
      body: 'Weak budget, on reflection.',
      mentionIds: [ana.id, chloe.id],
    });
    expect(edited.status).toBe(200);

    // Every answer an evaluator gets of the thread, including its own writes.
    const responses = async (reader: Actor) => [
      await api.get(thread(applicationId), { token: reader.token }),
      await api.get(`${thread(applicationId)}/posts`, { token: reader.token }),
      await api.get(`${thread(applicationId)}/participants`, { token: reader.token, query: { limit: 500 } }),
      await api.get(`${thread(applicationId)}/posts/${brunoPost.body.id}/versions`, { token: reader.token }),
    ];
    const names = new Map([
      [ana, 'Ana Evaluator'],
      [bruno, 'Bruno Évaluateur'],
      [chloe, 'Chloe Evaluator'],
    ]);
    const others = (reader: Actor) => [ana, bruno, chloe].filter((person) => person !== reader);
    for (const [reader, written] of [
      [ana, [anaPost]],
      [bruno, [brunoPost, edited]],
    ] as const) {
      for (const res of [...(await responses(reader)), ...written]) {
        expect(res.status).toBeLessThan(300);
        const text = JSON.stringify(res.body);
        for (const other of others(reader)) {
          expect(text).not.toContain(other.email);
          expect(text).not.toContain(names.get(other));
        }
        expect(text).not.toContain('Test secretariat');
      }
    }

    // Each number is the same for every reader, and names come with it to those who see names.
    const asSeenBy = async (reader: Actor) => (await postsOf(reader.token, applicationId)).items;
    const [byAna, bySecretariat, byChair] = [await asSeenBy(ana), await asSeenBy(secretariat), await asSeenBy(chloe)];
    expect(byAna.map((p) => p.author.displayName)).toEqual(['Evaluator 1', 'Evaluator 2', 'Secretariat']);
    expect(byAna[0].mentions.map((m) => m.displayName)).toEqual(['Evaluator 2', 'Evaluator 3']);
    for (const names of [bySecretariat, byChair]) {
      expect(names.map((p) => [p.author.displayName, p.author.evaluatorNumber])).toEqual([
        ['Ana Evaluator', 1],
        ['Bruno Évaluateur', 2],
        ['Test secretariat', null],
      ]);
    }
    expect((await api.get(thread(applicationId), { token: chloe.token })).body.namesShown).toBe(true);
    // The chair is told by name; another evaluator by number.
    const chairNotice = (await inboxOf(api, chloe.token, 'discussion.mentioned')).filter((n) =>
      n.body.includes(`/evaluator/assignments/${assignments.get(chloe)}#discussion`),
    );
    // Newest first: Bruno's edit, then Ana's post.
    expect(chairNotice.map((n) => n.subject)).toEqual([
      expect.stringMatching(/^Bruno Évaluateur mentioned you/),
      expect.stringMatching(/^Ana Evaluator mentioned you/),
    ]);
  });

  it('checks a writer’s standing in the transaction that writes, under a lock a reopening respects', async () => {
    const { applicationId, assignments } = await reviewedApplication([ana, bruno]);
    /** Runs `during` inside a transaction of the test's connection, committed after, rolled back on failure. */
    const inTransaction = async (begin: string, during: () => Promise<void>) => {
      await db.query('BEGIN');
      await db.query(begin);
      try {
        await during();
        await db.query('COMMIT');
      } catch (error) {
        await db.query('ROLLBACK');
        throw error;
      }
    };

    // A reopening of Ana's evaluation, written but not committed when she posts: the post waits for
    // it (a check made before the transaction would have let it through), then sees it.
    let posting: ReturnType<typeof write> | undefined;
    await inTransaction(
      `UPDATE assignments SET status = 'draft', submitted_at = NULL WHERE id = '${assignments.get(ana)}'`,
      async () => {
        let answered = false;
        posting = write(ana.token, applicationId, { body: 'Posted while reopened.' });
        void posting.finally(() => (answered = true));
        await untilWaiting(db, 1, () => answered);
        expect(answered).toBe(false);
      },
    );
    expectProblem(await (posting as ReturnType<typeof write>), 403, 'DISCUSSION_AFTER_SUBMISSION');
    expect((await postsOf(secretariat.token, applicationId)).total).toBe(0);

    // The other way round: Bruno's edit is held just before it commits (on the audit of it); a
    // reopening of his evaluation cannot pass it meanwhile.
    const written = await write(bruno.token, applicationId, { body: 'First.' });
    const reopener = await connectDb();
    let editing: ReturnType<typeof edit> | undefined;
    try {
      await inTransaction('LOCK TABLE audit_events IN SHARE MODE', async () => {
        editing = edit(bruno.token, applicationId, written.body.id, 1, { body: 'Second.' });
        await untilWaiting(db, 1);
        await reopener.query(`SET lock_timeout = '300ms'`);
        await expect(
          reopener.query(`UPDATE assignments SET status = 'draft', submitted_at = NULL WHERE id = $1`, [
            assignments.get(bruno),
          ]),
        ).rejects.toMatchObject({ code: '55P03' });
      });
    } finally {
      await reopener.end();
    }
    expect((await (editing as ReturnType<typeof edit>)).status).toBe(200);
  });

  it('freezes the thread once the cohort is published: it reads, takes nothing (409)', async () => {
    const { callId, applicationId } = await reviewedApplication([ana]);
    const posted = await write(ana.token, applicationId, { body: 'Before publication.' });
    await publishCall(api, callId);

    expect((await api.get(thread(applicationId), { token: ana.token })).body).toMatchObject({ frozen: true });
    expect((await postsOf(ana.token, applicationId)).total).toBe(1);
    expectProblem(await write(ana.token, applicationId, { body: 'After.' }), 409, 'COHORT_PUBLISHED');
    expectProblem(await write(secretariat.token, applicationId, { body: 'After.' }), 409, 'COHORT_PUBLISHED');
    expectProblem(
      await edit(ana.token, applicationId, posted.body.id, 1, { body: 'Changed.' }),
      409,
      'COHORT_PUBLISHED',
    );
    // The database refuses it too, whatever code would try.
    await expect(
      sql(api, `UPDATE discussion_posts SET body = 'forced' WHERE id = $1`, [posted.body.id]),
    ).rejects.toThrow(/published/);
  });

  it('answers bad input with problems', async () => {
    const { applicationId, otherApplicationId } = await reviewedApplication([ana]);
    const post = await write(ana.token, applicationId, { body: 'A post.' });

    for (const body of [{ body: '' }, { body: ' \n ' }, {}, { body: 42 }, { body: 'x'.repeat(10_001) }]) {
      expectProblem(await write(ana.token, applicationId, body), 400, 'VALIDATION_FAILED');
    }
    expectProblem(
      await write(ana.token, applicationId, { body: 'Hi', mentionIds: ['not-a-uuid'] }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(await write(ana.token, applicationId, { body: 'Hi', extra: true }), 400, 'VALIDATION_FAILED');
    expect((await write(ana.token, applicationId, { body: 'x'.repeat(10_000) })).status).toBe(201);
    expectProblem(await api.get(`${thread('not-a-uuid')}/posts`, { token: ana.token }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await api.get(`${thread(applicationId)}/posts`, { token: ana.token, query: { limit: 501 } }),
      400,
      'VALIDATION_FAILED',
    );
    expectProblem(
      await write(ana.token, '00000000-0000-4000-8000-000000000000', { body: 'Nowhere.' }),
      404,
      'NOT_FOUND',
    );
    // A post is found only under its own application: not under another one, even the secretariat's.
    expectProblem(
      await edit(secretariat.token, otherApplicationId, post.body.id, 1, { body: 'Moved.' }),
      404,
      'NOT_FOUND',
    );
    expectProblem(
      await api.get(`${thread(otherApplicationId)}/posts/${post.body.id}/versions`, { token: secretariat.token }),
      404,
      'NOT_FOUND',
    );
    expectProblem(await edit(ana.token, applicationId, post.body.id, 'abc', { body: 'x' }), 400, 'VALIDATION_FAILED');
  });
});
