import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An evaluator's confidence in its evaluation (optional: evaluations saved before it existed, and
 * clients that do not send it, have none), calls that hide who applied from their evaluators, and
 * the pseudonyms those evaluators see instead. A pseudonym is a number drawn per call in random
 * order, so it says nothing of the centre, its name or when it applied; once given it never changes.
 */
export class ConfidenceAndBlindReview1765900000600 implements MigrationInterface {
  name = 'ConfidenceAndBlindReview1765900000600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE assignments
        ADD COLUMN confidence text CHECK (confidence IN ('low', 'medium', 'high'))`);
    await q.query(`ALTER TABLE calls ADD COLUMN blind boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE application_pseudonyms (
        application_id uuid PRIMARY KEY REFERENCES applications (id) ON DELETE CASCADE,
        call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        number integer NOT NULL CHECK (number > 0),
        CONSTRAINT application_pseudonyms_number_key UNIQUE (call_id, number)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS application_pseudonyms`);
    await q.query(`ALTER TABLE calls DROP COLUMN IF EXISTS blind`);
    await q.query(`ALTER TABLE assignments DROP COLUMN IF EXISTS confidence`);
  }
}
