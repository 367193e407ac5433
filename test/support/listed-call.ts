import type { Client } from 'pg';
import { connectDb } from './calls-e2e';

/** Who applied, what became of it and, for the ranked ones, the results; in order of creation. */
export const SEED = [
  {
    name: 'Nairobi Innovation Hub',
    city: 'Nairobi',
    country: 'KE',
    region: 'AFR',
    status: 'submitted',
    eligible: true,
    override: null,
    result: { rank: 2, score: 80, raw: 70, spread: 10 },
  },
  {
    name: 'Dakar Tech Lab',
    city: 'Dakar',
    country: 'SN',
    region: 'AFR',
    status: 'submitted',
    eligible: false,
    override: true,
    result: { rank: 1, score: 90, raw: 60, spread: 5 },
  },
  {
    name: 'Lyon Accelerator',
    city: 'Lyon',
    country: 'FR',
    region: 'EUR',
    status: 'submitted',
    eligible: false,
    override: null,
    result: { rank: 3, score: 70, raw: 80, spread: 30 },
  },
  {
    name: 'Quito 100% Startups',
    city: null,
    country: 'EC',
    region: 'AMS',
    status: 'draft',
    eligible: null,
    override: null,
    result: null,
  },
  {
    name: 'nairobi garage',
    city: 'Mombasa',
    country: 'KE',
    region: 'AFR',
    status: 'withdrawn',
    eligible: true,
    override: null,
    result: null,
  },
] as const;

export type SeededName = (typeof SEED)[number]['name'];

/**
 * A closed call whose applications are those of SEED, created a minute apart in its order and
 * submitted in the reverse order, the ranked ones with results; written straight to the database
 * so that every figure is known. Answers the call's id and each application's id by organisation.
 */
export async function seedListedCall(createdBy: string): Promise<{ callId: string; ids: Map<SeededName, string> }> {
  const ids = new Map<SeededName, string>();
  let callId: string;
  const db = await connectDb();
  try {
    callId = await insertListedCall(db);
    for (const [index, seed] of SEED.entries()) {
      const organisation = await db.query<{ id: string }>(
        `INSERT INTO organisations (name, country_code, type, city) VALUES ($1, $2, 'academia', $3) RETURNING id`,
        [seed.name, seed.country, seed.city],
      );
      const submitted = seed.status !== 'draft';
      const application = await db.query<{ id: string }>(
        `INSERT INTO applications (call_id, organisation_id, country_code, region, status, eligibility,
                                   eligibility_override, submitted_at, withdrawn_at, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now() - make_interval(mins => 60 - $11::int))
         RETURNING id`,
        [
          callId,
          organisation.rows[0].id,
          seed.country,
          seed.region,
          seed.status,
          seed.eligible === null ? null : { eligible: seed.eligible, reasons: [] },
          seed.override === null ? null : { eligible: seed.override, reason: 'Decided by the secretariat' },
          submitted ? new Date(Date.now() - index * 60_000) : null,
          seed.status === 'withdrawn' ? new Date() : null,
          createdBy,
          index,
        ],
      );
      ids.set(seed.name, application.rows[0].id);
      if (seed.result) {
        const { rank, score, raw, spread } = seed.result;
        await db.query(
          `INSERT INTO application_results (application_id, call_id, raw_score, normalized_score, score,
                                            evaluation_count, spread, std_dev, needs_moderation, rank)
           VALUES ($1, $2, $3, $3, $4, 3, $5::float8, $5::float8 / 2, $5::float8 > 20, $6)`,
          [application.rows[0].id, callId, raw, score, spread, rank],
        );
      }
    }
  } finally {
    await db.end();
  }
  return { callId, ids };
}

/** A call that closed yesterday, of two seats, scored without normalisation; answers its id. */
async function insertListedCall(db: Client): Promise<string> {
  const inserted = await db.query<{ id: string }>(
    `INSERT INTO calls (reference, title, opens_at, closes_at, cohort_size, evaluators_per_application, scoring)
     VALUES ('LIST-' || gen_random_uuid(), 'A listed call', now() - interval '30 days', now() - interval '1 day',
             2, 3, '{"scaleMin": 0, "scaleMax": 10, "normalization": "none", "disagreementThreshold": 30}')
     RETURNING id`,
  );
  return inserted.rows[0].id;
}

/**
 * A closed call of `count` submitted, eligible and ranked applications, written straight to the
 * database in one statement: "Ranked centre 001" ranks first, and so on, the score falling by half a
 * point a rank while the spread cycles, so that ordering by spread is not the rank's order.
 */
export async function seedRankedCall(createdBy: string, count: number): Promise<string> {
  const db = await connectDb();
  try {
    const callId = await insertListedCall(db);
    await db.query(
      `WITH centres AS (
         INSERT INTO organisations (name, country_code, type, city)
         SELECT 'Ranked centre ' || lpad(n::text, 3, '0'), 'KE', 'academia', 'Nairobi' FROM generate_series(1, $2) n
         RETURNING id, right(name, 3)::int AS n
       ), applied AS (
         INSERT INTO applications (call_id, organisation_id, country_code, region, status, eligibility, submitted_at,
                                   created_by)
         SELECT $1, id, 'KE', 'AFR', 'submitted', '{"eligible": true, "reasons": []}', now() - interval '2 days', $3
           FROM centres
         RETURNING id, organisation_id
       )
       INSERT INTO application_results (application_id, call_id, raw_score, normalized_score, score, evaluation_count,
                                        spread, std_dev, needs_moderation, rank)
       SELECT a.id, $1, 90 - c.n * 0.5, 90 - c.n * 0.5, 90 - c.n * 0.5, 3, (c.n * 37) % 50, (c.n * 37) % 50 / 2.0,
              (c.n * 37) % 50 > 30, c.n
         FROM applied a JOIN centres c ON c.id = a.organisation_id`,
      [callId, count, createdBy],
    );
    return callId;
  } finally {
    await db.end();
  }
}
