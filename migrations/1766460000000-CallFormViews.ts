import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two views calls grants, so that the hot requests read their row and what they need of its call
 * in one statement instead of two:
 * - `calls_for_applications` (to applications): what an application shows and checks of its call
 *   (`ApplicationCall`); a page of applications reads its calls in one statement too.
 * - `calls_evaluation_forms` (to evaluation): the call's status and each stage's scale and criteria
 *   (`EvaluationForm`), read and share-locked with the assignment an evaluator saves. A view row is
 *   a call row, its stages a column: share-locking it locks the call and nothing else, as reading
 *   the whole call for share did.
 * Their JSON is shaped as a whole call's is (CALL_COLUMNS); integration tests hold the two to the
 * same answer.
 */
export class CallFormViews1766460000000 implements MigrationInterface {
  name = 'CallFormViews1766460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW calls_for_applications AS
      SELECT c.id, c.kind, c.reference, c.title, c.status, c.opens_at, c.closes_at, c.blind,
             EXISTS (SELECT 1 FROM call_sessions s WHERE s.call_id = c.id) AS has_sessions,
             (SELECT coalesce(json_agg(json_strip_nulls(json_build_object(
                       'key', q.key, 'label', q.label, 'type', q.type, 'required', q.required,
                       'maxLength', q.max_length, 'options', q.options, 'minCount', q.min_count,
                       'maxCount', q.max_count))
                     ORDER BY q.position), '[]')
              FROM questions q WHERE q.call_id = c.id) AS questions
      FROM calls c`);
    await q.query(`
      CREATE VIEW calls_evaluation_forms AS
      SELECT c.id AS call_id, c.status,
             (SELECT coalesce(json_agg(json_build_object(
                       'scoring', s.scoring,
                       'criteria', (SELECT coalesce(json_agg(json_build_object(
                                             'code', k.code, 'title', k.title, 'description', k.description,
                                             'weight', k.weight)
                                           ORDER BY k.position), '[]')
                                    FROM criteria k WHERE k.call_id = s.call_id AND k.stage = s.position))
                     ORDER BY s.position), '[]')
              FROM call_stages s WHERE s.call_id = c.id) AS stages
      FROM calls c`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW calls_evaluation_forms`);
    await q.query(`DROP VIEW calls_for_applications`);
  }
}
