import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The published cohort of each call, which cohorts grants to calls: a call read names its cohort, so
 * that a past call's public page links to the published list. A projection over the partial unique
 * index `cohorts_one_published_key` (one published cohort per call).
 */
export class CohortsPublishedByCall1765800000400 implements MigrationInterface {
  name = 'CohortsPublishedByCall1765800000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW cohorts_published_by_call AS
      SELECT call_id, id AS cohort_id, published_at FROM cohorts WHERE status = 'published'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW IF EXISTS cohorts_published_by_call`);
  }
}
