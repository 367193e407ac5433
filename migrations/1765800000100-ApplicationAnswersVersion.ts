import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The version at which a draft's answers last changed. Attaching or removing a document bumps the
 * application's version (its ETag) without touching the answers, so a save typed on the version
 * before the upload is not stale: only answers changed since are a conflict. NULL on rows written
 * before this column: their answers count as changed at their current version, as until now.
 */
export class ApplicationAnswersVersion1765800000100 implements MigrationInterface {
  name = 'ApplicationAnswersVersion1765800000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications ADD COLUMN answers_version integer`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE applications DROP COLUMN answers_version`);
  }
}
