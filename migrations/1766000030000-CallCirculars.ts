import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The results circular (issue 15): each call keeps what the secretariat writes for its circular and
 * its announcement (reference, place, addressees, subjects and bodies, signatory, the text about the
 * programme); null until written, read as the defaults. The column is part of the call's row, so the
 * call's freeze at publication freezes it too. The circular of a published cohort is rendered at
 * publication and stored beside its annexes, as PDF and HTML in each language.
 */
export class CallCirculars1766000030000 implements MigrationInterface {
  name = 'CallCirculars1766000030000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE calls ADD COLUMN circular jsonb CHECK (circular IS NULL OR jsonb_typeof(circular) = 'object')`,
    );
    await q.query(`ALTER TABLE cohort_annexes DROP CONSTRAINT cohort_annexes_format_check`);
    await q.query(`
      ALTER TABLE cohort_annexes ADD CONSTRAINT cohort_annexes_format_check
      CHECK (format IN ('csv', 'pdf', 'circular-pdf', 'circular-html'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // Rows of this table are otherwise never deleted: going back removes what only this migration allowed.
    await q.query(`ALTER TABLE cohort_annexes DISABLE TRIGGER cohort_annexes_written_once`);
    await q.query(`DELETE FROM cohort_annexes WHERE format LIKE 'circular-%'`);
    await q.query(`ALTER TABLE cohort_annexes ENABLE TRIGGER cohort_annexes_written_once`);
    await q.query(`ALTER TABLE cohort_annexes DROP CONSTRAINT cohort_annexes_format_check`);
    await q.query(
      `ALTER TABLE cohort_annexes ADD CONSTRAINT cohort_annexes_format_check CHECK (format IN ('csv', 'pdf'))`,
    );
    await q.query(`ALTER TABLE calls DROP COLUMN circular`);
  }
}
