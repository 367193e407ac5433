import { createHash, randomUUID } from 'node:crypto';
import { sql } from '../support/applications';
import { Actor, adminToken, callBody, createStaff } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { expectProblem, problemFields, registerApplicant } from './identity.helpers';

const DAY = 24 * 60 * 60 * 1000;
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

interface CreatedToken {
  id: string;
  secret: string;
}

/** Personal API tokens: created by the staff for integrations, scoped, expiring, revocable, audited by name. */
describe('personal API tokens', () => {
  let api: TestApi;
  let admin: string;
  let owner: Actor;

  beforeAll(async () => {
    api = await TestApi.start();
    admin = await adminToken(api);
    owner = await createStaff(api, 'secretariat');
  });
  afterAll(() => api.close());

  const tokensOf = (userId: string) =>
    sql<{ n: string }>(api, 'SELECT count(*) AS n FROM api_tokens WHERE user_id = $1', [userId]).then((rows) =>
      Number(rows[0]!.n),
    );
  const createToken = async (
    token: string,
    body: { name?: string; scopes?: string[]; expiresAt?: string } = {},
  ): Promise<CreatedToken> => {
    const res = await api.post('/api/v1/me/api-tokens', {
      token,
      body: { name: `integration ${randomUUID().slice(0, 8)}`, scopes: ['read'], expiresAt: inDays(30), ...body },
    });
    if (res.status !== 201) throw new Error(`create token failed: ${res.status} ${JSON.stringify(res.body)}`);
    return { id: res.body.token.id, secret: res.body.secret };
  };
  const listTokens = (token: string) => api.get('/api/v1/me/api-tokens', { token, query: { limit: 500 } });

  it('answers the secret once, stores only its SHA-256, and lists the token without it', async () => {
    const res = await api.post('/api/v1/me/api-tokens', {
      token: owner.token,
      body: { name: '  Grants CRM sync  ', scopes: ['read', 'calls:write'], expiresAt: inDays(90) },
    });
    expect(res.status).toBe(201);
    const secret = res.body.secret as string;
    expect(secret).toMatch(/^bdt_pat_[A-Za-z0-9_-]{43}$/);
    expect(res.body.token).toMatchObject({
      name: 'Grants CRM sync',
      scopes: ['read', 'calls:write'],
      prefix: secret.slice(0, 14),
      lastUsedAt: null,
      revokedAt: null,
    });

    const [row] = await sql<{ token_hash: string; user_id: string }>(
      api,
      'SELECT token_hash, user_id FROM api_tokens WHERE id = $1',
      [res.body.token.id],
    );
    expect(row).toEqual({ token_hash: createHash('sha256').update(secret).digest('hex'), user_id: owner.id });
    const stored = await sql(api, 'SELECT * FROM api_tokens WHERE id = $1', [res.body.token.id]);
    expect(JSON.stringify(stored)).not.toContain(secret.slice(14));

    const list = await listTokens(owner.token);
    expect(list.status).toBe(200);
    expect(list.body.items.map((t: { id: string }) => t.id)).toContain(res.body.token.id);
    expect(JSON.stringify(list.body)).not.toContain(secret.slice(14));
    expect(list.body.total).toBe(list.body.items.length);

    const audit = await api.get('/api/v1/audit-events', {
      token: admin,
      query: { entityType: 'api_token', entityId: res.body.token.id },
    });
    expect(audit.body.items).toMatchObject([{ action: 'api_token.created', actorId: owner.id, apiTokenName: null }]);
  });

  it('reads with the owner’s rights and shows when it was last used', async () => {
    const { id, secret } = await createToken(owner.token);
    const calls = await api.get('/api/v1/calls', { token: secret });
    expect(calls.status).toBe(200);
    expect((await api.get('/api/v1/users', { token: secret })).status).toBe(403);

    const listed = (await listTokens(owner.token)).body.items.find((t: { id: string }) => t.id === id);
    expect(listed.lastUsedAt).toEqual(expect.any(String));
    expect(Math.abs(Date.parse(listed.lastUsedAt) - Date.now())).toBeLessThan(60_000);
  });

  it('writes only in the areas of its scopes, and each write it makes is audited with its name', async () => {
    const readOnly = await createToken(owner.token, { scopes: ['read'] });
    const applicationsOnly = await createToken(owner.token, { scopes: ['applications:write'] });
    const reference = `TOKEN/${randomUUID().slice(0, 8)}`;
    const countCalls = async () =>
      Number(
        (await sql<{ n: string }>(api, 'SELECT count(*) AS n FROM calls WHERE reference = $1', [reference]))[0]!.n,
      );

    for (const token of [readOnly, applicationsOnly]) {
      const refused = await api.post('/api/v1/calls', { token: token.secret, body: callBody({ reference }) });
      expectProblem(refused, 403, 'INSUFFICIENT_SCOPE');
    }
    expect(await countCalls()).toBe(0);

    const name = `Call importer ${randomUUID().slice(0, 8)}`;
    const writer = await createToken(owner.token, { name, scopes: ['calls:write'] });
    const created = await api.post('/api/v1/calls', { token: writer.secret, body: callBody({ reference }) });
    expect(created.status).toBe(201);
    expect(await countCalls()).toBe(1);

    const audit = await api.get('/api/v1/audit-events', {
      token: owner.token,
      query: { entityType: 'call', entityId: created.body.id },
    });
    expect(audit.body.items).toEqual([
      expect.objectContaining({ actorId: owner.id, apiTokenId: writer.id, apiTokenName: name }),
    ]);
  });

  it('never grants more than its owner has: an evaluator-only write stays refused to a secretariat token', async () => {
    const { secret } = await createToken(owner.token, { scopes: ['scoring:write'] });
    const res = await api.post(`/api/v1/assignments/${randomUUID()}/decline`, { token: secret, body: {} });
    expectProblem(res, 403, 'FORBIDDEN');
  });

  it('never reaches the account or token routes, even with every scope', async () => {
    const all = await createToken(owner.token, {
      scopes: ['read', 'calls:write', 'applications:write', 'scoring:write'],
    });
    const before = await tokensOf(owner.id);
    expectProblem(await api.get('/api/v1/me', { token: all.secret }), 403, 'INSUFFICIENT_SCOPE');
    expectProblem(
      await api.patch('/api/v1/me', { token: all.secret, body: { displayName: 'Changed by a token' } }),
      403,
      'INSUFFICIENT_SCOPE',
    );
    expectProblem(await listTokens(all.secret), 403, 'INSUFFICIENT_SCOPE');
    expectProblem(
      await api.post('/api/v1/me/api-tokens', {
        token: all.secret,
        body: { name: 'minted by a token', scopes: ['read'], expiresAt: inDays(1) },
      }),
      403,
      'INSUFFICIENT_SCOPE',
    );
    expectProblem(
      await api.delete(`/api/v1/me/api-tokens/${all.id}`, { token: all.secret }),
      403,
      'INSUFFICIENT_SCOPE',
    );
    expect(await tokensOf(owner.id)).toBe(before);
    const [row] = await sql<{ revoked_at: Date | null }>(api, 'SELECT revoked_at FROM api_tokens WHERE id = $1', [
      all.id,
    ]);
    expect(row!.revoked_at).toBeNull();
    const [user] = await sql<{ display_name: string }>(api, 'SELECT display_name FROM users WHERE id = $1', [owner.id]);
    expect(user!.display_name).not.toBe('Changed by a token');
  });

  it('is refused from the request after its revocation; revoking again changes nothing; others’ tokens are not found', async () => {
    const { id, secret } = await createToken(owner.token);
    expect((await api.get('/api/v1/calls', { token: secret })).status).toBe(200);

    const other = await createStaff(api, 'secretariat');
    expectProblem(await api.delete(`/api/v1/me/api-tokens/${id}`, { token: other.token }), 404, 'NOT_FOUND');
    expect((await api.get('/api/v1/calls', { token: secret })).status).toBe(200);

    expect((await api.delete(`/api/v1/me/api-tokens/${id}`, { token: owner.token })).status).toBe(204);
    expectProblem(await api.get('/api/v1/calls', { token: secret }), 401, 'INVALID_API_TOKEN');
    expectProblem(await api.get('/api/v1/public/cohorts', { token: secret }), 401, 'INVALID_API_TOKEN');

    const [{ revoked_at: revokedAt }] = await sql<{ revoked_at: Date }>(
      api,
      'SELECT revoked_at FROM api_tokens WHERE id = $1',
      [id],
    );
    expect((await api.delete(`/api/v1/me/api-tokens/${id}`, { token: owner.token })).status).toBe(204);
    const [again] = await sql<{ revoked_at: Date }>(api, 'SELECT revoked_at FROM api_tokens WHERE id = $1', [id]);
    expect(again!.revoked_at).toEqual(revokedAt);
    const revocations = await api.get('/api/v1/audit-events', {
      token: admin,
      query: { entityType: 'api_token', entityId: id },
    });
    expect(revocations.body.items.map((e: { action: string }) => e.action)).toEqual([
      'api_token.created',
      'api_token.revoked',
    ]);
  });

  it('is refused once expired, and when malformed or unknown', async () => {
    const { id, secret } = await createToken(owner.token);
    await sql(
      api,
      `UPDATE api_tokens SET created_at = now() - interval '2 days', expires_at = now() - interval '1 second' WHERE id = $1`,
      [id],
    );
    expectProblem(await api.get('/api/v1/calls', { token: secret }), 401, 'INVALID_API_TOKEN');
    expectProblem(await api.get('/api/v1/calls', { token: `bdt_pat_${'A'.repeat(43)}` }), 401, 'INVALID_API_TOKEN');
    expectProblem(await api.get('/api/v1/calls', { token: 'bdt_pat_short' }), 401, 'INVALID_API_TOKEN');
  });

  it('is refused once its owner is deactivated', async () => {
    const member = await createStaff(api, 'secretariat');
    const { secret } = await createToken(member.token);
    expect((await api.get('/api/v1/calls', { token: secret })).status).toBe(200);
    const deactivated = await api.patch(`/api/v1/users/${member.id}`, { token: admin, body: { active: false } });
    expect(deactivated.status).toBe(200);
    expectProblem(await api.get('/api/v1/calls', { token: secret }), 401, 'INVALID_API_TOKEN');
  });

  it('is for the secretariat and admins only: applicants and evaluators create none', async () => {
    const applicant = await registerApplicant(api);
    const evaluator = await createStaff(api, 'evaluator');
    for (const caller of [applicant, evaluator]) {
      const res = await api.post('/api/v1/me/api-tokens', {
        token: caller.token,
        body: { name: 'mine', scopes: ['read'], expiresAt: inDays(1) },
      });
      expectProblem(res, 403, 'FORBIDDEN');
      expectProblem(await listTokens(caller.token), 403, 'FORBIDDEN');
      expect(await tokensOf(caller.id)).toBe(0);
    }
    expect((await createToken(admin)).secret).toMatch(/^bdt_pat_/);
  });

  it('refuses a past or too distant expiry, unknown or no scopes, and an empty name, creating nothing', async () => {
    const member = await createStaff(api, 'secretariat');
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ expiresAt: new Date(Date.now() - 1000).toISOString() }, 'expiresAt'],
      [{ expiresAt: inDays(367) }, 'expiresAt'],
      [{ expiresAt: 'next week' }, 'expiresAt'],
      [{ scopes: [] }, 'scopes'],
      [{ scopes: ['admin'] }, 'scopes'],
      [{ scopes: 'read' }, 'scopes'],
      [{ name: '   ' }, 'name'],
      [{ name: 'x'.repeat(101) }, 'name'],
    ];
    for (const [change, field] of cases) {
      const res = await api.post('/api/v1/me/api-tokens', {
        token: member.token,
        body: { name: 'sync', scopes: ['read'], expiresAt: inDays(30), ...change },
      });
      expectProblem(res, 400, 'VALIDATION_FAILED');
      expect(problemFields(res)).toContain(field);
    }
    expect(await tokensOf(member.id)).toBe(0);
    expect((await createToken(member.token, { expiresAt: inDays(365) })).secret).toMatch(/^bdt_pat_/);
  });

  it('lists in pages with their total', async () => {
    const member = await createStaff(api, 'secretariat');
    const ids = [];
    for (let i = 0; i < 3; i++) ids.push((await createToken(member.token)).id);
    const first = await api.get('/api/v1/me/api-tokens', { token: member.token, query: { limit: 2 } });
    const second = await api.get('/api/v1/me/api-tokens', { token: member.token, query: { limit: 2, offset: 2 } });
    const past = await api.get('/api/v1/me/api-tokens', { token: member.token, query: { limit: 2, offset: 5 } });
    expect([first.body.total, second.body.total, past.body.total]).toEqual([3, 3, 3]);
    expect([...first.body.items, ...second.body.items].map((t: { id: string }) => t.id).sort()).toEqual(ids.sort());
    expect(past.body.items).toEqual([]);
  });
});
