import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The lottery at the line (issue 16, item 3), owned by cohorts: whether a call fills the seats at the
 * line by lot, and each commitment to a secret made on a proposal, with the grey zone's candidates
 * frozen with it and, once drawn, the lot. A secret stays unrevealed (served to no one) until its draw;
 * a commitment is never deleted, and at most one of a proposal's commitments is drawn.
 */
export class CohortLottery1766000100000 implements MigrationInterface {
  name = 'CohortLottery1766000100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cohort_lottery_settings (
        call_id uuid PRIMARY KEY REFERENCES calls (id),
        enabled boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        updated_by uuid NOT NULL REFERENCES users (id)
      )`);
    await q.query(`
      CREATE TABLE cohort_lottery_commitments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohorts (id),
        call_id uuid NOT NULL REFERENCES calls (id),
        commitment char(64) NOT NULL CHECK (commitment ~ '^[0-9a-f]{64}$'),
        secret char(64) NOT NULL CHECK (secret ~ '^[0-9a-f]{64}$'),
        -- [{ applicationId, rank }]: the grey zone's candidates in rank order when the commitment was made.
        candidates jsonb NOT NULL,
        committed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        committed_by uuid NOT NULL REFERENCES users (id),
        drawn_at timestamptz,
        drawn_by uuid REFERENCES users (id),
        -- { lots: [{ applicationId, key, rank, drawnRank }], seated: [applicationId] }, in lot order.
        lot jsonb,
        CONSTRAINT cohort_lottery_commitments_drawn_check CHECK ((drawn_at IS NULL) = (lot IS NULL))
      )`);
    await q.query(`
      CREATE UNIQUE INDEX cohort_lottery_commitments_one_draw ON cohort_lottery_commitments (cohort_id)
      WHERE drawn_at IS NOT NULL`);
    await q.query(
      `CREATE INDEX cohort_lottery_commitments_cohort_idx ON cohort_lottery_commitments (cohort_id, committed_at)`,
    );
    await q.query(
      `CREATE INDEX cohort_lottery_commitments_call_idx ON cohort_lottery_commitments (call_id, committed_at)`,
    );
    await q.query(`
      CREATE FUNCTION cohort_lottery_commitments_kept() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'a lottery commitment is never deleted' USING ERRCODE = 'CP409';
      END $$`);
    await q.query(`
      CREATE TRIGGER cohort_lottery_commitments_kept BEFORE DELETE ON cohort_lottery_commitments
      FOR EACH ROW EXECUTE FUNCTION cohort_lottery_commitments_kept()`);
    for (const table of ['cohort_lottery_settings', 'cohort_lottery_commitments']) {
      await q.query(`
        CREATE TRIGGER ${table}_frozen_after_publication BEFORE INSERT OR UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION refuse_writes_of_published_calls()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE cohort_lottery_commitments`);
    await q.query(`DROP FUNCTION cohort_lottery_commitments_kept()`);
    await q.query(`DROP TABLE cohort_lottery_settings`);
  }
}
