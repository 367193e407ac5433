import { randomUUID } from 'node:crypto';
import {
  CountryEntity,
  OrganisationEntity,
  RefreshTokenEntity,
  UserEntity,
} from '../../libs/identity/src/infrastructure/identity.entities';
import { NewUser, UsersRepository } from '../../libs/identity/src/infrastructure/users.repository';
import { EmailTakenError } from '../../libs/identity/src/domain/identity.errors';
import { RepositoryDb, rolledBack, startRepositories } from '../support/repository-db';

describe('UsersRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let users: UsersRepository;

  beforeAll(async () => {
    repo = await startRepositories(
      [UsersRepository],
      [CountryEntity, OrganisationEntity, UserEntity, RefreshTokenEntity],
    );
    users = repo.get(UsersRepository);
  });
  afterAll(() => repo.close());

  const newUser = (fields: Partial<NewUser> = {}): NewUser => ({
    email: `Person-${randomUUID()}@Test.Example`,
    passwordHash: '$argon2id$stored-hash',
    role: 'evaluator',
    displayName: 'Grace Evaluator',
    countryCode: 'SN',
    affiliation: 'University of Dakar',
    locale: 'fr',
    organisationId: null,
    ...fields,
  });

  it('inserts a user, active at token version 0, and answers it without its password hash', async () => {
    const fields = newUser();

    const user = await users.insert(fields);

    const { passwordHash: _hash, ...visible } = fields;
    expect(user).toEqual({
      ...visible,
      id: expect.any(String),
      active: true,
      invited: false,
      tokenVersion: 0,
      emailVerifiedAt: null,
      createdAt: expect.any(Date),
    });
    expect(user).not.toHaveProperty('passwordHash');
    expect(await users.findById(user.id)).toEqual(user);
    expect(await users.findById(randomUUID())).toBeNull();
  });

  it('refuses an e-mail taken in any case as EMAIL_TAKEN, also when two inserts race', async () => {
    const taken = newUser();
    await users.insert(taken);
    await expect(users.insert(newUser({ email: taken.email.toUpperCase() }))).rejects.toBeInstanceOf(EmailTakenError);

    const email = `race-${randomUUID()}@test.example`;
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => users.insert(newUser({ email }))));
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    for (const o of outcomes) if (o.status === 'rejected') expect(o.reason).toBeInstanceOf(EmailTakenError);
  });

  it('inserts inside the caller’s transaction when given one', async () => {
    await rolledBack(repo.transactions, async (tx) => {
      const user = await users.insert(newUser(), tx);
      expect((await users.findById(user.id, tx))?.id).toBe(user.id);
      expect(await users.findById(user.id)).toBeNull();
    });
  });

  it('inserts unless the e-mail exists, whatever its case, and says whether it did', async () => {
    const fields = newUser();

    expect(await users.insertIfAbsent(fields)).toBe(true);
    expect(await users.insertIfAbsent({ ...fields, email: fields.email.toLowerCase(), displayName: 'Other' })).toBe(
      false,
    );
    expect((await users.findCredentials(fields.email))?.user.displayName).toBe('Grace Evaluator');
  });

  it('reads users by one array of ids, sorted by id: none, one, many, unknown ids left out', async () => {
    const ids = [
      (await users.insert(newUser())).id,
      (await users.insert(newUser())).id,
      (await users.insert(newUser())).id,
    ];

    expect(await users.findByIds([])).toEqual([]);
    expect((await users.findByIds([ids[2]])).map((u) => u.id)).toEqual([ids[2]]);
    expect((await users.findByIds([...ids, randomUUID()])).map((u) => u.id)).toEqual([...ids].sort());
  });

  it('answers the credentials of an e-mail in any case, and null for an unknown one', async () => {
    const fields = newUser();
    const user = await users.insert(fields);

    expect(await users.findCredentials(fields.email.toLowerCase())).toEqual({
      user,
      passwordHash: '$argon2id$stored-hash',
    });
    expect(await users.findCredentials(`nobody-${randomUUID()}@test.example`)).toBeNull();
  });

  it('locks a user row until the transaction ends; an unknown id is null', async () => {
    const { id } = await users.insert(newUser());

    await rolledBack(repo.transactions, async (tx) => {
      expect((await users.lockById(tx, id))?.id).toBe(id);
      await expect(repo.db.query(`SELECT 1 FROM users WHERE id = $1 FOR UPDATE NOWAIT`, [id])).rejects.toThrow(
        /could not obtain lock/,
      );
      expect(await users.lockById(tx, randomUUID())).toBeNull();
    });
  });

  it('lists by role and a search over name, e-mail and affiliation, by name, paged with the total', async () => {
    const tag = randomUUID().slice(0, 8);
    const byName = await users.insert(newUser({ displayName: `Zoe ${tag}`, role: 'evaluator' }));
    const byEmail = await users.insert(
      newUser({ displayName: 'alice', email: `alice-${tag}@test.example`, role: 'secretariat' }),
    );
    const byAffiliation = await users.insert(newUser({ displayName: 'Bob', affiliation: `Lab ${tag}` }));
    const literal = await users.insert(newUser({ displayName: `Pct ${tag} 100%_done` }));
    const page = (filter: { role?: 'evaluator' | 'secretariat'; q?: string }, limit = 10, offset = 0) =>
      users.list({ ...filter, limit, offset }).then((p) => ({ ids: p.items.map((u) => u.id), total: p.total }));

    // By name regardless of case: alice, Bob, Pct…, Zoe…
    expect(await page({ q: tag })).toEqual({ ids: [byEmail.id, byAffiliation.id, literal.id, byName.id], total: 4 });
    expect(await page({ q: tag }, 2, 1)).toEqual({ ids: [byAffiliation.id, literal.id], total: 4 });
    expect(await page({ q: tag }, 2, 4)).toEqual({ ids: [], total: 4 });
    expect(await page({ q: tag.toUpperCase() })).toMatchObject({ total: 4 });
    expect(await page({ q: tag, role: 'secretariat' })).toEqual({ ids: [byEmail.id], total: 1 });
    // % and _ are searched for as such, not as wildcards.
    expect(await page({ q: `${tag} 100%_` })).toEqual({ ids: [literal.id], total: 1 });
    expect(await page({ q: `${tag} 1_0` })).toEqual({ ids: [], total: 0 });
  });

  it('updates the profile fields given and no others', async () => {
    const user = await users.insert(newUser());

    await users.updateProfile(user.id, { displayName: 'Renamed' });
    await users.updateProfile(user.id, {});
    await users.updateProfile(user.id, { locale: 'en' });

    expect(await users.findById(user.id)).toEqual({ ...user, displayName: 'Renamed', locale: 'en' });
  });

  it('changes role and active flag; deactivating ends every token issued so far, reactivating does not', async () => {
    const user = await users.insert(newUser());
    const account = (change: { role?: 'secretariat'; active?: boolean }) =>
      repo.transactions.run((tx) => users.updateAccount(tx, user.id, change));

    await account({ role: 'secretariat' });
    expect(await users.findById(user.id)).toMatchObject({ role: 'secretariat', active: true, tokenVersion: 0 });
    await account({ active: false });
    expect(await users.findById(user.id)).toMatchObject({ active: false, tokenVersion: 1 });
    await account({ active: true });
    expect(await users.findById(user.id)).toMatchObject({ active: true, tokenVersion: 1 });
  });

  it('sets a user’s organisation', async () => {
    const user = await users.insert(newUser({ role: 'applicant' }));
    const organisationId = await repo.seed.organisation();

    await repo.transactions.run((tx) => users.setOrganisation(tx, user.id, organisationId));

    expect((await users.findById(user.id))?.organisationId).toBe(organisationId);
  });

  it('reads what an access token’s check needs, the session live until its tokens are all revoked', async () => {
    const organisationId = await repo.seed.organisation();
    const user = await users.insert(newUser({ role: 'applicant', organisationId }));
    const [session, otherSession] = [randomUUID(), randomUUID()];
    await repo.db.query(
      `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
       VALUES ($1, $2, md5(random()::text) || md5(random()::text), now() + interval '1 day')`,
      [user.id, session],
    );

    expect(await users.callerState(user.id, session)).toEqual({
      role: 'applicant',
      active: true,
      tokenVersion: 0,
      sessionLive: true,
      organisationId,
    });
    expect((await users.callerState(user.id, otherSession))?.sessionLive).toBe(false);
    await repo.db.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1`, [session]);
    expect((await users.callerState(user.id, session))?.sessionLive).toBe(false);
    expect(await users.callerState(randomUUID(), session)).toBeNull();
  });
});
