import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents in an object store (DOCUMENT_STORAGE=s3): a row then holds the object's key instead of
 * the bytes. Each row holds exactly one of the two, so `documents:move` can switch rows one at a time
 * while both kinds are served. Existing rows keep their bytes; nothing is rewritten.
 */
export class DocumentStorageKeys1766000160000 implements MigrationInterface {
  name = 'DocumentStorageKeys1766000160000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE documents ADD COLUMN storage_key text`);
    await q.query(`ALTER TABLE documents ALTER COLUMN content DROP NOT NULL`);
    await q.query(`
      ALTER TABLE documents ADD CONSTRAINT documents_bytes_in_one_place
        CHECK ((content IS NULL) <> (storage_key IS NULL))`);
    // documents:move finds the rows still on the side it leaves.
    await q.query(`CREATE INDEX documents_stored_outside_idx ON documents (id) WHERE storage_key IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX documents_stored_outside_idx`);
    await q.query(`ALTER TABLE documents DROP CONSTRAINT documents_bytes_in_one_place`);
    await q.query(`ALTER TABLE documents ALTER COLUMN content SET NOT NULL`);
    await q.query(`ALTER TABLE documents DROP COLUMN storage_key`);
  }
}
