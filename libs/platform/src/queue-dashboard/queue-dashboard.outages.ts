import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { BULL_BOARD_ADAPTER, type BullBoardInstance, InjectBullBoard } from '@bull-board/nestjs';
import type { ExpressAdapter } from '@bull-board/express';
import { getQueueToken } from '@nestjs/bullmq';
import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { HTTPStatus } from '@bull-board/api/dist/types';
import { Queue, type QueueOptions } from 'bullmq';
import { PlatformConfig, platformConfig } from '../config';
import { isServiceUnavailable } from '../database/service-unavailable';
import { PLATFORM_DETAILS, formatDetail, problemDetail, problemTitle } from '../errors';
import { DEFAULT_LANGUAGE, type Language } from '../languages/languages';
import { RedisConnections } from '../redis';

/**
 * The dashboard's queues. Their connection fails fast while Redis is down or frozen: the workers'
 * connection waits for Redis forever (as BullMQ's blocking commands need), which would hang each
 * request of the dashboard instead.
 */
export function dashboardQueueOptions(config: PlatformConfig, connections: RedisConnections): QueueOptions {
  return {
    connection: connections.forQueues({
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      commandTimeout: config.REDIS_COMMAND_TIMEOUT_MS,
    }),
    prefix: connections.target.queuePrefix,
  };
}

/** The names of the queues the dashboard shows. */
export const DASHBOARD_QUEUE_NAMES = Symbol('DASHBOARD_QUEUE_NAMES');
/** How long a queue whose connection failed waits before the next try. */
const RECONNECT_PAUSE_MS = 1000;

/**
 * BullMQ asks Redis its version once, when a queue's connection first becomes ready. Under the
 * dashboard's command timeout, a Redis slow at that moment (a loaded machine did it) fails the
 * question, and the queue then fails every call until the process restarts: the dashboard would
 * answer 503 for good. Such a queue is replaced in the dashboard by a new one, tried again after a
 * pause for as long as Redis stays slow.
 */
@Injectable()
export class DashboardQueueRepair implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DashboardQueueRepair.name);
  /** The queues this created, which it closes (Nest closes those it made). */
  private readonly created = new Set<Queue>();
  private stopping = false;

  constructor(
    @Inject(DASHBOARD_QUEUE_NAMES) private readonly names: string[],
    private readonly moduleRef: ModuleRef,
    @InjectBullBoard() private readonly board: BullBoardInstance,
    @Inject(platformConfig.KEY) private readonly config: PlatformConfig,
    private readonly connections: RedisConnections,
  ) {}

  onApplicationBootstrap(): void {
    for (const name of this.names) this.watch(this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }));
  }

  /** Replaces `queue` in the dashboard if its connection fails to become ready. */
  watch(queue: Pick<Queue, 'name' | 'waitUntilReady'>): void {
    queue.waitUntilReady().catch((error: unknown) => {
      if (this.stopping) return;
      this.logger.warn({ err: error, queue: queue.name }, 'A dashboard queue failed to connect; replacing it');
      setTimeout(() => this.replace(queue), RECONNECT_PAUSE_MS).unref();
    });
  }

  private replace(failed: Pick<Queue, 'name'>): void {
    if (this.stopping) return;
    const queue = new Queue(failed.name, dashboardQueueOptions(this.config, this.connections));
    this.created.add(queue);
    this.board.addQueue(new BullMQAdapter(queue));
    if (failed instanceof Queue && this.created.delete(failed)) void failed.close().catch(() => undefined);
    this.watch(queue);
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.created].map((queue) => queue.close().catch(() => undefined)));
  }
}

type BoardErrorHandler = Parameters<ExpressAdapter['setErrorHandler']>[0];

/**
 * The reader's language while Bull Board serves a request: its error handler is not given the
 * request, so the dashboard's middleware runs the rest of the request in it (see QueueDashboardAuth).
 */
export const dashboardLanguage = new AsyncLocalStorage<Language>();

/** Bull Board's type lists only the statuses it answers itself; Express sends any. */
const SERVICE_UNAVAILABLE = 503 as number as HTTPStatus;

/** Bull Board answers its own errors; a Redis outage among them is a 503 problem, not its 500. */
@Injectable()
export class QueueDashboardOutages implements OnModuleInit {
  constructor(@Inject(BULL_BOARD_ADAPTER) private readonly adapter: ExpressAdapter) {}

  onModuleInit(): void {
    const boardHandler = (this.adapter as unknown as { errorHandler: BoardErrorHandler }).errorHandler;
    this.adapter.setErrorHandler((error) => {
      if (!isServiceUnavailable(error)) return boardHandler(error);
      const language = dashboardLanguage.getStore() ?? DEFAULT_LANGUAGE;
      return {
        status: SERVICE_UNAVAILABLE,
        body: {
          type: 'urn:problem:service-unavailable',
          title: problemTitle('SERVICE_UNAVAILABLE', language),
          status: 503,
          detail: formatDetail(problemDetail(PLATFORM_DETAILS.QUEUES_UNAVAILABLE), language),
          code: 'SERVICE_UNAVAILABLE',
        },
      };
    });
  }
}
