import { BULL_BOARD_ADAPTER } from '@bull-board/nestjs';
import type { ExpressAdapter } from '@bull-board/express';
import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { HTTPStatus } from '@bull-board/api/dist/types';
import type { ConnectionOptions } from 'bullmq';
import { PlatformConfig } from '../config';
import { isServiceUnavailable } from '../database/service-unavailable';
import { problemTitle } from '../errors';
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

/** Bull Board's type lists only the statuses it answers itself; Express sends any. */
const SERVICE_UNAVAILABLE = 503 as number as HTTPStatus;

/** Bull Board answers its own errors; a Redis outage among them is a 503 problem, not its 500. */
@Injectable()
export class QueueDashboardOutages implements OnModuleInit {
  constructor(@Inject(BULL_BOARD_ADAPTER) private readonly adapter: ExpressAdapter) {}

  onModuleInit(): void {
    const boardHandler = (this.adapter as unknown as { errorHandler: BoardErrorHandler }).errorHandler;
    this.adapter.setErrorHandler((error) =>
      isServiceUnavailable(error)
        ? {
            status: SERVICE_UNAVAILABLE,
            body: {
              type: 'urn:problem:service-unavailable',
              title: problemTitle('SERVICE_UNAVAILABLE', 'en'),
              status: 503,
              detail: 'The queues cannot be read now; try again shortly.',
              code: 'SERVICE_UNAVAILABLE',
            },
          }
        : boardHandler(error),
    );
  }
}
