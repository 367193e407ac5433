import { BULL_BOARD_ADAPTER } from '@bull-board/nestjs';
import type { ExpressAdapter } from '@bull-board/express';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { HTTPStatus } from '@bull-board/api/dist/types';
import type { ConnectionOptions } from 'bullmq';
import { PlatformConfig } from '../config';
import { isServiceUnavailable } from '../database/service-unavailable';
import { PLATFORM_DETAILS, formatDetail, problemDetail, problemTitle } from '../errors';
import { DEFAULT_LANGUAGE, type Language } from '../languages/languages';
import { RedisConnections } from '../redis';

/**
 * The dashboard's connection to the queues fails fast while Redis is down or frozen: the workers'
 * connection waits for Redis forever (as BullMQ's blocking commands need), which would hang each
 * request of the dashboard instead.
 */
export function dashboardConnection(config: PlatformConfig, connections: RedisConnections): ConnectionOptions {
  return connections.forQueues({
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    commandTimeout: config.REDIS_COMMAND_TIMEOUT_MS,
  });
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
