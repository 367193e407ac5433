import { MigrationInterface, QueryRunner } from 'typeorm';

/** The feedback publication releases to each applicant: written once, then frozen with the call. */
export class ApplicationFeedback1764500000000 implements MigrationInterface {
  name = 'ApplicationFeedback1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications ADD COLUMN feedback jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications DROP COLUMN feedback`);
  }
}
