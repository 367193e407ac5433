import { WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';

/**
 * On shutdown, every BullMQ worker of the process stops taking jobs at once: Nest closes the
 * workers only after the HTTP server, and a worker still fetching meanwhile would start jobs it
 * must then finish. The jobs already running are awaited when @nestjs/bullmq closes the workers.
 */
@Injectable()
export class StopTakingJobs implements BeforeApplicationShutdown {
  private readonly logger = new Logger(StopTakingJobs.name);

  constructor(private readonly discovery: DiscoveryService) {}

  beforeApplicationShutdown(): void {
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!(instance instanceof WorkerHost)) continue;
      // Not awaited here: closing waits for the running jobs, which onApplicationShutdown awaits.
      instance.worker
        .close()
        .catch((error: unknown) => this.logger.warn({ err: error }, 'Worker did not close cleanly'));
    }
  }
}
