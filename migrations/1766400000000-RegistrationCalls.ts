import { MigrationInterface, QueryRunner } from 'typeorm';

const CATEGORIES = `'member_state_administration', 'sector_member', 'associate', 'academia', 'regulator',
  'regional_international_organisation', 'un_agency', 'other'`;

/**
 * The Union's other calls (issue 19): organisations carry their membership category, which calls are
 * addressed by (presumed from the organisation's type for those registered before); a call is a
 * `selection` (evaluated and ranked, as every call so far) or a `registration` (replies confirmed or
 * declined by the secretariat, with the decision's reason kept on the reply).
 */
export class RegistrationCalls1766400000000 implements MigrationInterface {
  name = 'RegistrationCalls1766400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations ADD COLUMN membership_category text`);
    await q.query(`
      UPDATE organisations SET membership_category = CASE type
        WHEN 'government' THEN 'member_state_administration'
        WHEN 'regulator' THEN 'regulator'
        WHEN 'academia' THEN 'academia'
        WHEN 'international_organisation' THEN 'regional_international_organisation'
        ELSE 'other' END`);
    await q.query(`
      ALTER TABLE organisations ALTER COLUMN membership_category SET NOT NULL,
        ALTER COLUMN membership_category SET DEFAULT 'other',
        ADD CONSTRAINT organisations_membership_category_check CHECK (membership_category IN (${CATEGORIES}))`);
    await q.query(`
      ALTER TABLE calls ADD COLUMN kind text NOT NULL DEFAULT 'selection'
        CONSTRAINT calls_kind_check CHECK (kind IN ('selection', 'registration'))`);
    await q.query(`ALTER TABLE applications ADD COLUMN reply_decision jsonb`);
    await q.query(`ALTER TABLE applications DROP CONSTRAINT applications_status_check`);
    await q.query(`
      ALTER TABLE applications ADD CONSTRAINT applications_status_check CHECK (status IN
        ('draft', 'submitted', 'withdrawn', 'selected', 'waitlisted', 'not_selected', 'withdrawn_from_cohort',
         'confirmed', 'declined'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM applications WHERE status IN ('confirmed', 'declined')`);
    await q.query(`ALTER TABLE applications DROP CONSTRAINT applications_status_check`);
    await q.query(`
      ALTER TABLE applications ADD CONSTRAINT applications_status_check CHECK (status IN
        ('draft', 'submitted', 'withdrawn', 'selected', 'waitlisted', 'not_selected', 'withdrawn_from_cohort'))`);
    await q.query(`ALTER TABLE applications DROP COLUMN reply_decision`);
    await q.query(`ALTER TABLE calls DROP COLUMN kind`);
    await q.query(`ALTER TABLE organisations DROP COLUMN membership_category`);
  }
}
