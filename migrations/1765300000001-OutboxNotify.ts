import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every insert into the outbox notifies the channel `outbox` when its transaction commits, so that
 * a listening relay sends the rows at once instead of at its next poll. One notification per
 * statement (and PostgreSQL folds equal ones of a transaction): the relay reads the rows itself.
 */
export class OutboxNotify1765300000001 implements MigrationInterface {
  name = 'OutboxNotify1765300000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION outbox_notify() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox', '');
        RETURN NULL;
      END
      $$`);
    await q.query(
      `CREATE TRIGGER outbox_notify AFTER INSERT ON outbox FOR EACH STATEMENT EXECUTE FUNCTION outbox_notify()`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER outbox_notify ON outbox`);
    await q.query(`DROP FUNCTION outbox_notify()`);
  }
}
