import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Publication reads each application's submitted evaluations by the application. The only index
 * led by application_id is partial (live slots), so on stale statistics the planner could scan
 * every assignment once per application; this index makes the lookup one range whatever it estimates.
 */
export class AssignmentsByApplication1765000000000 implements MigrationInterface {
  name = 'AssignmentsByApplication1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX assignments_application_status_idx ON assignments (application_id, status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX assignments_application_status_idx`);
  }
}
