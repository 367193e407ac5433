import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { BullModule } from '@nestjs/bullmq';
import { DynamicModule, Module } from '@nestjs/common';
import { QUEUE_DASHBOARD_ROUTE, QueueDashboardAuth } from './queue-dashboard.auth';
import { QueueDashboardController } from './queue-dashboard.controller';

/** Bull Board over the given queues, for the secretariat (see QueueDashboardAuth). */
@Module({})
export class QueueDashboardModule {
  static forQueues(queues: string[]): DynamicModule {
    return {
      module: QueueDashboardModule,
      imports: [
        BullModule.registerQueue(...queues.map((name) => ({ name }))),
        BullBoardModule.forRoot({
          route: QUEUE_DASHBOARD_ROUTE,
          adapter: ExpressAdapter,
          middleware: QueueDashboardAuth,
        }),
        BullBoardModule.forFeature(...queues.map((name) => ({ name, adapter: BullMQAdapter }))),
      ],
      controllers: [QueueDashboardController],
    };
  }
}
