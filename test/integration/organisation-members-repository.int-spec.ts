import { randomUUID } from 'node:crypto';
import { OrganisationMembersRepository } from '../../libs/identity/src/infrastructure/organisation-members.repository';
import { RepositoryDb, rolledBack, startRepositories } from '../support/repository-db';

describe('OrganisationMembersRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let members: OrganisationMembersRepository;

  beforeAll(async () => {
    repo = await startRepositories([OrganisationMembersRepository]);
    members = repo.get(OrganisationMembersRepository);
  });
  afterAll(() => repo.close());

  async function organisation(): Promise<string> {
    const [row] = (await repo.db.query(
      `INSERT INTO organisations (name, country_code, type) VALUES ($1, 'KE', 'accelerator') RETURNING id`,
      [`Hub ${randomUUID()}`],
    )) as Array<{ id: string }>;
    return row.id;
  }

  async function user(
    organisationId: string | null,
    fields: { name?: string; domain?: string; active?: boolean; verified?: boolean } = {},
  ): Promise<string> {
    const [row] = (await repo.db.query(
      `INSERT INTO users (email, password_hash, role, display_name, locale, organisation_id, active, email_verified_at)
       VALUES ($1, 'x', 'applicant', $2, 'en', $3, $4, CASE WHEN $5 THEN now() END) RETURNING id`,
      [
        `member-${randomUUID()}@${fields.domain ?? 'hub.example'}`,
        fields.name ?? 'Member',
        organisationId,
        fields.active ?? true,
        fields.verified ?? false,
      ],
    )) as Array<{ id: string }>;
    return row.id;
  }

  it('pages the active members by name, with the total, also past the end', async () => {
    const id = await organisation();
    const [bea, ada] = [await user(id, { name: 'Bea', verified: true }), await user(id, { name: 'ada' })];
    await user(id, { name: 'Gone', active: false });
    await user(null, { name: 'Stranger' });

    const first = await members.page(id, { limit: 1, offset: 0 });
    expect(first.total).toBe(2);
    expect(first.items).toEqual([expect.objectContaining({ id: ada, displayName: 'ada', emailVerified: false })]);
    expect((await members.page(id, { limit: 5, offset: 1 })).items).toEqual([
      expect.objectContaining({ id: bea, emailVerified: true }),
    ]);
    expect(await members.page(id, { limit: 5, offset: 9 })).toEqual({ items: [], total: 2 });
    expect(await members.count(id)).toBe(2);
  });

  it('takes a member out of its organisation only, and no one from another', async () => {
    const [id, other] = [await organisation(), await organisation()];
    const member = await user(id);
    await rolledBack(repo.transactions, async (tx) => {
      expect(await members.lockOrganisation(tx, id)).toBe(true);
      expect(await members.leave(tx, member, other)).toBe(false);
      expect(await members.leave(tx, member, id)).toBe(true);
      expect(await members.count(id, tx)).toBe(0);
    });
    expect(await members.count(id)).toBe(1);
  });

  it('reads the organisation with the caller when it is a member, without it otherwise', async () => {
    const id = await organisation();
    const member = await user(id, { name: 'Ada', verified: true });
    const outsider = await user(null);
    const read = await members.submitter(member, id);
    expect(read?.organisation).toMatchObject({ id, countryCode: 'KE', region: 'AFR', memberState: true });
    expect(read?.member).toEqual({ id: member, displayName: 'Ada', emailVerified: true });
    expect((await members.submitter(outsider, id))?.member).toBeNull();
    expect(await members.submitter(member, randomUUID())).toBeNull();
  });

  it("gives the members' addresses by organisation, in one statement for many", async () => {
    const [first, second] = [await organisation(), await organisation()];
    await user(first, { domain: 'first.example' });
    await user(first, { domain: 'gmail.com' });
    await user(second, { domain: 'second.example' });
    const emails = await members.emailsOf([first, second, randomUUID()]);
    expect(
      emails
        .get(first)
        ?.map((e) => e.split('@')[1])
        .sort(),
    ).toEqual(['first.example', 'gmail.com']);
    expect(emails.get(second)?.map((e) => e.split('@')[1])).toEqual(['second.example']);
    expect(await members.emailsOf([])).toEqual(new Map());
  });

  it('confirms an address once', async () => {
    const member = await user(null);
    await rolledBack(repo.transactions, async (tx) => {
      expect(await members.markEmailVerified(tx, member)).toBe(true);
      expect(await members.markEmailVerified(tx, member)).toBe(false);
    });
  });
});
