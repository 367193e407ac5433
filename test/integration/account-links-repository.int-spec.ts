import { randomUUID } from 'node:crypto';
import { AccountLinkSigner } from '@app/platform';
import { AccountLinksService } from '../../libs/identity/src/application/account-links.service';
import { AccountLinksRepository } from '../../libs/identity/src/infrastructure/account-links.repository';
import { RepositoryDb, startRepositories } from '../support/repository-db';

/** Single-use account links on PostgreSQL: what is stored, and each refusal of `consume`. */

/** A call id as invitations carry them (the shared database's invitation list is checked against the contract). */
const PANEL_CALL = randomUUID();
describe('AccountLinksService and AccountLinksRepository on PostgreSQL', () => {
  let repo: RepositoryDb;
  let links: AccountLinksService;
  let signer: AccountLinkSigner;
  let userId: string;

  beforeAll(async () => {
    repo = await startRepositories([AccountLinksService, AccountLinksRepository]);
    links = repo.get(AccountLinksService);
    signer = repo.get(AccountLinkSigner);
    userId = await repo.seed.user({ role: 'evaluator' });
  });
  afterAll(() => repo.close());

  const issue = (purpose: 'invitation' | 'password_reset' = 'password_reset', ttlSeconds = 3600) =>
    repo.transactions.run((tx) => links.issue(tx, { purpose, userId, payload: { callIds: [PANEL_CALL] }, ttlSeconds }));
  const stored = async (id: string) =>
    (
      await repo.db.query(
        `SELECT token_hash AS "tokenHash", used_at AS "usedAt", revoked_at AS "revokedAt" FROM account_links WHERE id = $1`,
        [id],
      )
    )[0] as { tokenHash: string; usedAt: Date | null; revokedAt: Date | null };
  const consume = (token: string, purpose: 'invitation' | 'password_reset' = 'password_reset', forUser?: string) =>
    repo.transactions.run((tx) => links.consume(tx, purpose, token, { userId: forUser }));

  it('stores the SHA-256 of the token only, with the payload and the lifetime asked for', async () => {
    const link = await issue('invitation', 7 * 86_400);
    const token = signer.token(link.id);
    expect((await stored(link.id)).tokenHash).toBe(signer.tokenHash(token));
    expect((await stored(link.id)).tokenHash).not.toContain(token);
    expect(link).toMatchObject({ purpose: 'invitation', userId, payload: { callIds: [PANEL_CALL] }, usedAt: null });
    expect((link.expiresAt.getTime() - link.createdAt.getTime()) / 86_400_000).toBeCloseTo(7, 5);
  });

  it('uses a link once; a second use, even concurrent, is LINK_USED', async () => {
    const link = await issue();
    const token = signer.token(link.id);
    const results = await Promise.allSettled([consume(token), consume(token)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ code: 'LINK_USED' });
    expect((await stored(link.id)).usedAt).toBeInstanceOf(Date);
  });

  it('refuses, writing nothing, a token of another purpose or user, an unknown, an expired and a revoked one', async () => {
    const link = await issue();
    const token = signer.token(link.id);
    await expect(consume(token, 'invitation')).rejects.toMatchObject({ code: 'LINK_INVALID' });
    await expect(consume(token, 'password_reset', '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'LINK_WRONG_USER',
    });
    await expect(consume('unknown-token')).rejects.toMatchObject({ code: 'LINK_INVALID' });
    expect(await stored(link.id)).toMatchObject({ usedAt: null, revokedAt: null });

    await repo.db.query(`UPDATE account_links SET expires_at = now() - interval '1 second' WHERE id = $1`, [link.id]);
    await expect(consume(token)).rejects.toMatchObject({ code: 'LINK_EXPIRED' });
    await expect(links.check('password_reset', token)).rejects.toMatchObject({ code: 'LINK_EXPIRED' });

    const revoked = await issue();
    expect(await repo.transactions.run((tx) => links.revoke(tx, [revoked.id]))).toEqual([revoked.id]);
    expect(await repo.transactions.run((tx) => links.revoke(tx, [revoked.id]))).toEqual([]);
    await expect(consume(signer.token(revoked.id))).rejects.toMatchObject({ code: 'LINK_REVOKED' });
    expect((await stored(revoked.id)).usedAt).toBeNull();
  });

  it('reissues a new link with the same payload and revokes the old one; revokeAllOf ends every unused link', async () => {
    const first = await issue('invitation');
    const second = await repo.transactions.run((tx) => links.reissue(tx, first, { ttlSeconds: 60 }));
    expect(second).toMatchObject({ purpose: 'invitation', userId, payload: first.payload });
    expect(second.id).not.toBe(first.id);
    expect((await stored(first.id)).revokedAt).toBeInstanceOf(Date);
    expect((await stored(second.id)).revokedAt).toBeNull();

    const ended = await repo.transactions.run((tx) => links.revokeAllOf(tx, userId, 'invitation'));
    expect(ended).toBeGreaterThanOrEqual(1);
    expect((await stored(second.id)).revokedAt).toBeInstanceOf(Date);
  });

  it('lists links of a purpose by status, newest first, with the total', async () => {
    const other = await repo.seed.user({ role: 'evaluator' });
    const made = await repo.transactions.run(async (tx) => [
      await links.issue(tx, { purpose: 'email_verification', userId: other, ttlSeconds: 60 }),
      await links.issue(tx, { purpose: 'email_verification', userId: other, ttlSeconds: 60 }),
    ]);
    await repo.transactions.run((tx) => links.revoke(tx, [made[0].id]));
    const revoked = await links.list({ purpose: 'email_verification', status: 'revoked', limit: 500, offset: 0 });
    expect(revoked.items.map((l) => l.id)).toContain(made[0].id);
    expect(revoked.items.map((l) => l.id)).not.toContain(made[1].id);
    expect(revoked.items.every((l) => l.status === 'revoked')).toBe(true);
    const past = await links.list({ purpose: 'email_verification', limit: 10, offset: 1_000_000 });
    expect(past.items).toEqual([]);
    expect(past.total).toBeGreaterThanOrEqual(2);
  });
});
