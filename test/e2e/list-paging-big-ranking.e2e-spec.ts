import { connectDb } from '../support/calls-e2e';
import { secretariatOf } from '../support/evaluation-fixtures';
import { Actor } from '../support/fixtures';
import { TestApi } from '../support/test-app';

const RANKED = 70_000;

/**
 * The ranking of a call far larger than any page: read a page at a time in bounded work (the whole
 * ranking read at once, with a bind parameter per application, failed beyond 65,535 of them).
 */
describe('ranking of a call of 70,000 applications', () => {
  let api: TestApi;
  let secretariat: Actor;
  let callId: string;

  beforeAll(async () => {
    api = await TestApi.start();
    secretariat = await secretariatOf(api);
    // Seeded on a connection of the test's own: the API's connections cancel statements this long.
    const db = await connectDb();
    try {
      const call = await db.query<{ id: string }>(
        `INSERT INTO calls (reference, title, opens_at, closes_at, cohort_size, evaluators_per_application, scoring)
       VALUES ('BIG-' || gen_random_uuid(), 'A very large call', now() - interval '30 days', now() - interval '1 day',
               50, 3, '{"scaleMin": 0, "scaleMax": 10, "normalization": "none", "disagreementThreshold": 30}')
       RETURNING id`,
      );
      callId = call.rows[0].id;
      // Set-based: one statement seeds the organisations, their applications and a ranked result each.
      await db.query(
        `WITH organisations AS (
         INSERT INTO organisations (name, country_code, type)
         SELECT 'Big call centre ' || n || ' ' || $1::text, 'KE', 'academia' FROM generate_series(1, $2::int) n
         RETURNING id
       ), applications AS (
         INSERT INTO applications (call_id, organisation_id, country_code, region, status, submitted_at, created_by)
         SELECT $1::uuid, id, 'KE', 'AFR', 'submitted', now(), $3::uuid FROM organisations
         RETURNING id
       )
       INSERT INTO application_results (application_id, call_id, raw_score, normalized_score, score, evaluation_count,
                                        spread, std_dev, needs_moderation, rank)
       SELECT id, $1::uuid, 50, 50, 50, 3, 0, 0, false, row_number() OVER (ORDER BY id) FROM applications`,
        [callId, RANKED, secretariat.id],
      );
    } finally {
      await db.end();
    }
  }, 120_000);
  afterAll(() => api.close());

  it('answers the first page by default, with the whole count', async () => {
    const res = await api.get(`/api/v1/calls/${callId}/ranking`, { token: secretariat.token });

    expect(res.status).toBe(200);
    expect(res.body.total).toBe(RANKED);
    expect(res.body.items.map((item: { rank: number }) => item.rank)).toEqual(
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
  });

  it('answers the largest page at the end of the ranking, each with who applied', async () => {
    const res = await api.get(`/api/v1/calls/${callId}/ranking`, {
      token: secretariat.token,
      query: { limit: 500, offset: RANKED - 100 },
    });

    expect(res.status).toBe(200);
    expect(res.body.total).toBe(RANKED);
    const items = res.body.items as Array<{ rank: number; organisation: { name: string } }>;
    expect(items.map((item) => item.rank)).toEqual(Array.from({ length: 100 }, (_, i) => RANKED - 99 + i));
    expect(items.every((item) => item.organisation.name.startsWith('Big call centre '))).toBe(true);
  });

  it('answers an empty page past the end, still with the whole count', async () => {
    const res = await api.get(`/api/v1/calls/${callId}/ranking`, {
      token: secretariat.token,
      query: { offset: RANKED },
    });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ items: [], total: RANKED });
  });
});
