import { createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { Client } from 'pg';

/**
 * The HTTP bench's data, loaded set-based in SQL: open calls of 8 criteria and 5 questions, one
 * applicant organisation per row with a complete draft in every open call, and a closed call whose
 * submitted applications each have one evaluator. Access tokens are signed here as sign-in would
 * sign them (same secret, claims and live session), so that no password hashing runs in the bench.
 */

export const CRITERIA = 8;
export const DRAFT_ANSWERS = {
  programme: 'A twelve-week programme for early-stage start-ups in digital health and agritech.',
  partner: 'Ministry of ICT',
  startups: 24,
  focus: 'fintech',
  website: 'https://hub.example.org',
};
/** What an autosave sends: one answer changed (a partial draft, as a form saves it). */
export const AUTOSAVE_ANSWERS = { programme: DRAFT_ANSWERS.programme.replace('twelve', 'ten') };

const QUESTIONS = `(VALUES
  ('programme', 'Describe your programme', 'longtext', true, 2000, NULL::jsonb, 1),
  ('partner', 'Main public partner', 'text', true, NULL, NULL, 2),
  ('startups', 'Start-ups supported per year', 'number', false, NULL, NULL, 3),
  ('focus', 'Main sector', 'choice', false, NULL, '["fintech", "health", "agritech", "education"]', 4),
  ('website', 'Website', 'url', false, NULL, NULL, 5)) AS q (key, label, type, required, max_length, options, position)`;

export interface Owned {
  /** The application's or assignment's id. */
  id: string;
  token: string;
}

export interface HttpBenchData {
  /** Drafts of distinct organisations, read and autosaved. */
  drafts: Owned[];
  /** Drafts never touched otherwise, each submitted once. */
  submittable: Owned[];
  /** One assignment per evaluator, saved again and again. */
  assignments: Owned[];
}

export async function seed(
  db: Client,
  jwtSecret: string,
  size: { organisations: number; openCalls: number; evaluators: number },
): Promise<HttpBenchData> {
  await db.query('BEGIN');
  await db.query(
    `INSERT INTO organisations (name, country_code, type, city)
     SELECT format('Bench hub %s', i), 'KE', 'innovation_hub', 'Nairobi' FROM generate_series(1, $1) i`,
    [size.organisations],
  );
  await db.query(
    `INSERT INTO users (email, password_hash, role, display_name, organisation_id, country_code)
     SELECT format('applicant-%s@bench.example', o.id), 'not-a-hash', 'applicant', 'Bench applicant', o.id, 'KE'
     FROM organisations o`,
  );
  await db.query(
    `INSERT INTO users (email, password_hash, role, display_name, country_code, affiliation)
     SELECT format('evaluator-%s@bench.example', i), 'not-a-hash', 'evaluator', 'Bench evaluator', 'FR', 'Bench'
     FROM generate_series(1, $1) i`,
    [size.evaluators],
  );
  await db.query(
    `INSERT INTO refresh_tokens (user_id, family_id, token_hash, expires_at)
     SELECT id, gen_random_uuid(), encode(sha256(id::text::bytea), 'hex'), now() + interval '1 day' FROM users`,
  );
  await db.query(
    `INSERT INTO calls (reference, title, description, status, opens_at, closes_at, cohort_size,
                        evaluators_per_application, eligibility, selection, scoring)
     SELECT format('BENCH/%s', i), format('Call for accelerator centres %s', i),
            'Join the network of accelerator centres.', CASE WHEN i = 0 THEN 'closed' ELSE 'open' END,
            now() - interval '1 day', now() + interval '1 day', 10, 1, '{"requiredDocuments": []}',
            '{"maxPerCountry": 3}', '{"scaleMin": 0, "scaleMax": 10, "normalization": "none"}'
     FROM generate_series(0, $1) i`,
    [size.openCalls],
  );
  await db.query(
    `INSERT INTO criteria (call_id, code, title, description, weight, position)
     SELECT c.id, format('C%s', k), format('Criterion %s', k), 'What the evaluators look at', 1.0 / $1, k
     FROM calls c, generate_series(1, $1) k`,
    [CRITERIA],
  );
  await db.query(
    `INSERT INTO questions (call_id, key, label, type, required, max_length, options, position)
     SELECT c.id, q.key, q.label, q.type, q.required, q.max_length, q.options, q.position FROM calls c, ${QUESTIONS}`,
  );
  await db.query(
    `INSERT INTO applications (call_id, organisation_id, country_code, region, status, answers, eligibility,
                               submitted_at, created_by)
     SELECT c.id, o.id, o.country_code, k.region, CASE WHEN c.status = 'open' THEN 'draft' ELSE 'submitted' END,
            $1, CASE WHEN c.status = 'open' THEN NULL ELSE '{"eligible": true, "reasons": []}'::jsonb END,
            CASE WHEN c.status = 'open' THEN NULL ELSE now() END, u.id
     FROM calls c
     CROSS JOIN organisations o JOIN countries k ON k.code = o.country_code JOIN users u ON u.organisation_id = o.id
     WHERE c.status = 'open' OR o.name IN (SELECT format('Bench hub %s', i) FROM generate_series(1, $2) i)`,
    [JSON.stringify(DRAFT_ANSWERS), size.evaluators],
  );
  // The closed call's i-th application goes to the i-th evaluator.
  await db.query(
    `WITH evaluators AS (
       SELECT id, row_number() OVER (ORDER BY id) AS n FROM users WHERE role = 'evaluator'),
     reviewed AS (
       SELECT a.id, a.call_id, row_number() OVER (ORDER BY a.id) AS n
       FROM applications a JOIN calls c ON c.id = a.call_id WHERE c.status = 'closed'),
     panel AS (
       INSERT INTO panel_members (call_id, evaluator_id) SELECT DISTINCT r.call_id, e.id FROM reviewed r, evaluators e)
     INSERT INTO assignments (call_id, application_id, evaluator_id)
     SELECT r.call_id, r.id, e.id FROM reviewed r JOIN evaluators e USING (n)`,
  );
  await db.query('COMMIT');
  await db.query('VACUUM ANALYZE');
  return pools(db, jwtSecret);
}

async function pools(db: Client, jwtSecret: string): Promise<HttpBenchData> {
  const tokens = await signedTokens(db, jwtSecret);
  const owned = (rows: Array<{ id: string; user_id: string }>): Owned[] =>
    rows.map((r) => ({ id: r.id, token: tokens.get(r.user_id) as string }));
  const drafts = await db.query(
    `SELECT a.id, a.created_by AS user_id, c.reference = 'BENCH/1' AS first_call
     FROM applications a JOIN calls c ON c.id = a.call_id WHERE a.status = 'draft' ORDER BY c.reference, a.id`,
  );
  const assignments = await db.query('SELECT id, evaluator_id AS user_id FROM assignments ORDER BY id');
  return {
    drafts: owned(drafts.rows.filter((r) => r.first_call)),
    submittable: owned(drafts.rows.filter((r) => !r.first_call)),
    assignments: owned(assignments.rows),
  };
}

/** An access token per bench user, with the claims sign-in puts in one. */
async function signedTokens(db: Client, jwtSecret: string): Promise<Map<string, string>> {
  const jwt = new JwtService({
    secret: createSecretKey(Buffer.from(jwtSecret)),
    signOptions: { expiresIn: 3600, algorithm: 'HS256' },
  });
  const { rows } = await db.query<{ id: string; role: string; family_id: string; token_version: number }>(
    `SELECT u.id, u.role, t.family_id, u.token_version FROM users u JOIN refresh_tokens t ON t.user_id = u.id
     WHERE u.email LIKE '%@bench.example'`,
  );
  return new Map(
    rows.map((r) => [r.id, jwt.sign({ sub: r.id, role: r.role, sid: r.family_id, ver: r.token_version })]),
  );
}
