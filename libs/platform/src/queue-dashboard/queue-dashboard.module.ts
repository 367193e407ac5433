import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { platformConfig } from '../config';
import { RedisConnections } from '../redis';
import { QUEUE_DASHBOARD_ROUTE, QueueDashboardAuth } from './queue-dashboard.auth';
import { QueueDashboardController } from './queue-dashboard.controller';
import {
  DASHBOARD_QUEUE_NAMES,
  DashboardQueueRepair,
  QueueDashboardOutages,
  dashboardQueueOptions,
} from './queue-dashboard.outages';

/** Bull Board over the given queues, for the secretariat (see QueueDashboardAuth). */
@Module({})
export class QueueDashboardModule {
  static forQueues(queues: string[]): DynamicModule {
    return {
      module: QueueDashboardModule,
      imports: [
        ConfigModule.forFeature(platformConfig),
        BullModule.registerQueueAsync(
          ...queues.map((name) => ({
            name,
            imports: [ConfigModule.forFeature(platformConfig)],
            inject: [platformConfig.KEY, RedisConnections],
            useFactory: dashboardQueueOptions,
          })),
        ),
        BullBoardModule.forRoot({
          route: QUEUE_DASHBOARD_ROUTE,
          adapter: ExpressAdapter,
          middleware: QueueDashboardAuth,
        }),
        BullBoardModule.forFeature(...queues.map((name) => ({ name, adapter: BullMQAdapter }))),
      ],
      controllers: [QueueDashboardController],
      providers: [QueueDashboardOutages, DashboardQueueRepair, { provide: DASHBOARD_QUEUE_NAMES, useValue: queues }],
    };
  }
}
