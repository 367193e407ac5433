import { createHash, randomUUID } from 'node:crypto';
import { RefreshTokenEntity, UserEntity } from '../../libs/identity/src/infrastructure/identity.entities';
import { RefreshTokensRepository } from '../../libs/identity/src/infrastructure/refresh-tokens.repository';
import { RepositoryDb, startRepositories } from '../support/repository-db';

describe('RefreshTokensRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let tokens: RefreshTokensRepository;
  let userId: string;

  beforeAll(async () => {
    repo = await startRepositories([RefreshTokensRepository], [RefreshTokenEntity, UserEntity]);
    tokens = repo.get(RefreshTokensRepository);
    userId = await repo.seed.user();
  });
  afterAll(() => repo.close());

  const newHash = () => createHash('sha256').update(randomUUID()).digest('hex');

  /** Stores a token of the family (a new one unless given), expiring in `expiresInMs`; answers its hash. */
  async function issue(familyId: string = randomUUID(), expiresInMs = 60_000): Promise<string> {
    const tokenHash = newHash();
    await repo.transactions.run((tx) =>
      tokens.insert(tx, { userId, familyId, tokenHash, expiresAt: new Date(Date.now() + expiresInMs) }),
    );
    return tokenHash;
  }

  const consume = (tokenHash: string) => repo.transactions.run((tx) => tokens.consume(tx, tokenHash));

  it('consumes a live token once, answering its owner and family; a second use answers null', async () => {
    const familyId = randomUUID();
    const hash = await issue(familyId);

    expect(await consume(hash)).toEqual({ userId, familyId });
    expect(await consume(hash)).toBeNull();
    const [row] = (await repo.db.query(`SELECT used_at FROM refresh_tokens WHERE token_hash = $1`, [hash])) as Array<{
      used_at: Date | null;
    }>;
    expect(row.used_at).toBeInstanceOf(Date);
  });

  it('refuses to consume an unknown, an expired or a revoked token', async () => {
    expect(await consume(newHash())).toBeNull();
    expect(await consume(await issue(randomUUID(), -1_000))).toBeNull();
    const revoked = await issue();
    await tokens.revokeFamilyOf(revoked);
    expect(await consume(revoked)).toBeNull();
  });

  it('lets exactly one of many concurrent refreshes with the same token through', async () => {
    const hash = await issue();

    const outcomes = await Promise.all(Array.from({ length: 8 }, () => consume(hash)));

    expect(outcomes.filter((o) => o !== null)).toHaveLength(1);
  });

  it('refuses a second token with the same hash', async () => {
    const hash = await issue();
    await expect(
      repo.transactions.run((tx) =>
        tokens.insert(tx, { userId, familyId: randomUUID(), tokenHash: hash, expiresAt: new Date(Date.now() + 1000) }),
      ),
    ).rejects.toThrow();
  });

  it('revokes every token of the family, used or not, and none of another family', async () => {
    const familyId = randomUUID();
    const used = await issue(familyId);
    await consume(used);
    const next = await issue(familyId);
    const otherSession = await issue();

    // A used token presented again ends its whole session.
    expect(await tokens.revokeFamilyOf(used)).toEqual({ userId, familyId });

    expect(await consume(next)).toBeNull();
    expect(await consume(otherSession)).not.toBeNull();
    const rows = (await repo.db.query(`SELECT revoked_at FROM refresh_tokens WHERE family_id = $1`, [
      familyId,
    ])) as Array<{
      revoked_at: Date | null;
    }>;
    expect(rows).toHaveLength(2);
    expect(rows.every((r) => r.revoked_at instanceof Date)).toBe(true);
  });

  it('answers null and revokes nothing for an unknown token; revoking twice keeps the first time', async () => {
    expect(await tokens.revokeFamilyOf(newHash())).toBeNull();

    const hash = await issue();
    await tokens.revokeFamilyOf(hash);
    const revokedAt = async () =>
      (
        (await repo.db.query(`SELECT revoked_at FROM refresh_tokens WHERE token_hash = $1`, [hash])) as Array<{
          revoked_at: Date;
        }>
      )[0].revoked_at.getTime();
    const first = await revokedAt();
    expect(await tokens.revokeFamilyOf(hash)).toEqual({ userId, familyId: expect.any(String) });
    expect(await revokedAt()).toBe(first);
  });
});
