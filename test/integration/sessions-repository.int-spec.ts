import { createHash, randomUUID } from 'node:crypto';
import { AccountsRepository } from '../../libs/identity/src/infrastructure/accounts.repository';
import { RefreshTokenEntity, UserEntity } from '../../libs/identity/src/infrastructure/identity.entities';
import { RefreshTokensRepository } from '../../libs/identity/src/infrastructure/refresh-tokens.repository';
import { SessionsRepository } from '../../libs/identity/src/infrastructure/sessions.repository';
import { RepositoryDb, rolledBack, startRepositories } from '../support/repository-db';

describe('SessionsRepository and AccountsRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let sessions: SessionsRepository;
  let tokens: RefreshTokensRepository;

  beforeAll(async () => {
    repo = await startRepositories(
      [SessionsRepository, RefreshTokensRepository, AccountsRepository],
      [RefreshTokenEntity, UserEntity],
    );
    sessions = repo.get(SessionsRepository);
    tokens = repo.get(RefreshTokensRepository);
  });
  afterAll(() => repo.close());

  const newHash = () => createHash('sha256').update(randomUUID()).digest('hex');

  /** A token of the user's family, stored with its client and creation time; answers its hash. */
  async function issue(
    userId: string,
    familyId: string,
    options: { userAgent?: string; createdAt?: Date; expiresInMs?: number } = {},
  ): Promise<string> {
    const tokenHash = newHash();
    await repo.transactions.run((tx) =>
      tokens.insert(tx, {
        userId,
        familyId,
        tokenHash,
        expiresAt: new Date(Date.now() + (options.expiresInMs ?? 60_000)),
        userAgent: options.userAgent ?? null,
        ip: '192.0.2.1',
      }),
    );
    if (options.createdAt) {
      await repo.db.query('UPDATE refresh_tokens SET created_at = $2 WHERE token_hash = $1', [
        tokenHash,
        options.createdAt,
      ]);
    }
    return tokenHash;
  }
  const consume = (hash: string) => repo.transactions.run((tx) => tokens.consume(tx, hash));
  const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

  it('lists live families, most recently used first, with the latest client, and pages them with their total', async () => {
    const userId = await repo.seed.user();
    const [older, newer, ended, expired] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const first = await issue(userId, older, { userAgent: 'Sign-in browser', createdAt: minutesAgo(30) });
    await consume(first);
    await issue(userId, older, { userAgent: 'Refreshing browser', createdAt: minutesAgo(5) });
    await issue(userId, newer, { userAgent: 'Phone', createdAt: minutesAgo(1) });
    await tokens.revokeFamilyOf(await issue(userId, ended));
    await issue(userId, expired, { expiresInMs: -1_000 });
    await issue(await repo.seed.user(), randomUUID());

    const page = await sessions.listLive(userId, { limit: 10, offset: 0 });
    expect(page.total).toBe(2);
    expect(page.items.map((s) => [s.id, s.userAgent, s.ip])).toEqual([
      [newer, 'Phone', '192.0.2.1'],
      [older, 'Refreshing browser', '192.0.2.1'],
    ]);
    expect(page.items[1].createdAt.getTime()).toBeLessThan(page.items[1].lastUsedAt.getTime());
    expect(await sessions.listLive(userId, { limit: 1, offset: 1 })).toMatchObject({
      total: 2,
      items: [{ id: older }],
    });
    expect(await sessions.listLive(userId, { limit: 1, offset: 5 })).toEqual({ items: [], total: 2 });
  });

  it('revokes one family of its user only, once', async () => {
    const [owner, other] = [await repo.seed.user(), await repo.seed.user()];
    const family = randomUUID();
    await issue(owner, family);
    expect(await sessions.revoke(other, family)).toBe(false);
    expect((await sessions.listLive(owner, { limit: 10, offset: 0 })).total).toBe(1);
    expect(await sessions.revoke(owner, family)).toBe(true);
    expect(await sessions.revoke(owner, family)).toBe(false);
    expect((await sessions.listLive(owner, { limit: 10, offset: 0 })).total).toBe(0);
  });

  it('revokes all families of the user but the one kept, counting families, not tokens', async () => {
    const [userId, bystander] = [await repo.seed.user(), await repo.seed.user()];
    const [kept, a, b] = [randomUUID(), randomUUID(), randomUUID()];
    await consume(await issue(userId, a));
    await issue(userId, a);
    await issue(userId, b);
    await issue(userId, kept);
    await issue(bystander, randomUUID());

    expect(await sessions.revokeAll(userId, kept)).toBe(2);
    expect((await sessions.listLive(userId, { limit: 10, offset: 0 })).items.map((s) => s.id)).toEqual([kept]);
    expect(await sessions.revokeAll(userId, null)).toBe(1);
    expect((await sessions.listLive(bystander, { limit: 10, offset: 0 })).total).toBe(1);
  });

  it('revokes within the caller’s transaction: a rollback keeps every session', async () => {
    const userId = await repo.seed.user();
    await issue(userId, randomUUID());
    expect(await rolledBack(repo.transactions, (tx) => sessions.revokeAll(userId, null, tx))).toBe(1);
    expect((await sessions.listLive(userId, { limit: 10, offset: 0 })).total).toBe(1);
  });

  it('counts the active administrators it locks', async () => {
    const accounts = repo.get(AccountsRepository);
    const before = await repo.transactions.run((tx) => accounts.lockActiveAdmins(tx));
    const admin = await repo.seed.user({ role: 'admin' });
    await repo.seed.user({ role: 'secretariat' });
    expect(await repo.transactions.run((tx) => accounts.lockActiveAdmins(tx))).toBe(before + 1);
    await repo.db.query('UPDATE users SET active = false WHERE id = $1', [admin]);
    expect(await repo.transactions.run((tx) => accounts.lockActiveAdmins(tx))).toBe(before);
  });
});
