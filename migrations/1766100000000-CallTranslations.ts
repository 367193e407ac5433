import { MigrationInterface, QueryRunner } from 'typeorm';

const LANGUAGES = `('ar', 'zh', 'fr', 'ru', 'es')`;

/**
 * A call's texts in the languages besides English (issue 17): one row per call and language, each
 * text null where that language has none (its readers see the English of the call's own columns).
 * Criteria are translated by code, questions by key, as JSON objects. Frozen with the call at
 * publication, as its criteria are: the annexes and circulars were written from them.
 */
export class CallTranslations1766100000000 implements MigrationInterface {
  name = 'CallTranslations1766100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE call_translations (
        call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
        language text NOT NULL CHECK (language IN ${LANGUAGES}),
        title text CHECK (length(title) <= 500),
        description text CHECK (length(description) <= 20000),
        criteria jsonb CHECK (jsonb_typeof(criteria) = 'object'),
        questions jsonb CHECK (jsonb_typeof(questions) = 'object'),
        PRIMARY KEY (call_id, language)
      )`);
    await q.query(`
      CREATE TRIGGER call_translations_frozen_after_publication BEFORE INSERT OR UPDATE OR DELETE ON call_translations
      FOR EACH ROW EXECUTE FUNCTION refuse_writes_of_published_calls()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE call_translations`);
  }
}
