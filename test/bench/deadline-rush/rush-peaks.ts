import Redis from 'ioredis';
import { Client } from 'pg';

/**
 * What PostgreSQL and Redis reached during a run, sampled every 200 ms: the bench database's
 * connections (all, and those running a statement), Redis's memory, clients and operations per
 * second (its own instantaneous figure), and the database's size before and after.
 */
export interface Peaks {
  connections: number;
  activeConnections: number;
  redisMemoryMiB: number;
  redisClients: number;
  redisOpsPerSecond: number;
  databaseGrowthMiB: number;
}

const SAMPLE_MS = 200;

export async function samplePeaks(db: Client, redisUrl: string): Promise<{ stop: () => Promise<Peaks> }> {
  const database = (await db.query<{ name: string }>('SELECT current_database() AS name')).rows[0].name;
  const size = async () =>
    Number((await db.query<{ bytes: string }>('SELECT pg_database_size($1) AS bytes', [database])).rows[0].bytes);
  const before = await size();
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  redis.on('error', () => undefined);
  const peaks: Peaks = {
    connections: 0,
    activeConnections: 0,
    redisMemoryMiB: 0,
    redisClients: 0,
    redisOpsPerSecond: 0,
    databaseGrowthMiB: 0,
  };
  const sample = async () => {
    const { rows } = await db.query<{ total: number; active: number }>(
      `SELECT count(*)::int AS total, count(*) FILTER (WHERE state = 'active')::int AS active
       FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()`,
      [database],
    );
    const info = await redis.info();
    const field = (name: string) => Number(new RegExp(`^${name}:(\\S+)`, 'm').exec(info)?.[1] ?? 0);
    peaks.connections = Math.max(peaks.connections, rows[0].total);
    peaks.activeConnections = Math.max(peaks.activeConnections, rows[0].active);
    peaks.redisMemoryMiB = Math.max(peaks.redisMemoryMiB, field('used_memory') / 1_048_576);
    peaks.redisClients = Math.max(peaks.redisClients, field('connected_clients'));
    peaks.redisOpsPerSecond = Math.max(peaks.redisOpsPerSecond, field('instantaneous_ops_per_sec'));
  };
  let running = true;
  const loop = (async () => {
    while (running) {
      // A sample missed on a busy machine is not a failure of the run.
      await sample().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, SAMPLE_MS));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      await sample();
      redis.disconnect();
      peaks.databaseGrowthMiB = ((await size()) - before) / 1_048_576;
      return peaks;
    },
  };
}
