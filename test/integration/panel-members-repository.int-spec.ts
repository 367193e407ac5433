import { randomUUID } from 'node:crypto';
import {
  PanelMemberListQuery,
  PanelMembersRepository,
  PanelMemberSortKey,
} from '../../libs/evaluation/src/infrastructure/panel-members.repository';
import { RepositoryDb, startRepositories } from '../support/repository-db';
import { StatementCounter } from '../support/statement-counter';

describe('PanelMembersRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let members: PanelMembersRepository;
  let callId: string;
  /** By name: Alpha (FR, no affiliation), bravo (KE), Charlie (no country), and their ids. */
  const ids: Record<'alpha' | 'bravo' | 'charlie', string> = { alpha: '', bravo: '', charlie: '' };
  const tag = randomUUID().slice(0, 8);

  beforeAll(async () => {
    repo = await startRepositories([PanelMembersRepository]);
    members = repo.get(PanelMembersRepository);
    callId = await repo.seed.call({ status: 'closed' });
    const people = [
      { key: 'alpha', name: 'Alpha', email: `z-${tag}@test.example`, country: 'FR', affiliation: null },
      {
        key: 'bravo',
        name: 'bravo',
        email: `A-${tag}@test.example`,
        country: 'KE',
        affiliation: 'University of Nairobi',
      },
      { key: 'charlie', name: 'Charlie', email: `m-${tag}@test.example`, country: null, affiliation: 'agence Lyon' },
    ] as const;
    for (const person of people) {
      ids[person.key] = await repo.seed.user({ role: 'evaluator', displayName: person.name, email: person.email });
      await repo.db.query(`UPDATE users SET country_code = $2, affiliation = $3 WHERE id = $1`, [
        ids[person.key],
        person.country,
        person.affiliation,
      ]);
    }
    // Seated in reverse order of name: the list's order is not the panel's.
    await repo.db.query(
      `INSERT INTO panel_members (call_id, evaluator_id, added_at)
       SELECT $1, e, now() + make_interval(secs => i) FROM unnest($2::uuid[]) WITH ORDINALITY AS m(e, i)`,
      [callId, [ids.charlie, ids.bravo, ids.alpha]],
    );
    const applications = await Promise.all([1, 2, 3].map(() => repo.seed.application(callId)));
    // Alpha: one submitted, one in draft; bravo: one assigned, one declined (not live); Charlie: three submitted.
    await repo.seed.assignment(callId, applications[0]!, ids.alpha, 'submitted');
    await repo.seed.assignment(callId, applications[1]!, ids.alpha, 'draft');
    await repo.seed.assignment(callId, applications[0]!, ids.bravo, 'assigned');
    await repo.seed.assignment(callId, applications[1]!, ids.bravo, 'declined');
    for (const application of applications) await repo.seed.assignment(callId, application, ids.charlie, 'submitted');
    // Another call's panel and assignments count for nothing here.
    const other = await repo.seed.call({ status: 'closed' });
    await repo.db.query(`INSERT INTO panel_members (call_id, evaluator_id) VALUES ($1, $2)`, [other, ids.alpha]);
    await repo.seed.assignment(other, await repo.seed.application(other), ids.alpha, 'submitted');
  });
  afterAll(() => repo.close());

  const query = (
    key: PanelMemberSortKey,
    descending = false,
    page = { limit: 50, offset: 0 },
  ): PanelMemberListQuery => ({
    ...page,
    sort: { key, descending },
  });
  const order = async (key: PanelMemberSortKey, descending = false) =>
    (await members.page(callId, 1, query(key, descending))).items.map((m) => m.displayName);

  it('lists the panel by name in any case, with each member’s account and live and submitted assignments', async () => {
    const page = await members.page(callId, 1, query('name'));

    expect(page.total).toBe(3);
    expect(page.items).toEqual([
      {
        evaluatorId: ids.alpha,
        displayName: 'Alpha',
        email: `z-${tag}@test.example`,
        countryCode: 'FR',
        affiliation: null,
        addedAt: expect.any(Date),
        load: 2,
        submitted: 1,
      },
      expect.objectContaining({ evaluatorId: ids.bravo, countryCode: 'KE', load: 1, submitted: 0 }),
      expect.objectContaining({ evaluatorId: ids.charlie, countryCode: null, load: 3, submitted: 3 }),
    ]);
  });

  it('sorts by each column either way, those without a country or affiliation last', async () => {
    expect(await order('name', true)).toEqual(['Charlie', 'bravo', 'Alpha']);
    expect(await order('email')).toEqual(['bravo', 'Charlie', 'Alpha']);
    expect(await order('email', true)).toEqual(['Alpha', 'Charlie', 'bravo']);
    expect(await order('country')).toEqual(['Alpha', 'bravo', 'Charlie']);
    expect(await order('country', true)).toEqual(['bravo', 'Alpha', 'Charlie']);
    expect(await order('affiliation')).toEqual(['Charlie', 'bravo', 'Alpha']);
    expect(await order('affiliation', true)).toEqual(['bravo', 'Charlie', 'Alpha']);
    expect(await order('load')).toEqual(['bravo', 'Alpha', 'Charlie']);
    expect(await order('load', true)).toEqual(['Charlie', 'Alpha', 'bravo']);
    expect(await order('submitted', true)).toEqual(['Charlie', 'Alpha', 'bravo']);
  });

  it('breaks ties by name, then id, the same on every page', async () => {
    await repo.db.query(`UPDATE users SET country_code = 'SN' WHERE id = ANY($1::uuid[])`, [[ids.alpha, ids.bravo]]);
    try {
      expect(await order('country')).toEqual(['Alpha', 'bravo', 'Charlie']);
      expect(await order('country', true)).toEqual(['Alpha', 'bravo', 'Charlie']);
      const pages = await Promise.all(
        [0, 1, 2].map((offset) => members.page(callId, 1, query('country', true, { limit: 1, offset }))),
      );
      expect(pages.map((p) => p.items.map((m) => m.displayName))).toEqual([['Alpha'], ['bravo'], ['Charlie']]);
    } finally {
      await repo.db.query(`UPDATE users SET country_code = 'FR' WHERE id = $1`, [ids.alpha]);
      await repo.db.query(`UPDATE users SET country_code = 'KE' WHERE id = $1`, [ids.bravo]);
    }
  });

  it('pages in one statement, the total counting every member, also past the end', async () => {
    const counter = StatementCounter.attach(repo.db);
    const { result, statements } = await counter.during(() =>
      members.page(callId, 1, query('load', true, { limit: 2, offset: 1 })),
    );
    expect(statements).toHaveLength(1);
    expect({ names: result.items.map((m) => m.displayName), total: result.total }).toEqual({
      names: ['Alpha', 'bravo'],
      total: 3,
    });
    expect(await members.page(callId, 1, query('name', false, { limit: 2, offset: 3 }))).toEqual({
      items: [],
      total: 3,
    });
    expect(await members.page(randomUUID(), 1, query('name'))).toEqual({ items: [], total: 0 });
  });
});
