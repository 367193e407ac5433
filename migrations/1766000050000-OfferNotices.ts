import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notices about offers (issue 15): who made each offer (the secretariat member who published the
 * cohort or promoted the centre), whom a decline or an expiry is told to; when the centre's members
 * were reminded of an unanswered offer, so that the worker reminds once; and a view of the active
 * members of each organisation, whom the reminder goes to.
 */
export class OfferNotices1766000050000 implements MigrationInterface {
  name = 'OfferNotices1766000050000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cohort_offers ADD COLUMN offered_by uuid REFERENCES users (id)`);
    await q.query(`UPDATE cohort_offers o SET offered_by = c.published_by FROM cohorts c WHERE c.id = o.cohort_id`);
    await q.query(`ALTER TABLE cohort_offers ADD COLUMN reminded_at timestamptz`);
    await q.query(
      `CREATE INDEX cohort_offers_unreminded_idx ON cohort_offers (respond_by) WHERE status = 'offered' AND reminded_at IS NULL`,
    );
    await q.query(`
      CREATE VIEW identity_organisation_members AS
      SELECT organisation_id, id AS user_id FROM users WHERE organisation_id IS NOT NULL AND active`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW identity_organisation_members`);
    await q.query(`DROP INDEX cohort_offers_unreminded_idx`);
    await q.query(`ALTER TABLE cohort_offers DROP COLUMN reminded_at, DROP COLUMN offered_by`);
  }
}
