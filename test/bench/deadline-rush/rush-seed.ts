import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';

/**
 * The rush's data, loaded set-based in SQL: N applicant organisations, each with one applicant and a
 * live session, and a complete draft (answers given, its one required document not yet attached) in
 * every call of the bench. Access tokens are signed here as sign-in would sign them, so that no
 * password hashing runs in the bench.
 */

/** The document kind each call requires before a submission is accepted. */
export const REQUIRED_KIND = 'business_plan';

/** The bench's calls: one per run, so that every run starts from untouched drafts. */
export const RUSH_CALLS = ['project', 'floor', 'deadline', 'overload'] as const;
export type RushCall = (typeof RUSH_CALLS)[number];

export interface Applicant {
  userId: string;
  token: string;
  /** The applicant's draft in each call. */
  drafts: Record<RushCall, string>;
}

export interface RushData {
  callIds: Record<RushCall, string>;
  references: Record<RushCall, string>;
  applicants: Applicant[];
}

const ANSWERS = {
  programme: 'A twelve-week programme for early-stage start-ups in digital health and agritech.',
  partner: 'Ministry of ICT',
};

export async function seed(db: Client, jwtSecret: string, applicants: number): Promise<RushData> {
  await db.query('BEGIN');
  await db.query(
    `INSERT INTO organisations (name, country_code, type, city)
     SELECT format('Rush hub %s', i), 'KE', 'innovation_hub', 'Nairobi' FROM generate_series(1, $1) i`,
    [applicants],
  );
  await db.query(
    `INSERT INTO users (email, password_hash, role, display_name, organisation_id, country_code)
     SELECT format('applicant-%s@rush.example', o.id), 'not-a-hash', 'applicant', 'Rush applicant', o.id, 'KE'
     FROM organisations o`,
  );
  await db.query(
    `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
     SELECT id, gen_random_uuid(), encode(sha256(id::text::bytea), 'hex'), now() + interval '1 day' FROM users`,
  );
  // Open, closing in a day: each run moves its call's deadline to the moment the run needs.
  await db.query(
    `INSERT INTO calls (reference, title, description, status, opens_at, closes_at, cohort_size,
                        evaluators_per_application, eligibility, selection, scoring)
     SELECT format('RUSH/%s', name), format('Call for accelerator centres (%s)', name),
            'Join the network of accelerator centres.', 'open', now() - interval '1 day', now() + interval '1 day',
            10, 1, jsonb_build_object('requiredDocuments', jsonb_build_array($2::text)), '{"maxPerCountry": 3}',
            '{"scaleMin": 0, "scaleMax": 10, "normalization": "none"}'
     FROM unnest($1::text[]) name`,
    [RUSH_CALLS, REQUIRED_KIND],
  );
  await db.query(
    `INSERT INTO criteria (call_id, code, title, description, weight, position)
     SELECT id, 'IMPACT', 'Impact', 'What the evaluators look at', 1, 1 FROM calls`,
  );
  await db.query(
    `INSERT INTO questions (call_id, key, label, type, required, max_length, position)
     SELECT c.id, q.key, q.label, q.type, true, q.max_length, q.position
     FROM calls c, (VALUES ('programme', 'Describe your programme', 'longtext', 2000, 1),
                           ('partner', 'Main public partner', 'text', NULL, 2)) AS q (key, label, type, max_length, position)`,
  );
  await db.query(
    `INSERT INTO applications (call_id, organisation_id, country_code, region, status, answers, created_by)
     SELECT c.id, o.id, o.country_code, k.region, 'draft', $1, u.id
     FROM calls c CROSS JOIN organisations o JOIN countries k ON k.code = o.country_code
     JOIN users u ON u.organisation_id = o.id`,
    [JSON.stringify(ANSWERS)],
  );
  await db.query('COMMIT');
  await db.query('VACUUM ANALYZE');
  return read(db, jwtSecret);
}

async function read(db: Client, jwtSecret: string): Promise<RushData> {
  const calls = await db.query<{ id: string; reference: string }>('SELECT id, reference FROM calls');
  const callOf = new Map(calls.rows.map((c) => [c.id, c.reference.replace('RUSH/', '') as RushCall]));
  const callIds = Object.fromEntries([...callOf].map(([id, name]) => [name, id])) as Record<RushCall, string>;
  const references = Object.fromEntries(RUSH_CALLS.map((name) => [name, `RUSH/${name}`])) as Record<RushCall, string>;
  const tokens = await signedTokens(db, jwtSecret);
  const { rows } = await db.query<{ id: string; call_id: string; created_by: string }>(
    'SELECT id, call_id, created_by FROM applications ORDER BY created_by, call_id',
  );
  const byUser = new Map<string, Applicant>();
  for (const row of rows) {
    const applicant = byUser.get(row.created_by) ?? {
      userId: row.created_by,
      token: tokens.get(row.created_by) as string,
      drafts: {} as Record<RushCall, string>,
    };
    applicant.drafts[callOf.get(row.call_id) as RushCall] = row.id;
    byUser.set(row.created_by, applicant);
  }
  return { callIds, references, applicants: [...byUser.values()] };
}

/** An access token per applicant, with the claims sign-in puts in one; valid for two hours. */
async function signedTokens(db: Client, jwtSecret: string): Promise<Map<string, string>> {
  const jwt = new JwtService({
    secret: createSecretKey(Buffer.from(jwtSecret)),
    signOptions: { expiresIn: 7200, algorithm: 'HS256' },
  });
  const { rows } = await db.query<{ id: string; role: string; family_id: string; token_version: number }>(
    'SELECT u.id, u.role, t.family_id, u.token_version FROM users u JOIN refresh_tokens t ON t.user_id = u.id',
  );
  return new Map(
    rows.map((r) => [r.id, jwt.sign({ sub: r.id, role: r.role, sid: r.family_id, ver: r.token_version })]),
  );
}
