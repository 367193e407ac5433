import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A registration call's session titles in the languages besides English, as its criteria and
 * questions are translated: by session key, a JSON object per call and language (null where that
 * language translates none). The programme and the allocation e-mails read them.
 */
export class SessionTitleTranslations1766440000000 implements MigrationInterface {
  name = 'SessionTitleTranslations1766440000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE call_translations ADD COLUMN sessions jsonb CHECK (jsonb_typeof(sessions) = 'object')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE call_translations DROP COLUMN sessions`);
  }
}
