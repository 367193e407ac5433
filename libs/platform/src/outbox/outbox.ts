import { Injectable } from '@nestjs/common';
import { Transaction } from '../database';

/** Work to hand to a BullMQ queue once the transaction that asked for it commits. */
export interface OutboxMessage {
  queue: string;
  name: string;
  payload: Record<string, unknown>;
}

/**
 * The transactional outbox: a service records background work in the same transaction as the
 * change that needs it, so work acknowledged to a user is never lost, even while Redis is down.
 * The worker's relay moves rows to BullMQ with the row id as the job id; a job marks its row
 * complete in the transaction of its effect.
 */
@Injectable()
export class Outbox {
  async add(tx: Transaction, message: OutboxMessage): Promise<string> {
    const [row] = (await tx.query(`INSERT INTO outbox (queue, job_name, payload) VALUES ($1, $2, $3) RETURNING id`, [
      message.queue,
      message.name,
      JSON.stringify(message.payload),
    ])) as Array<{ id: string }>;
    return row.id;
  }

  /**
   * Marks done every pending row of a queue and job whose payload matches, created up to `until`:
   * one recomputation from the database covers all the requests that came before it.
   */
  async completeCovered(
    tx: Transaction,
    filter: { queue: string; name: string; payload: Record<string, unknown>; until: Date },
  ): Promise<number> {
    const [, count] = (await tx.query(
      `UPDATE outbox SET completed_at = now()
       WHERE queue = $1 AND job_name = $2 AND payload @> $3::jsonb AND created_at <= $4 AND completed_at IS NULL`,
      [filter.queue, filter.name, JSON.stringify(filter.payload), filter.until],
    )) as [unknown, number];
    return count;
  }
}
