import { randomUUID } from 'node:crypto';
import { DiscussionRepository } from '../../libs/discussion/src/infrastructure/discussion.repository';
import { RepositoryDb, startRepositories } from '../support/repository-db';

describe('DiscussionRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let discussion: DiscussionRepository;

  beforeAll(async () => {
    repo = await startRepositories([DiscussionRepository]);
    discussion = repo.get(DiscussionRepository);
  });
  afterAll(() => repo.close());

  /**
   * An application with a submitted, a drafting and a released evaluator, and one of the secretariat;
   * names carry a tag of the test's own, since every active staff account of the database takes part.
   */
  async function reviewedApplication() {
    const tag = randomUUID().slice(0, 8);
    const callId = await repo.seed.call({ status: 'reviewing' });
    const applicationId = await repo.seed.application(callId);
    const [submitted, drafting, released, staff, inactiveStaff] = [
      await repo.seed.user({ role: 'evaluator', displayName: `Zoé ${tag} submitted` }),
      await repo.seed.user({ role: 'evaluator', displayName: `Yann ${tag} drafting` }),
      await repo.seed.user({ role: 'evaluator', displayName: `Xavier ${tag} released` }),
      await repo.seed.user({ role: 'secretariat', displayName: `Amina ${tag} staff` }),
      await repo.seed.user({ role: 'secretariat', displayName: `Bea ${tag} gone` }),
    ];
    await repo.db.query(`UPDATE users SET active = false WHERE id = $1`, [inactiveStaff]);
    const assignmentId = await repo.seed.assignment(callId, applicationId, submitted, 'submitted');
    await repo.seed.assignment(callId, applicationId, drafting, 'draft');
    await repo.seed.assignment(callId, applicationId, released, 'released');
    return { tag, callId, applicationId, submitted, drafting, released, staff, inactiveStaff, assignmentId };
  }

  it('tells an evaluator’s standing on the application from its live assignment', async () => {
    const { applicationId, submitted, drafting, released, staff } = await reviewedApplication();
    expect(await discussion.assignmentStanding(applicationId, submitted)).toBe('submitted');
    expect(await discussion.assignmentStanding(applicationId, drafting)).toBe('unsubmitted');
    expect(await discussion.assignmentStanding(applicationId, released)).toBeNull();
    expect(await discussion.assignmentStanding(applicationId, staff)).toBeNull();
  });

  it('lists as participants the active staff and the submitted evaluators, by name, a page at a time', async () => {
    const { tag, applicationId, submitted, staff } = await reviewedApplication();
    const number = (await discussion.evaluatorNumbers(applicationId)).get(submitted);
    const page = await discussion.participants(applicationId, { limit: 50, offset: 0, search: tag }, true);
    expect(page).toEqual({
      total: 2,
      items: [
        { id: staff, displayName: `Amina ${tag} staff`, kind: 'secretariat', evaluatorNumber: null },
        { id: submitted, displayName: `Zoé ${tag} submitted`, kind: 'evaluator', evaluatorNumber: number },
      ],
    });
    expect(await discussion.participants(applicationId, { limit: 1, offset: 1, search: tag }, true)).toEqual({
      total: 2,
      items: [expect.objectContaining({ id: submitted })],
    });
    expect(await discussion.participants(applicationId, { limit: 5, offset: 9, search: tag }, true)).toEqual({
      total: 2,
      items: [],
    });
    // A search's wildcards are taken literally.
    expect((await discussion.participants(applicationId, { limit: 5, offset: 0, search: `${tag}%` }, true)).total).toBe(
      0,
    );
  });

  it('numbers every evaluator ever assigned in the order of assignment, and names them so to who may not see names', async () => {
    const { tag, applicationId, submitted, drafting, released } = await reviewedApplication();
    await repo.db.query(
      `UPDATE assignments SET created_at = now() - make_interval(mins => CASE evaluator_id
         WHEN $2::uuid THEN 3 WHEN $3::uuid THEN 2 ELSE 1 END)
       WHERE application_id = $1`,
      [applicationId, released, submitted],
    );
    expect(await discussion.evaluatorNumbers(applicationId)).toEqual(
      new Map([
        [released, 1],
        [submitted, 2],
        [drafting, 3],
      ]),
    );
    // Searched by what the reader sees: a real name finds nobody.
    expect((await discussion.participants(applicationId, { limit: 5, offset: 0, search: tag }, false)).total).toBe(0);
    expect(await discussion.participants(applicationId, { limit: 5, offset: 0, search: 'evaluator 2' }, false)).toEqual(
      {
        total: 1,
        items: [{ id: submitted, displayName: 'Evaluator 2', kind: 'evaluator', evaluatorNumber: 2 }],
      },
    );
    const everyone = await discussion.participants(applicationId, { limit: 500, offset: 0 }, false);
    expect(everyone.items[0]).toEqual(expect.objectContaining({ id: submitted, displayName: 'Evaluator 2' }));
    expect(everyone.items.slice(1).every((p) => p.displayName === 'Secretariat' && p.kind === 'secretariat')).toBe(
      true,
    );
  });

  it('answers who among given users may be mentioned, with where the thread shows for them', async () => {
    const { applicationId, submitted, drafting, staff, inactiveStaff, assignmentId } = await reviewedApplication();
    const mentionable = await repo.transactions.run((tx) =>
      discussion.participantsAmong(applicationId, [submitted, drafting, staff, inactiveStaff, randomUUID()], tx),
    );
    expect(mentionable).toEqual(
      new Map([
        [submitted, { kind: 'evaluator', assignmentId }],
        [staff, { kind: 'secretariat', assignmentId: null }],
      ]),
    );
  });

  it('keeps a post, replaces its text keeping the old one as a version, and pages both', async () => {
    const { callId, applicationId, submitted, staff, tag } = await reviewedApplication();
    const first = await repo.transactions.run((tx) =>
      discussion.insert(tx, {
        callId,
        applicationId,
        authorId: submitted,
        authorKind: 'evaluator',
        body: 'First text.',
        mentionIds: [staff],
      }),
    );
    await repo.transactions.run((tx) =>
      discussion.insert(tx, {
        callId,
        applicationId,
        authorId: staff,
        authorKind: 'secretariat',
        body: 'A reply.',
        mentionIds: [],
      }),
    );
    for (const [body, mentionIds] of [
      ['Second text.', [submitted]],
      ['Third text.', []],
    ] as const) {
      await repo.transactions.run(async (tx) => {
        const locked = await discussion.lock(tx, first);
        if (!locked) throw new Error('post not found');
        await discussion.replaceText(tx, locked, { body, mentionIds: [...mentionIds] });
      });
    }

    const locked = await repo.transactions.run((tx) => discussion.lock(tx, first));
    expect(locked).toMatchObject({ version: 3, mentionIds: [], body: 'Third text.' });
    expect([...(locked?.earlierMentionIds ?? [])].sort()).toEqual([staff, submitted].sort());

    const posts = await discussion.posts(applicationId, { limit: 50, offset: 0 });
    expect(posts.total).toBe(2);
    expect(posts.items.map((p) => [p.body, p.version, p.authorKind])).toEqual([
      ['Third text.', 3, 'evaluator'],
      ['A reply.', 1, 'secretariat'],
    ]);
    expect(posts.items[0]).toMatchObject({ author: { id: submitted, displayName: `Zoé ${tag} submitted` } });
    expect(posts.items[0].editedAt).toBeInstanceOf(Date);
    expect(await discussion.posts(applicationId, { limit: 1, offset: 1 })).toEqual({
      total: 2,
      items: [expect.objectContaining({ body: 'A reply.' })],
    });

    const versions = await discussion.versions(first, { limit: 50, offset: 0 });
    expect(versions.total).toBe(2);
    expect(versions.items.map((v) => [v.version, v.body, v.mentions])).toEqual([
      [2, 'Second text.', [{ id: submitted, displayName: `Zoé ${tag} submitted`, evaluatorNumber: null }]],
      [1, 'First text.', [{ id: staff, displayName: `Amina ${tag} staff`, evaluatorNumber: null }]],
    ]);
    // Each version was written when the one before it was replaced.
    expect(versions.items[0].writtenAt.getTime()).toBe(versions.items[1].replacedAt.getTime());
    expect(await discussion.versions(first, { limit: 1, offset: 5 })).toEqual({ total: 2, items: [] });
    expect(await discussion.findPost(randomUUID())).toBeNull();
  });

  it('refuses every write once the call is published, whatever code runs', async () => {
    const { callId, applicationId, submitted } = await reviewedApplication();
    const id = await repo.transactions.run((tx) =>
      discussion.insert(tx, {
        callId,
        applicationId,
        authorId: submitted,
        authorKind: 'evaluator',
        body: 'Before.',
        mentionIds: [],
      }),
    );
    await repo.seed.callStatus(callId, 'published');
    await expect(
      repo.transactions.run(async (tx) => {
        const locked = await discussion.lock(tx, id);
        if (locked) await discussion.replaceText(tx, locked, { body: 'After.', mentionIds: [] });
      }),
    ).rejects.toThrow(/published/);
    await expect(
      repo.transactions.run((tx) =>
        discussion.insert(tx, {
          callId,
          applicationId,
          authorId: submitted,
          authorKind: 'evaluator',
          body: 'After.',
          mentionIds: [],
        }),
      ),
    ).rejects.toThrow(/published/);
  });
});
