import { MigrationInterface, QueryRunner } from 'typeorm';

/** The transactional outbox: background work recorded with the change that needs it. */
export class Outbox1764000000000 implements MigrationInterface {
  name = 'Outbox1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        queue text NOT NULL,
        job_name text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        dispatched_at timestamptz,
        dispatch_count integer NOT NULL DEFAULT 0,
        -- Set in the transaction that commits the job's effect; only then is the work done.
        completed_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_pending_idx ON outbox (created_at) WHERE completed_at IS NULL`);
    await q.query(`CREATE INDEX outbox_pending_payload_idx ON outbox USING gin (payload) WHERE completed_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS outbox`);
  }
}
