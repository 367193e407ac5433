import { WorkerHost } from '@nestjs/bullmq';
// Where @Processor records its queue; the package does not export the key from its index.
import { PROCESSOR_METADATA } from '@nestjs/bullmq/dist/bull.constants';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, ModuleRef } from '@nestjs/core';
import { JobProcessor } from '../queue/job-processor';
import { RELAYED_QUEUES } from './outbox-relay';
import { Subscriptions } from './subscriptions';

/** A processor found in the worker: its class name, its queue and the jobs it serves (none known if not a JobProcessor). */
export interface FoundProcessor {
  name: string;
  queue: string;
  jobs: string[] | undefined;
}

/**
 * What is wrong with how the relayed queues' jobs reach processors: every declared job of a relayed
 * queue needs exactly one processor, and a processor serves only declared jobs. Empty when all is well.
 */
export function jobRoutingProblems(
  relayed: readonly string[],
  declared: (queue: string) => readonly string[] | undefined,
  processors: readonly FoundProcessor[],
): string[] {
  return relayed.flatMap((queue) => {
    const jobs = declared(queue);
    if (!jobs) return [`queue "${queue}" is relayed but no context declares its jobs`];
    const own = processors.filter((p) => p.queue === queue);
    const opaque = own
      .filter((p) => p.jobs === undefined)
      .map((p) => `${p.name} of queue "${queue}" does not list its jobs`);
    const serving = (job: string) => own.filter((p) => p.jobs?.includes(job)).map((p) => p.name);
    const unrouted = jobs.flatMap((job) => {
      const names = serving(job);
      if (names.length === 0) return [`job "${job}" of queue "${queue}" has no processor`];
      if (names.length > 1)
        return [`job "${job}" of queue "${queue}" has ${names.length} processors: ${names.join(', ')}`];
      return [];
    });
    const undeclared = own.flatMap((p) =>
      (p.jobs ?? [])
        .filter((job) => !jobs.includes(job))
        .map((job) => `${p.name} serves "${job}", which queue "${queue}" does not declare`),
    );
    return [...opaque, ...unrouted, ...undeclared];
  });
}

/**
 * Refuses to boot a worker whose relayed jobs would not each reach exactly one processor. It runs
 * while modules initialise; the processors start taking jobs only once the application has booted.
 */
@Injectable()
export class JobRoutingCheck implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly subscriptions: Subscriptions,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    const relayed = this.moduleRef.get<string[]>(RELAYED_QUEUES, { strict: false });
    const problems = jobRoutingProblems(relayed, (queue) => this.subscriptions.jobsOf(queue), this.processors());
    if (problems.length > 0)
      throw new Error(`The worker's jobs do not each have one processor:\n- ${problems.join('\n- ')}`);
  }

  private processors(): FoundProcessor[] {
    return this.discovery.getProviders().flatMap((wrapper) => {
      const instance: unknown = wrapper.instance;
      if (!(instance instanceof WorkerHost) || !wrapper.metatype) return [];
      const options = Reflect.getMetadata(PROCESSOR_METADATA, wrapper.metatype) as { name?: string } | undefined;
      if (!options?.name) return [];
      return [
        {
          name: wrapper.name,
          queue: options.name,
          jobs: instance instanceof JobProcessor ? instance.jobNames : undefined,
        },
      ];
    });
  }
}
