import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Running aggregates of incremental scoring (DESIGN.md §5.3), so that a submission rescores at the
 * cost of what it changes:
 * - scoring_evaluator_moments keeps each evaluator's count, mean and population deviation of their
 *   kept totals in the call, recomputed only for the evaluators whose totals changed;
 * - kept totals are indexed by evaluator (an evaluator's moments read only their totals) and by
 *   application (an application's figures read only its own), both covering the total;
 * - scoring_run_totals stages the version of the assignment each total was computed from, so that
 *   a full run refreshes the kept totals with what it computed;
 * - scoring_call_definitions.assignments_seen keeps the oldest transaction (xid8) that the last
 *   rescoring could not see: assignments written by older ones are reflected in the kept totals, so
 *   a rescoring compares with them only the assignments written since;
 * - application_results leaves room in its pages, so that rewriting the scores that move with the
 *   moments updates rows in place (HOT) rather than their indexes too.
 * The kept totals are forgotten: the next rescoring of each call keeps them afresh with its moments.
 */
export class ScoringAggregates1765710000000 implements MigrationInterface {
  name = 'ScoringAggregates1765710000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scoring_evaluator_moments (
        call_id uuid NOT NULL,
        evaluator_id uuid NOT NULL,
        n integer NOT NULL,
        mu double precision NOT NULL,
        sigma double precision NOT NULL,
        PRIMARY KEY (call_id, evaluator_id)
      )`);
    await q.query(`DELETE FROM scoring_evaluation_totals`);
    await q.query(
      `CREATE INDEX scoring_evaluation_totals_evaluator_idx ON scoring_evaluation_totals (call_id, evaluator_id) INCLUDE (total)`,
    );
    await q.query(
      `CREATE INDEX scoring_evaluation_totals_application_idx ON scoring_evaluation_totals (call_id, application_id) INCLUDE (evaluator_id, total)`,
    );
    await q.query(`ALTER TABLE scoring_run_totals ADD COLUMN assignment_version bigint`);
    await q.query(`ALTER TABLE scoring_call_definitions ADD COLUMN assignments_seen bigint`);
    await q.query(`ALTER TABLE application_results SET (fillfactor = 50)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE application_results RESET (fillfactor)`);
    await q.query(`ALTER TABLE scoring_call_definitions DROP COLUMN assignments_seen`);
    await q.query(`ALTER TABLE scoring_run_totals DROP COLUMN assignment_version`);
    await q.query(`DROP INDEX IF EXISTS scoring_evaluation_totals_application_idx`);
    await q.query(`DROP INDEX IF EXISTS scoring_evaluation_totals_evaluator_idx`);
    await q.query(`DROP TABLE IF EXISTS scoring_evaluator_moments`);
  }
}
