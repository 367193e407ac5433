import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions with capacity on registration calls (issue 19): calls owns the sessions and the rule that
 * allocates their seats, applications the order in which a reply asks for them, cohorts the
 * allocation it computes, the amendments the secretariat writes with their reasons, and its
 * confirmation (which publishes the programme).
 */
export class SessionAllocation1766430000000 implements MigrationInterface {
  name = 'SessionAllocation1766430000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE call_sessions (
        call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        position integer NOT NULL CHECK (position >= 0),
        key text NOT NULL,
        title text NOT NULL,
        starts_at timestamptz NOT NULL,
        ends_at timestamptz CHECK (ends_at > starts_at),
        capacity integer NOT NULL CHECK (capacity >= 1),
        PRIMARY KEY (call_id, position),
        UNIQUE (call_id, key)
      )`);
    await q.query(`ALTER TABLE calls ADD COLUMN session_allocation jsonb`);
    await q.query(`ALTER TABLE applications ADD COLUMN session_preferences text[] NOT NULL DEFAULT '{}'`);
    await q.query(`
      CREATE TABLE session_allocations (
        call_id uuid PRIMARY KEY REFERENCES calls (id) ON DELETE CASCADE,
        rule jsonb NOT NULL,
        computed_at timestamptz NOT NULL DEFAULT now(),
        computed_by uuid NOT NULL REFERENCES users (id),
        confirmed_at timestamptz,
        confirmed_by uuid REFERENCES users (id),
        CHECK ((confirmed_at IS NULL) = (confirmed_by IS NULL))
      )`);
    await q.query(`
      CREATE TABLE session_allocation_entries (
        call_id uuid NOT NULL REFERENCES session_allocations (call_id) ON DELETE CASCADE,
        application_id uuid NOT NULL REFERENCES applications (id),
        processing_order integer NOT NULL,
        organisation_id uuid NOT NULL,
        country_code char(2) NOT NULL,
        recipient_id uuid,
        session_key text,
        preference_rank integer,
        reason text CHECK (reason IN ('SESSIONS_FULL', 'COUNTRY_LIMIT', 'NO_PREFERENCE', 'UNKNOWN_SESSION')),
        passed_over jsonb NOT NULL DEFAULT '[]',
        amendment jsonb,
        PRIMARY KEY (call_id, application_id),
        UNIQUE (call_id, processing_order)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE session_allocation_entries`);
    await q.query(`DROP TABLE session_allocations`);
    await q.query(`ALTER TABLE applications DROP COLUMN session_preferences`);
    await q.query(`ALTER TABLE calls DROP COLUMN session_allocation`);
    await q.query(`DROP TABLE call_sessions`);
  }
}
