import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { PlatformConfig, platformConfig } from '../config';
import { Transactions } from '../database';
import { OutboxListener } from './outbox-listener';
import { OutboxConfig, outboxConfig } from './outbox.config';

export const RELAYED_QUEUES = Symbol('RELAYED_QUEUES');

interface PendingRow {
  id: string;
  dispatch_count: number;
  queue: string;
  job_name: string;
  payload: Record<string, unknown>;
}

/**
 * Moves outbox rows to BullMQ. Several relays may run: each claims rows with FOR UPDATE SKIP
 * LOCKED, so none is sent twice at once. A row is marked dispatched only in the transaction that
 * held it while the job was added, and the job id is the row id: a crash in between re-adds the
 * same id, which BullMQ ignores while it has the job. Rows dispatched but not completed after
 * OUTBOX_REDISPATCH_SECONDS are sent again, which re-runs the work if Redis lost it.
 *
 * The relay wakes when a transaction with outbox rows commits (LISTEN/NOTIFY) and sends them at
 * once; polling every OUTBOX_POLL_MS stays as the safety net for notifications lost in an outage.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private wokenWhileRunning = false;
  private stopped = false;
  private listener: OutboxListener | undefined;

  constructor(
    private readonly transactions: Transactions,
    private readonly moduleRef: ModuleRef,
    @Inject(outboxConfig.KEY) private readonly config: OutboxConfig,
    @Inject(RELAYED_QUEUES) private readonly queues: string[],
    @Inject(platformConfig.KEY) private readonly platform: PlatformConfig,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.OUTBOX_RELAY_ENABLED) return;
    this.listener = new OutboxListener({
      databaseUrl: this.platform.DATABASE_URL,
      connectTimeoutMs: this.platform.DB_CONNECT_TIMEOUT_MS,
      retryMs: this.config.OUTBOX_LISTEN_RETRY_MS,
      onWake: () => this.wake(),
    });
    this.listener.start();
    this.schedule(0);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await Promise.all([this.listener?.stop(), this.running]);
  }

  /** Rows were committed: send them now, or right after the batch being sent if one is. */
  private wake(): void {
    if (this.running) this.wokenWhileRunning = true;
    else this.schedule(0);
  }

  /** Sends one batch; returns how many rows went out. */
  async relayOnce(): Promise<number> {
    return this.transactions.run(async (tx) => {
      const rows = (await tx.query(
        `SELECT id, queue, job_name, payload, dispatch_count FROM outbox
         WHERE completed_at IS NULL AND queue = ANY($3::text[])
           AND (dispatched_at IS NULL OR dispatched_at < now() - make_interval(secs => $2))
         ORDER BY created_at
         LIMIT $1
         FOR UPDATE SKIP LOCKED`,
        [this.config.OUTBOX_BATCH_SIZE, this.config.OUTBOX_REDISPATCH_SECONDS, this.relayedQueues()],
      )) as PendingRow[];
      if (rows.length === 0) return 0;
      await withTimeout(Promise.all(rows.map((row) => this.dispatch(row))), this.config.OUTBOX_DISPATCH_TIMEOUT_MS);
      await tx.query(
        `UPDATE outbox SET dispatched_at = now(), dispatch_count = dispatch_count + 1 WHERE id = ANY($1::uuid[])`,
        [rows.map((r) => r.id)],
      );
      return rows.length;
    });
  }

  /**
   * Adds the job; when sending again, a job that BullMQ kept as failed (adding its id again would be
   * a no-op) is retried instead, so that work failed past its attempts is not stuck for ever.
   */
  private async dispatch(row: PendingRow): Promise<void> {
    const queue = this.queue(row.queue);
    if (row.dispatch_count > 0) {
      const existing = await queue.getJob(row.id);
      if (existing && (await existing.isFailed())) {
        await existing.retry('failed');
        return;
      }
    }
    await queue.add(row.job_name, { ...row.payload, outboxId: row.id }, { jobId: row.id });
  }

  private relayedQueues(): string[] {
    return this.queues.filter((queue) => !this.config.OUTBOX_RELAY_EXCLUDE.includes(queue));
  }

  private queue(name: string): Queue {
    return this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.tick().then((next) => {
        this.running = undefined;
        this.schedule(next);
      });
    }, delayMs);
  }

  /** Sends a batch; answers when to send the next one. */
  private async tick(): Promise<number> {
    this.wokenWhileRunning = false;
    let sent = 0;
    try {
      sent = await this.relayOnce();
    } catch (error) {
      // Redis or PostgreSQL unreachable: the rows stay pending and the next tick retries.
      this.logger.warn({ err: error }, 'Outbox relay could not dispatch; will retry');
      return this.config.OUTBOX_POLL_MS;
    }
    return sent === this.config.OUTBOX_BATCH_SIZE || this.wokenWhileRunning ? 0 : this.config.OUTBOX_POLL_MS;
  }
}

/** Rejects when the promise takes longer than `ms`: a Redis that does not answer must not hold the rows' locks. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not accept the jobs within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
