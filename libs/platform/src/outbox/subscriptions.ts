import { DynamicModule, Injectable, Module } from '@nestjs/common';
import { QueueJobs } from './events';

/**
 * Every queue's declared jobs, for the processes that publish (one outbox row per subscribing
 * queue) and for the worker's check of its processors. Each context declares its own queue by
 * importing `Subscriptions.declare(...)` into its module.
 */
@Injectable()
export class Subscriptions {
  private readonly queues = new Map<string, readonly string[]>();

  add(declared: QueueJobs): void {
    const known = this.queues.get(declared.queue);
    if (known && known.join() !== declared.jobs.join())
      throw new Error(`The jobs of queue "${declared.queue}" are declared twice, differently`);
    this.queues.set(declared.queue, declared.jobs);
  }

  /** The queues that subscribe to the event (or whose own job it is). */
  queuesOf(eventName: string): string[] {
    return [...this.queues].filter(([, jobs]) => jobs.includes(eventName)).map(([queue]) => queue);
  }

  jobsOf(queue: string): readonly string[] | undefined {
    return this.queues.get(queue);
  }

  /** A module declaring a context's queue; imported by the context's own module. */
  static declare(declared: QueueJobs): DynamicModule {
    return {
      module: SubscriptionDeclarationModule,
      providers: [
        {
          provide: `subscriptions:${declared.queue}`,
          inject: [Subscriptions],
          useFactory: (subscriptions: Subscriptions) => subscriptions.add(declared),
        },
      ],
    };
  }
}

@Module({})
class SubscriptionDeclarationModule {}
