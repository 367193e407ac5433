import { Injectable } from '@nestjs/common';
import { Transaction } from '../database';
import { OutboxEvent } from './events';
import { Subscriptions } from './subscriptions';

/** Work to hand to a BullMQ queue once the transaction that asked for it commits. */
export interface OutboxMessage {
  queue: string;
  name: string;
  payload: Record<string, unknown>;
}

/** Outbox rows of some kinds of job whose payload contains `payload`. */
export interface OutboxFilter {
  jobs: ReadonlyArray<{ queue: string; name: string }>;
  payload: Record<string, unknown>;
}

/** `(queue, job_name) IN (…) AND payload @> …` with its parameters numbered from `first`. */
function filterSql(filter: OutboxFilter, first: number): { sql: string; params: unknown[] } {
  return {
    sql: `(queue, job_name) IN (SELECT * FROM unnest($${first}::text[], $${first + 1}::text[]))
          AND payload @> $${first + 2}::jsonb`,
    params: [filter.jobs.map((j) => j.queue), filter.jobs.map((j) => j.name), JSON.stringify(filter.payload)],
  };
}

/**
 * The transactional outbox: a service records background work in the same transaction as the
 * change that needs it, so work acknowledged to a user is never lost, even while Redis is down.
 * The worker's relay moves rows to BullMQ with the row id as the job id; a job marks its row
 * complete in the transaction of its effect.
 */
@Injectable()
export class Outbox {
  constructor(private readonly subscriptions: Subscriptions) {}

  /**
   * Publishes the event to every queue that declared it: one row each, so that every subscriber
   * runs its own job and none competes with another for it. Answers the rows' ids.
   */
  publish(tx: Transaction, event: OutboxEvent): Promise<string[]> {
    return this.publishMany(tx, [event]);
  }

  /**
   * The events' rows in a single statement, for events fanned out to many (a notification per
   * applicant of a call): the cost stays one round trip however many there are.
   */
  async publishMany(tx: Transaction, events: OutboxEvent[]): Promise<string[]> {
    const rows = events.flatMap((event) =>
      this.subscriptions.queuesOf(event.name).map((queue) => ({ queue, name: event.name, payload: event.payload })),
    );
    if (rows.length === 0) return [];
    const inserted = (await tx.query(
      `INSERT INTO outbox (queue, job_name, payload)
       SELECT m.queue, m.name, m.payload FROM jsonb_to_recordset($1::jsonb) AS m (queue text, name text, payload jsonb)
       RETURNING id`,
      [JSON.stringify(rows)],
    )) as Array<{ id: string }>;
    return inserted.map((row) => row.id);
  }

  /** A row for one queue whatever its declarations: a context's work whose row id it keeps. */
  async add(tx: Transaction, message: OutboxMessage): Promise<string> {
    const [row] = (await tx.query(`INSERT INTO outbox (queue, job_name, payload) VALUES ($1, $2, $3) RETURNING id`, [
      message.queue,
      message.name,
      JSON.stringify(message.payload),
    ])) as Array<{ id: string }>;
    return row.id;
  }

  /**
   * The pending rows matching the filter, as committed now. A computation that reads the database
   * after this call sees every change committed with those rows, so it may then `complete` them.
   */
  async pendingIds(tx: Transaction, filter: OutboxFilter): Promise<string[]> {
    const where = filterSql(filter, 1);
    const rows = (await tx.query(
      `SELECT id FROM outbox WHERE completed_at IS NULL AND ${where.sql}`,
      where.params,
    )) as Array<{
      id: string;
    }>;
    return rows.map((r) => r.id);
  }

  async countPending(tx: Transaction, filter: OutboxFilter): Promise<number> {
    const where = filterSql(filter, 1);
    const [row] = (await tx.query(
      `SELECT count(*)::int AS n FROM outbox WHERE completed_at IS NULL AND ${where.sql}`,
      where.params,
    )) as Array<{ n: number }>;
    return row.n;
  }

  /**
   * Whether a row outside `known` was added (still pending) or completed after `since`: facts
   * changed after a computation that began at `since` with the `known` rows pending.
   */
  async changedSince(tx: Transaction, filter: OutboxFilter, known: string[], since: Date): Promise<boolean> {
    const where = filterSql(filter, 3);
    const [row] = (await tx.query(
      `SELECT EXISTS (
         SELECT 1 FROM outbox
         WHERE id <> ALL ($1::uuid[]) AND (completed_at IS NULL OR completed_at > $2) AND ${where.sql}
       ) AS changed`,
      [known, since, ...where.params],
    )) as Array<{ changed: boolean }>;
    return row.changed;
  }

  async isCompleted(tx: Transaction, id: string): Promise<boolean> {
    const [row] = (await tx.query(`SELECT completed_at IS NOT NULL AS completed FROM outbox WHERE id = $1`, [
      id,
    ])) as Array<{
      completed: boolean;
    }>;
    return row?.completed ?? false;
  }

  /** Marks the rows done, in the transaction that commits their effect. */
  async complete(tx: Transaction, ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    await tx.query(
      `UPDATE outbox SET completed_at = clock_timestamp() WHERE id = ANY ($1::uuid[]) AND completed_at IS NULL`,
      [ids],
    );
  }
}
