import { MigrationInterface, QueryRunner } from 'typeorm';

/** The two tables of uploaded files besides `documents`, whose rows hold either their bytes or an object's key. */
const TABLES = ['clarification_documents', 'agreement_signed_copies'] as const;

/**
 * Clarification answers' documents and agreements' signed copies in the object store too
 * (DOCUMENT_STORAGE=s3), as application documents are since DocumentStorageKeys: a row then holds
 * the object's key instead of the bytes, exactly one of the two, so `documents:move` can switch rows
 * one at a time while both kinds are served. Existing rows keep their bytes; nothing is rewritten.
 */
export class UploadStorageKeys1766200000000 implements MigrationInterface {
  name = 'UploadStorageKeys1766200000000';

  async up(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await q.query(`ALTER TABLE ${table} ADD COLUMN storage_key text`);
      await q.query(`ALTER TABLE ${table} ALTER COLUMN content DROP NOT NULL`);
      await q.query(`
        ALTER TABLE ${table} ADD CONSTRAINT ${table}_bytes_in_one_place
          CHECK ((content IS NULL) <> (storage_key IS NULL))`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of TABLES) {
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${table}_bytes_in_one_place`);
      await q.query(`ALTER TABLE ${table} ALTER COLUMN content SET NOT NULL`);
      await q.query(`ALTER TABLE ${table} DROP COLUMN storage_key`);
    }
  }
}
