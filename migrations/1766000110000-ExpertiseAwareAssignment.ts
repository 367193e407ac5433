import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Expertise-aware assignment (issue 16 item 4).
 * - calls.expertise (calls owns it): the keywords evaluators choose their expertise from, and the
 *   question whose answer is an application's topic text (null: all its text answers).
 * - evaluator_expertise (evaluation owns it): what an evaluator declares for a call, keywords from
 *   that list and bounded free text; frozen with the call once its cohort is published.
 * - assignments.affinity: the evaluator's affinity for the application when the automatic
 *   assignment made the pair (null for pairs made by hand or before this existed).
 */
export class ExpertiseAwareAssignment1766000110000 implements MigrationInterface {
  name = 'ExpertiseAwareAssignment1766000110000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE calls
        ADD COLUMN expertise jsonb NOT NULL DEFAULT '{"keywords": [], "topicQuestionKey": null}'::jsonb`);
    await q.query(`
      CREATE TABLE evaluator_expertise (
        call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        evaluator_id uuid NOT NULL REFERENCES users (id),
        keywords text[] NOT NULL DEFAULT '{}',
        description text NOT NULL DEFAULT '' CHECK (char_length(description) <= 2000),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (call_id, evaluator_id)
      )`);
    await q.query(`
      CREATE TRIGGER evaluator_expertise_frozen_after_publication
      BEFORE INSERT OR UPDATE OR DELETE ON evaluator_expertise
      FOR EACH ROW EXECUTE FUNCTION refuse_writes_of_published_calls()`);
    await q.query(`
      ALTER TABLE assignments ADD COLUMN affinity double precision CHECK (affinity >= 0 AND affinity <= 1)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE assignments DROP COLUMN IF EXISTS affinity`);
    await q.query(`DROP TABLE IF EXISTS evaluator_expertise`);
    await q.query(`ALTER TABLE calls DROP COLUMN IF EXISTS expertise`);
  }
}
