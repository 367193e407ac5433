import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Events are written once per subscribing queue, each a job named after the event: the calls' and
 * applications' event queues, which only scoring read, are gone. Their rows not yet done move to
 * the scoring queue, where they are served as before (same job names, same ids).
 */
export class EventsOnSubscriberQueues1765300000002 implements MigrationInterface {
  name = 'EventsOnSubscriberQueues1765300000002';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE outbox SET queue = 'scoring', dispatched_at = NULL
       WHERE queue IN ('call-events', 'application-events') AND completed_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `UPDATE outbox SET queue = CASE job_name WHEN 'call.reweighted' THEN 'call-events' ELSE 'application-events' END,
              dispatched_at = NULL
       WHERE queue = 'scoring' AND job_name IN ('call.reweighted', 'application.withdrawn', 'application.eligibility_overridden')
         AND completed_at IS NULL`,
    );
  }
}
