import { randomBytes } from 'node:crypto';
import { hashApiToken } from '@app/platform';
import type { ApiToken } from '../../libs/identity/src/domain/api-token';
import { ApiTokensRepository } from '../../libs/identity/src/infrastructure/api-tokens.repository';
import { RepositoryDb, startRepositories } from '../support/repository-db';

describe('ApiTokensRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let tokens: ApiTokensRepository;

  beforeAll(async () => {
    repo = await startRepositories([ApiTokensRepository]);
    tokens = repo.get(ApiTokensRepository);
  });
  afterAll(() => repo.close());

  const newToken = async (userId: string, name = 'sync', expiresAt = new Date(Date.now() + 86_400_000)) => {
    const secret = `bdt_pat_${randomBytes(32).toString('base64url')}`;
    const token = await repo.transactions.run((tx) =>
      tokens.insert(tx, {
        userId,
        name,
        scopes: ['read', 'calls:write'],
        tokenHash: hashApiToken(secret),
        prefix: secret.slice(0, 14),
        expiresAt,
      }),
    );
    return { token, secret };
  };
  const lastUsedAt = async (id: string) =>
    (
      (await repo.db.query('SELECT last_used_at FROM api_tokens WHERE id = $1', [id])) as Array<{
        last_used_at: Date | null;
      }>
    )[0]!.last_used_at;

  it('finds a token by its hash with its owner’s state, and says whether it is expired, revoked or worth touching', async () => {
    const userId = await repo.seed.user({ role: 'secretariat' });
    const { token, secret } = await newToken(userId);
    expect(token).toMatchObject({ name: 'sync', scopes: ['read', 'calls:write'], lastUsedAt: null, revokedAt: null });

    expect(await tokens.findByHash(hashApiToken(secret))).toEqual({
      id: token.id,
      name: 'sync',
      scopes: ['read', 'calls:write'],
      userId,
      role: 'secretariat',
      active: true,
      organisationId: null,
      expired: false,
      revoked: false,
      lastUseStale: true,
    });
    expect(await tokens.findByHash(hashApiToken(`${secret}x`))).toBeNull();

    await repo.db.query(
      `UPDATE api_tokens SET created_at = now() - interval '2 days', expires_at = now() - interval '1 day' WHERE id = $1`,
      [token.id],
    );
    await repo.transactions.run((tx) => tokens.revoke(tx, token.id));
    expect(await tokens.findByHash(hashApiToken(secret))).toMatchObject({ expired: true, revoked: true });
  });

  it('records a use at most once a minute', async () => {
    const userId = await repo.seed.user({ role: 'admin' });
    const { token, secret } = await newToken(userId);
    await tokens.touch(token.id);
    const first = await lastUsedAt(token.id);
    expect(first).toBeInstanceOf(Date);
    expect(await tokens.findByHash(hashApiToken(secret))).toMatchObject({ lastUseStale: false });

    await tokens.touch(token.id);
    expect(await lastUsedAt(token.id)).toEqual(first);

    await repo.db.query(`UPDATE api_tokens SET last_used_at = now() - interval '61 seconds' WHERE id = $1`, [token.id]);
    const backdated = (await lastUsedAt(token.id))!;
    expect(await tokens.findByHash(hashApiToken(secret))).toMatchObject({ lastUseStale: true });
    await tokens.touch(token.id);
    expect((await lastUsedAt(token.id))!.getTime()).toBeGreaterThanOrEqual(backdated.getTime() + 60_000);
    expect(await tokens.findByHash(hashApiToken(secret))).toMatchObject({ lastUseStale: false });
  });

  it('lists one user’s tokens only, newest first, in pages with their total, and locks only its own', async () => {
    const [owner, other] = [
      await repo.seed.user({ role: 'secretariat' }),
      await repo.seed.user({ role: 'secretariat' }),
    ];
    const created: ApiToken[] = [];
    for (const name of ['a', 'b', 'c']) created.push((await newToken(owner, name)).token);
    await newToken(other, 'theirs');

    const first = await tokens.list(owner, { limit: 2, offset: 0 });
    const rest = await tokens.list(owner, { limit: 2, offset: 2 });
    const past = await tokens.list(owner, { limit: 2, offset: 10 });
    expect([first.total, rest.total, past.total]).toEqual([3, 3, 3]);
    expect([...first.items, ...rest.items].map((t) => t.name)).toEqual(['c', 'b', 'a']);
    expect(past.items).toEqual([]);

    await repo.transactions.run(async (tx) => {
      expect(await tokens.lockOwn(tx, other, created[0]!.id)).toBeNull();
      expect(await tokens.lockOwn(tx, owner, created[0]!.id)).toMatchObject({ id: created[0]!.id, name: 'a' });
    });
  });
});
