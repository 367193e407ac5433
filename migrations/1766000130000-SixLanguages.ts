import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The platform speaks the Union's six official languages (issue 17): a user's language, and the
 * language a notification was written in, may be Arabic, Chinese, English, French, Russian or Spanish.
 */
export class SixLanguages1766000130000 implements MigrationInterface {
  name = 'SixLanguages1766000130000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['users', 'notifications']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_locale_check`);
      await q.query(
        `ALTER TABLE ${table} ADD CONSTRAINT ${table}_locale_check CHECK (locale IN ('ar', 'zh', 'en', 'fr', 'ru', 'es'))`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // What only this migration allowed goes back to English, then the two languages are restored.
    for (const table of ['users', 'notifications']) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_locale_check`);
      await q.query(`UPDATE ${table} SET locale = 'en' WHERE locale NOT IN ('en', 'fr')`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${table}_locale_check CHECK (locale IN ('en', 'fr'))`);
    }
  }
}
