/** The scoring bench's data: one call scored by 300 evaluators on 8 criteria, and its floor statement. */
const EVALUATORS = 300;
const CRITERIA = 8;

/** The id of the call seeded under `name`. */
export const callId = (name: string): string => `md5('${name}-call')::uuid`;
export const CALL_ID = callId('bench');
export const SECRETARIAT_ID = "md5('bench-secretariat')::uuid";
const SCORING = { scaleMin: 0, scaleMax: 10, normalization: 'zscore', disagreementThreshold: 30 };

/** The secretariat and the evaluators, whom every seeded call shares. */
export const PEOPLE_SQL = [
  `INSERT INTO users (id, email, password_hash, role, display_name)
   VALUES (${SECRETARIAT_ID}, 'secretariat@bench.example', 'not-a-hash', 'secretariat', 'Bench secretariat')`,
  `INSERT INTO users (id, email, password_hash, role, display_name)
   SELECT md5('evaluator-' || e)::uuid, 'evaluator-' || e || '@bench.example', 'not-a-hash', 'evaluator', 'Evaluator ' || e
   FROM generate_series(0, ${EVALUATORS - 1}) e`,
];

/**
 * A call of `applications` applications × 3 evaluators × 8 criteria, named `name`. Ids are md5 of
 * the call's name and the row's: the same rows, and the same chunk boundaries, on every run.
 */
export const callSql = (name: string, applications: number): string[] => [
  `INSERT INTO organisations (id, name, country_code, type, city)
   SELECT md5('${name}-organisation-' || i)::uuid, 'Bench centre ' || i, codes[1 + i % cardinality(codes)],
          (ARRAY['academia', 'incubator', 'accelerator', 'innovation_hub', 'ngo'])[1 + i % 5], 'City ' || i % 1000
   FROM generate_series(1, ${applications}) i,
        (SELECT array_agg(code ORDER BY code) AS codes FROM countries WHERE member_state) c`,
  `INSERT INTO calls (id, reference, title, status, opens_at, closes_at, cohort_size, evaluators_per_application, scoring)
   VALUES (${callId(name)}, 'BENCH/' || upper('${name}'), 'Scoring bench, ${name}', 'reviewing', '2025-01-01Z', '2025-03-01Z', 500, 3,
           '${JSON.stringify(SCORING)}')`,
  `INSERT INTO criteria (call_id, code, title, weight, position)
   SELECT ${callId(name)}, 'C' || k, 'Criterion ' || k, k, k FROM generate_series(1, ${CRITERIA}) k`,
  `INSERT INTO panel_members (call_id, evaluator_id)
   SELECT ${callId(name)}, md5('evaluator-' || e)::uuid FROM generate_series(0, ${EVALUATORS - 1}) e`,
  `INSERT INTO applications (id, call_id, organisation_id, country_code, region, status, eligibility, submitted_at, created_by)
   SELECT md5('${name}-application-' || i)::uuid, ${callId(name)}, o.id, o.country_code, c.region, 'submitted',
          '{"eligible":true,"reasons":[]}', '2025-01-02Z'::timestamptz + i * interval '20 seconds', ${SECRETARIAT_ID}
   FROM generate_series(1, ${applications}) i
   JOIN organisations o ON o.id = md5('${name}-organisation-' || i)::uuid
   JOIN countries c ON c.code = o.country_code`,
  // Evaluators b, b+100 and b+200 (mod 300) of a pseudo-random b: three distinct ones, ~1000 each.
  `INSERT INTO assignments (id, call_id, application_id, evaluator_id, status, submitted_at)
   SELECT md5('${name}-assignment-' || i || '-' || k)::uuid, ${callId(name)}, md5('${name}-application-' || i)::uuid,
          md5('evaluator-' || (abs(hashint4(i)::int8) + 100 * k) % ${EVALUATORS})::uuid, 'submitted',
          '2025-03-10Z'::timestamptz + i * interval '7 seconds'
   FROM generate_series(1, ${applications}) i, generate_series(0, 2) k`,
  // Quality 2..8 per application, a bias of -2..+2 per evaluator (lenient or harsh), noise of -2..+2.
  `INSERT INTO criterion_scores (assignment_id, criterion_code, score)
   SELECT md5('${name}-assignment-' || i || '-' || k)::uuid, 'C' || c,
          greatest(0, least(10, 2 + abs(hashint4(i * 31 + 7)::int8) % 7
                                + ((abs(hashint4(i)::int8) + 100 * k) % ${EVALUATORS}) % 5 - 2
                                + abs(hashint8(i * 24 + k * 8 + c)) % 5 - 2))
   FROM generate_series(1, ${applications}) i, generate_series(0, 2) k, generate_series(1, ${CRITERIA}) c`,
];

/** §5.1–5.2 raw scores in one statement; summed so that no output column can be planned away. */
export const GROUP_BY_SQL = `
  SELECT count(*)::int AS applications, sum(raw_score) AS checksum FROM (
    SELECT application_id, avg(t) AS raw_score FROM (
      SELECT a.application_id,
             100 * sum(cr.weight * (cs.score - (c.scoring->>'scaleMin')::float8)
                   / ((c.scoring->>'scaleMax')::float8 - (c.scoring->>'scaleMin')::float8)) / sum(cr.weight) AS t
      FROM calls c
      JOIN assignments a ON a.call_id = c.id AND a.status = 'submitted'
      JOIN criterion_scores cs ON cs.assignment_id = a.id
      JOIN criteria cr ON cr.call_id = c.id AND cr.code = cs.criterion_code
      WHERE c.id = ${CALL_ID}
      GROUP BY a.id, a.application_id
    ) totals
    GROUP BY application_id
  ) scores`;
