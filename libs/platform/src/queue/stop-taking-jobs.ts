import { WorkerHost } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { Worker } from 'bullmq';
import { closeHandler } from 'ioredis/built/redis/event_handler';

/** How long the jobs running at shutdown have to finish before the worker's connections are cut. */
export const WORKER_CLOSE_GRACE_MS = 25_000;
/** How long a worker may take to close once its connections are cut. */
const AFTER_CUT_MS = 5_000;

/**
 * On shutdown, every BullMQ worker of the process stops taking jobs at once: Nest closes the
 * workers only after the HTTP server, and a worker still fetching meanwhile would start jobs it
 * must then finish. The jobs already running are awaited, for WORKER_CLOSE_GRACE_MS at most: a close
 * can wait forever while Redis is unreachable (BullMQ waits for its blocking connection to end, and
 * a connection waiting to reconnect does not), and on a Redis Cluster for a master that died and is
 * still in the client's slot map. Past that, the worker's connections are cut, which fails what
 * waits on them and ends the close; a job cut short is taken up again (its lock lapses).
 */
@Injectable()
export class StopTakingJobs implements BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(StopTakingJobs.name);
  private closing: Array<Promise<void>> = [];
  graceMs = WORKER_CLOSE_GRACE_MS;

  constructor(private readonly discovery: DiscoveryService) {}

  beforeApplicationShutdown(): void {
    this.closing = this.workers().map((worker) => this.close(worker));
  }

  /** Awaited before the shared Redis connections close (RedisConnections, a global module, shuts down last). */
  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.closing);
  }

  private workers(): Worker[] {
    const workers: Worker[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (instance instanceof WorkerHost) workers.push(instance.worker);
    }
    return workers;
  }

  private async close(worker: Worker): Promise<void> {
    const closed = worker
      .close()
      .catch((error: unknown) => this.logger.warn({ err: error, queue: worker.name }, 'Worker did not close cleanly'));
    if (await settlesWithin(closed, this.graceMs)) return;
    this.logger.warn({ queue: worker.name, graceMs: this.graceMs }, 'Worker still closing; cutting its connections');
    cutConnections(worker);
    if (!(await settlesWithin(closed, AFTER_CUT_MS))) {
      const connections = heldClients(worker).map((client) => client?.status ?? 'none');
      this.logger.error({ queue: worker.name, connections }, 'Worker did not close after its connections were cut');
    }
  }
}

/** Whether the promise settles within the time (the timer does not keep the process alive). */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
    timer.unref();
  });
  try {
    return await Promise.race([promise.then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}

/** What cutting needs of an ioredis client (Redis or Cluster), and of BullMQ's connection holding one. */
interface RawClient {
  status: string;
  isCluster?: boolean;
  disconnect(): void;
  handleCloseEvent?: () => void;
}
type HeldConnection = { _client?: RawClient } | undefined;

/** The worker's two connections' clients: its own, and the one it blocks on for jobs (BullMQ keeps both private). */
function heldClients(worker: Worker): Array<RawClient | undefined> {
  const held = worker as unknown as { blockingConnection?: HeldConnection; connection?: HeldConnection };
  return [held.blockingConnection?._client, held.connection?._client];
}

/**
 * Disconnects the worker's connections without QUIT (BullMQ's close waits for their `end`). ioredis
 * ends a client when its socket closes, so a client with no socket never ends when disconnected:
 * - one waiting to reconnect (its server gone, as in a Redis outage) only stops retrying, and the
 *   commands queued meanwhile wait forever; it is closed as its socket's close would have closed it
 *   (manually, so it ends and fails them);
 * - a Cluster that had already lost every node (a failover in progress) has an empty pool, so nothing
 *   drains; it is told its connections are closed, which ends it likewise.
 */
function cutConnections(worker: Worker): void {
  for (const client of heldClients(worker)) {
    if (!client || client.status === 'end') continue;
    client.disconnect();
    if (client.isCluster) {
      if (client.status !== 'end') client.handleCloseEvent?.();
    } else if (client.status === 'reconnecting') {
      closeHandler(client)();
    }
  }
}
