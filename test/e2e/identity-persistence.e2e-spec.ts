import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PASSWORD, adminToken, createStaff, uniqueEmail } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { expectProblem, organisationBody, problemFields, refresh, registerApplicant, signIn } from './identity.helpers';

/** What identity leaves in the database: secrets only as hashes, an audit trail of changes. */
describe('identity persistence', () => {
  let api: TestApi;
  let db: DataSource;

  beforeAll(async () => {
    api = await TestApi.start();
    db = api.app.get(DataSource);
  });
  afterAll(() => api.close());

  async function userRow(email: string): Promise<{ id: string; email: string; password_hash: string }> {
    const rows = (await db.query('SELECT id, email, password_hash FROM users WHERE lower(email) = lower($1)', [
      email,
    ])) as Array<{ id: string; email: string; password_hash: string }>;
    expect(rows).toHaveLength(1);
    return rows[0]!;
  }

  it('stores passwords as argon2id hashes, never the password itself', async () => {
    const applicant = await registerApplicant(api);
    const evaluator = await createStaff(api, 'evaluator');

    for (const email of [applicant.email, evaluator.email]) {
      const row = await userRow(email);
      expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$/);
      expect(row.password_hash).not.toContain(PASSWORD);
    }
  });

  it('stores a sign-up e-mail trimmed and in lower case', async () => {
    const email = uniqueEmail('Trimmed');
    const res = await api.post('/api/v1/auth/register', {
      body: { email: `  ${email.toUpperCase()} `, password: PASSWORD, displayName: '  Padded name ' },
    });

    expect(res.status).toBe(201);
    expect((await userRow(email)).email).toBe(email.toLowerCase());
    const me = await api.get('/api/v1/me', { token: (await signIn(api, email)).accessToken });
    expect(me.body.displayName).toBe('Padded name');
  });

  it('stores refresh tokens only as hashes, and marks a rotated one used', async () => {
    const applicant = await registerApplicant(api);
    const first = await signIn(api, applicant.email);
    const second = (await refresh(api, first.refreshToken)).body as { refreshToken: string };

    const rows = (await db.query(
      'SELECT token_hash, family_id, used_at, revoked_at FROM refresh_tokens WHERE user_id = $1 ORDER BY expires_at',
      [applicant.id],
    )) as Array<{ token_hash: string; family_id: string; used_at: Date | null; revoked_at: Date | null }>;

    const stored = JSON.stringify(rows);
    for (const plaintext of [first.refreshToken, second.refreshToken]) expect(stored).not.toContain(plaintext);
    for (const row of rows) expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    // registerApplicant signed in once, then signIn once more and one refresh: three tokens, two families.
    expect(rows).toHaveLength(3);
    const family = rows.filter((r) => r.family_id === rows[2]!.family_id);
    expect(family).toHaveLength(2);
    expect(family.map((r) => r.used_at === null)).toEqual([false, true]);
    expect(rows.every((r) => r.revoked_at === null)).toBe(true);
  });

  it('revokes in the database every token of a family whose spent token is replayed', async () => {
    const applicant = await registerApplicant(api);
    const first = await signIn(api, applicant.email);
    const second = (await refresh(api, first.refreshToken)).body as { refreshToken: string };

    expectProblem(await refresh(api, first.refreshToken), 401, 'INVALID_REFRESH_TOKEN');

    const [{ live }] = (await db.query(
      `SELECT count(*)::int AS live FROM refresh_tokens t
       WHERE t.user_id = $1 AND t.revoked_at IS NULL
         AND t.family_id = (SELECT family_id FROM refresh_tokens WHERE user_id = $1 AND used_at IS NOT NULL)`,
      [applicant.id],
    )) as Array<{ live: number }>;
    expect(live).toBe(0);
    expectProblem(await refresh(api, second.refreshToken), 401, 'INVALID_REFRESH_TOKEN');
  });

  describe('audit of organisations', () => {
    it('records organisation.created with the actor and the request id of the creating request', async () => {
      const applicant = await registerApplicant(api);
      const requestId = `org-create-${randomUUID()}`;
      const created = await api.post('/api/v1/organisations', {
        token: applicant.token,
        body: organisationBody({ countryCode: 'KZ', name: 'Almaty Tech Garden' }),
        headers: { 'X-Request-Id': requestId },
      });
      expect(created.status).toBe(201);

      const res = await api.get('/api/v1/audit-events', {
        token: await adminToken(api),
        query: { entityType: 'organisation', entityId: created.body.id },
      });

      expect(res.status).toBe(200);
      expect(res.body.total).toBe(1);
      expect(res.body.items[0]).toMatchObject({
        action: 'organisation.created',
        entityType: 'organisation',
        entityId: created.body.id,
        actorId: applicant.id,
        requestId,
        after: { name: 'Almaty Tech Garden', countryCode: 'KZ', type: 'innovation_hub' },
      });
    });

    it('records nothing when the creation is refused', async () => {
      const applicant = await registerApplicant(api);
      const refused = await api.post('/api/v1/organisations', {
        token: applicant.token,
        body: organisationBody({ countryCode: 'XX' }),
      });
      expectProblem(refused, 400, 'VALIDATION_FAILED');

      const [{ count }] = (await db.query(
        "SELECT count(*)::int AS count FROM audit_events WHERE actor_id = $1 AND action = 'organisation.created'",
        [applicant.id],
      )) as Array<{ count: number }>;
      expect(count).toBe(0);
    });

    it('is readable by the secretariat, not by applicants, and validates its filters', async () => {
      const secretariat = await createStaff(api, 'secretariat');
      const applicant = await registerApplicant(api);
      const list = (token: string, query: Record<string, string | number>) =>
        api.get('/api/v1/audit-events', { token, query });

      expect((await list(secretariat.token, { entityType: 'organisation', limit: 1 })).status).toBe(200);
      expectProblem(await list(applicant.token, {}), 403, 'FORBIDDEN');
      const invalid = await list(secretariat.token, { entityId: 'nope', limit: 501 });
      expectProblem(invalid, 400, 'VALIDATION_FAILED');
      expect(problemFields(invalid).sort()).toEqual(['entityId', 'limit']);
    });
  });
});
