import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The secretariat may withdraw a centre from a published cohort (issue 15): its offer ends as
 * `withdrawn`, which frees its seat, and the withdrawal appends an amendment with its reason.
 */
export class OfferWithdrawals1766000050100 implements MigrationInterface {
  name = 'OfferWithdrawals1766000050100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cohort_offers DROP CONSTRAINT cohort_offers_status_check`);
    await q.query(`
      ALTER TABLE cohort_offers ADD CONSTRAINT cohort_offers_status_check
      CHECK (status IN ('offered', 'accepted', 'declined', 'expired', 'withdrawn'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cohort_offers DROP CONSTRAINT cohort_offers_status_check`);
    await q.query(`
      ALTER TABLE cohort_offers ADD CONSTRAINT cohort_offers_status_check
      CHECK (status IN ('offered', 'accepted', 'declined', 'expired'))`);
  }
}
