import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An organisation may have several members: each application records the member who submitted it.
 * Until now the only member created and submitted its organisation's applications.
 */
export class ApplicationSubmitter1765760000001 implements MigrationInterface {
  name = 'ApplicationSubmitter1765760000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications ADD COLUMN submitted_by uuid REFERENCES users (id)`);
    await q.query(`UPDATE applications SET submitted_by = created_by WHERE submitted_at IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications DROP COLUMN submitted_by`);
  }
}
