import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * scoring_total_counts keeps, per call and stage, how many kept totals (scoring_evaluation_totals)
 * have each value: the call's μ and σ (DESIGN.md §5.3) are computed from these counts, so a
 * rescoring reads a few hundred rows instead of grouping every kept total again. Triggers on the
 * kept totals maintain the counts from the rows each statement inserts, deletes or updates, so that
 * every writer keeps them right without knowing of them.
 */
export class ScoringTotalCounts1766000010800 implements MigrationInterface {
  name = 'ScoringTotalCounts1766000010800';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE scoring_total_counts (
        call_id uuid NOT NULL,
        stage integer NOT NULL,
        total double precision NOT NULL,
        count integer NOT NULL CHECK (count > 0),
        PRIMARY KEY (call_id, stage, total)
      )`);
    await q.query(`
      CREATE FUNCTION scoring_total_counts_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('DELETE', 'UPDATE') THEN
          WITH removed AS (
            SELECT call_id, stage, total, count(*)::int AS count FROM old_rows GROUP BY call_id, stage, total
          ),
          gone AS (
            DELETE FROM scoring_total_counts c USING removed r
            WHERE c.call_id = r.call_id AND c.stage = r.stage AND c.total = r.total AND c.count = r.count
          )
          UPDATE scoring_total_counts c SET count = c.count - r.count FROM removed r
          WHERE c.call_id = r.call_id AND c.stage = r.stage AND c.total = r.total AND c.count <> r.count;
        END IF;
        IF TG_OP IN ('INSERT', 'UPDATE') THEN
          INSERT INTO scoring_total_counts AS c (call_id, stage, total, count)
          SELECT call_id, stage, total, count(*) FROM new_rows GROUP BY call_id, stage, total
          ON CONFLICT (call_id, stage, total) DO UPDATE SET count = c.count + EXCLUDED.count;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE FUNCTION scoring_total_counts_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        TRUNCATE scoring_total_counts;
        RETURN NULL;
      END $$`);
    for (const [event, transition] of [
      ['INSERT', 'NEW TABLE AS new_rows'],
      ['DELETE', 'OLD TABLE AS old_rows'],
      ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
    ]) {
      await q.query(`
        CREATE TRIGGER scoring_total_counts_${event.toLowerCase()} AFTER ${event} ON scoring_evaluation_totals
        REFERENCING ${transition} FOR EACH STATEMENT EXECUTE FUNCTION scoring_total_counts_kept()`);
    }
    await q.query(`
      CREATE TRIGGER scoring_total_counts_truncate AFTER TRUNCATE ON scoring_evaluation_totals
      FOR EACH STATEMENT EXECUTE FUNCTION scoring_total_counts_truncated()`);
    await q.query(`
      INSERT INTO scoring_total_counts (call_id, stage, total, count)
      SELECT call_id, stage, total, count(*) FROM scoring_evaluation_totals GROUP BY call_id, stage, total`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const event of ['insert', 'delete', 'update', 'truncate']) {
      await q.query(`DROP TRIGGER IF EXISTS scoring_total_counts_${event} ON scoring_evaluation_totals`);
    }
    await q.query(`DROP FUNCTION IF EXISTS scoring_total_counts_truncated()`);
    await q.query(`DROP FUNCTION IF EXISTS scoring_total_counts_kept()`);
    await q.query(`DROP TABLE IF EXISTS scoring_total_counts`);
  }
}
