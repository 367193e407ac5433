import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A centre the secretariat withdraws from a published cohort is no longer on its list: its
 * application's status becomes `withdrawn_from_cohort` (outcome `withdrawn`), distinct from
 * `withdrawn`, an applicant's own withdrawal before publication. Applications stay frozen with their
 * published call otherwise: the freeze's update trigger lets through that one change of status, with
 * the version and time it bumps, and nothing else (as the call's own freeze lets archiving through).
 */
export class WithdrawnFromCohort1766000070000 implements MigrationInterface {
  name = 'WithdrawnFromCohort1766000070000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications DROP CONSTRAINT applications_status_check`);
    await q.query(`
      ALTER TABLE applications ADD CONSTRAINT applications_status_check CHECK (status IN
        ('draft', 'submitted', 'withdrawn', 'selected', 'waitlisted', 'not_selected', 'withdrawn_from_cohort'))`);
    await q.query(`DROP TRIGGER applications_frozen_after_publication ON applications`);
    await q.query(`
      CREATE TRIGGER applications_frozen_after_publication BEFORE INSERT OR DELETE ON applications
      FOR EACH ROW EXECUTE FUNCTION refuse_writes_of_published_calls()`);
    await q.query(`
      CREATE TRIGGER applications_frozen_after_publication_update BEFORE UPDATE ON applications
      FOR EACH ROW WHEN (NOT (
        OLD.status IN ('selected', 'waitlisted') AND NEW.status = 'withdrawn_from_cohort'
        AND to_jsonb(NEW) - '{status,version,updated_at}'::text[] = to_jsonb(OLD) - '{status,version,updated_at}'::text[]
      )) EXECUTE FUNCTION refuse_writes_of_published_calls()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER applications_frozen_after_publication_update ON applications`);
    await q.query(`DROP TRIGGER applications_frozen_after_publication ON applications`);
    // What only this migration allowed goes back to what it was before (selected), then the freeze is restored.
    await q.query(`UPDATE applications SET status = 'selected' WHERE status = 'withdrawn_from_cohort'`);
    await q.query(`
      CREATE TRIGGER applications_frozen_after_publication BEFORE INSERT OR UPDATE OR DELETE ON applications
      FOR EACH ROW EXECUTE FUNCTION refuse_writes_of_published_calls()`);
    await q.query(`ALTER TABLE applications DROP CONSTRAINT applications_status_check`);
    await q.query(`
      ALTER TABLE applications ADD CONSTRAINT applications_status_check CHECK (status IN
        ('draft', 'submitted', 'withdrawn', 'selected', 'waitlisted', 'not_selected'))`);
  }
}
