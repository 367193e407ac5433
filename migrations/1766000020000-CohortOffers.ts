import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * After publication (issue 15): each selected centre's offer, which it accepts or declines by a
 * deadline, and the amendments to the published cohort that a decline or an expiry makes. An amendment is
 * appended, never changed: its document names the hash of the one before (the first, the published
 * document's contentHash), so the history verifies from the publication on. The published snapshot
 * itself stays frozen as before.
 */
export class CohortOffers1766000020000 implements MigrationInterface {
  name = 'CohortOffers1766000020000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE cohort_offers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        cohort_id uuid NOT NULL REFERENCES cohorts (id),
        application_id uuid NOT NULL REFERENCES applications (id),
        -- The centre as the public list names it when the offer was made, so that an amendment
        -- removes exactly that entry even if the organisation is renamed since.
        public_entry jsonb NOT NULL,
        status text NOT NULL DEFAULT 'offered' CHECK (status IN ('offered', 'accepted', 'declined', 'expired')),
        offered_at timestamptz NOT NULL,
        respond_by timestamptz NOT NULL CHECK (respond_by > offered_at),
        -- When it was answered, or expired (by no one).
        responded_at timestamptz,
        responded_by uuid REFERENCES users (id),
        decline_reason text,
        version integer NOT NULL DEFAULT 1,
        UNIQUE (cohort_id, application_id),
        CONSTRAINT cohort_offers_answered_check CHECK ((status = 'offered') = (responded_at IS NULL)),
        CONSTRAINT cohort_offers_declined_check CHECK ((status = 'declined') = (decline_reason IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX cohort_offers_application_idx ON cohort_offers (application_id)`);
    await q.query(`CREATE INDEX cohort_offers_due_idx ON cohort_offers (respond_by) WHERE status = 'offered'`);

    await q.query(`
      CREATE TABLE cohort_amendments (
        cohort_id uuid NOT NULL REFERENCES cohorts (id),
        sequence integer NOT NULL CHECK (sequence >= 1),
        -- The public document of the amendment, less its hash, which is the SHA-256 of it in canonical JSON.
        document jsonb NOT NULL,
        hash char(64) NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
        created_by uuid REFERENCES users (id),
        PRIMARY KEY (cohort_id, sequence)
      )`);
    await q.query(`
      CREATE FUNCTION cohort_amendments_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'an amendment of a published cohort is never changed: % refused', TG_OP
          USING ERRCODE = 'CP409';
      END $$`);
    await q.query(`
      CREATE TRIGGER cohort_amendments_append_only BEFORE UPDATE OR DELETE ON cohort_amendments
      FOR EACH ROW EXECUTE FUNCTION cohort_amendments_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE cohort_amendments`);
    await q.query(`DROP FUNCTION cohort_amendments_append_only()`);
    await q.query(`DROP TABLE cohort_offers`);
  }
}
