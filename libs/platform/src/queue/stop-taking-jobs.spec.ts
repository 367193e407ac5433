import { WorkerHost } from '@nestjs/bullmq';
import type { DiscoveryService } from '@nestjs/core';
import type { Worker } from 'bullmq';
import { StopTakingJobs } from './stop-taking-jobs';

/**
 * An ioredis client as BullMQ's connection holds it. A Cluster that lost every node stays `close`
 * when disconnected, as one did in a failover, until told its connections are closed.
 */
class FakeClient {
  status = 'ready';
  constructor(
    readonly isCluster: boolean,
    private readonly ended: () => void,
  ) {}
  disconnect(): void {
    if (this.isCluster) {
      this.status = 'close';
      return;
    }
    this.end();
  }
  handleCloseEvent(): void {
    this.end();
  }
  private end(): void {
    this.status = 'end';
    this.ended();
  }
}

/** A BullMQ worker whose close, when it hangs, waits until its blocking connection has ended. */
class FakeWorker {
  readonly name = 'scoring';
  readonly blockingConnection: { _client: FakeClient };
  private release!: () => void;
  private readonly closed = new Promise<void>((resolve) => (this.release = resolve));
  constructor(
    private readonly hangs: boolean,
    cluster: boolean,
  ) {
    this.blockingConnection = { _client: new FakeClient(cluster, () => this.release()) };
  }
  get cut(): boolean {
    return this.blockingConnection._client.status === 'end';
  }
  close = (): Promise<void> => (this.hangs ? this.closed : Promise.resolve());
}

class Host extends WorkerHost {
  constructor(private readonly fake: FakeWorker) {
    super();
  }
  override get worker(): Worker {
    return this.fake as unknown as Worker;
  }
  async process(): Promise<void> {}
}

function stopping(...workers: FakeWorker[]): StopTakingJobs {
  const discovery = { getProviders: () => workers.map((w) => ({ instance: new Host(w) })) };
  const stop = new StopTakingJobs(discovery as unknown as DiscoveryService);
  stop.graceMs = 50;
  return stop;
}

describe('StopTakingJobs', () => {
  it('lets a worker that closes in time close by itself', async () => {
    const worker = new FakeWorker(false, true);
    const stop = stopping(worker);
    stop.beforeApplicationShutdown();
    await stop.onApplicationShutdown();
    expect(worker.cut).toBe(false);
  });

  it.each([
    ['one server', false],
    ['a cluster that lost its nodes', true],
  ])(
    'cuts the connections of a worker still closing after the grace period, which ends its close (%s)',
    async (_redis, cluster) => {
      const [hanging, prompt] = [new FakeWorker(true, cluster), new FakeWorker(false, cluster)];
      const stop = stopping(hanging, prompt);
      const started = Date.now();
      stop.beforeApplicationShutdown();
      await stop.onApplicationShutdown();
      expect(hanging.cut).toBe(true);
      expect(prompt.cut).toBe(false);
      expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    },
  );
});
