import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { ConnectionOptions } from 'bullmq';
import Redis, { Cluster, RedisOptions } from 'ioredis';
import { PlatformConfig, platformConfig } from '../config';
import { RedisTarget, redisTarget } from './redis-target';

/** A connection to one Redis server or to a Redis Cluster: the commands the platform uses exist on both. */
export type RedisClient = Redis | Cluster;

/** Opens a client of the target with the given per-server options (timeouts, retries). */
export function createRedisClient(target: RedisTarget, options: RedisOptions = {}): RedisClient {
  const client = openClient(target, options);
  // A lost connection is an 'error' event, which ioredis would print to the console as unhandled; the
  // commands it fails answer 503 and readiness reports it, so a warning in the log is enough.
  client.on('error', (error: Error) => logger.warn({ err: error }, 'Redis connection error'));
  return client;
}

const logger = new Logger('Redis');

function openClient(target: RedisTarget, options: RedisOptions): RedisClient {
  if (target.mode === 'single') return new Redis(target.url, options);
  const { enableOfflineQueue, ...serverOptions } = options;
  return new Cluster(target.nodes, {
    redisOptions: {
      ...serverOptions,
      username: target.username,
      password: target.password,
      tls: target.tls ? {} : undefined,
    },
    enableOfflineQueue: enableOfflineQueue ?? true,
    // While a failed master's replica is promoted, commands for its slots are retried on a fresh slot map.
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 300,
    slotsRefreshTimeout: 2000,
  });
}

/** BullMQ's options for one server: workers need `maxRetriesPerRequest: null` to block on Redis. */
export function bullConnection(redisUrl: string): RedisOptions {
  const url = new URL(redisUrl);
  return {
    host: url.hostname.replace(/^\[|\]$/g, ''),
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : undefined,
    // A rediss:// URL asks for TLS, as ioredis reads it from a URL; options built by hand must say so.
    tls: url.protocol === 'rediss:' ? {} : undefined,
    maxRetriesPerRequest: null,
  };
}

/**
 * The one place that turns REDIS_URL / REDIS_CLUSTER_NODES into connections, for the shared client,
 * the sign-in counters, BullMQ and the queue dashboard.
 */
@Injectable()
export class RedisConnections implements OnApplicationShutdown {
  readonly target: RedisTarget;
  /** BullMQ's cluster clients, one per set of options (the queues' and the dashboard's). */
  private readonly queueClusters = new Map<string, Cluster>();

  constructor(@Inject(platformConfig.KEY) config: PlatformConfig) {
    this.target = redisTarget(config);
  }

  /** A client of the caller's own, which the caller closes. */
  open(options: RedisOptions = {}): RedisClient {
    return createRedisClient(this.target, options);
  }

  /**
   * BullMQ's connection. On one server: options, from which BullMQ opens (and closes) connections.
   * On a cluster BullMQ needs a client: one per set of options, shared by the queues of this process
   * (workers duplicate it for their blocking reads), closed here once they are (this global module
   * shuts down after them).
   */
  forQueues(options: RedisOptions = {}): ConnectionOptions {
    if (this.target.mode === 'single') return { ...bullConnection(this.target.url), ...options };
    const key = JSON.stringify(options);
    let cluster = this.queueClusters.get(key);
    if (!cluster) {
      cluster = createRedisClient(this.target, { maxRetriesPerRequest: null, ...options }) as Cluster;
      this.queueClusters.set(key, cluster);
    }
    return cluster;
  }

  async onApplicationShutdown(): Promise<void> {
    const clusters = [...this.queueClusters.values()];
    this.queueClusters.clear();
    await Promise.all(clusters.map((cluster) => closeClient(cluster)));
  }
}

/**
 * QUIT when connected, for at most a second: a cluster whose failed master is still in its pool would
 * wait for that node forever. A connection still retrying is simply dropped (QUIT would wait for it).
 */
export async function closeClient(client: RedisClient): Promise<void> {
  if (client.status === 'ready') {
    const patience = new Promise<void>((resolve) => setTimeout(resolve, 1000).unref());
    await Promise.race([client.quit().catch(() => undefined), patience]);
  }
  client.disconnect();
}
