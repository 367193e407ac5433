/**
 * The Redis settings of the demo's API and worker. Its queues live in a Redis database of their own
 * (12 unless DEMO_REDIS_URL says otherwise): workers of other checkouts or test runs on the same
 * Redis use the same queue names, and would otherwise take the demo's jobs (and the demo theirs). A
 * Redis Cluster (a `redis+cluster://` URL, or REDIS_CLUSTER_NODES) has database 0 only: there the
 * demo's queues take a hash-tagged prefix of their own instead, `{demo}` unless REDIS_QUEUE_PREFIX
 * says otherwise.
 */
export function demoRedis(env: NodeJS.ProcessEnv): { REDIS_URL: string; REDIS_QUEUE_PREFIX?: string } {
  const given = env.DEMO_REDIS_URL || env.REDIS_URL || 'redis://127.0.0.1:6379';
  if (/^rediss?\+cluster:/.test(given) || env.REDIS_CLUSTER_NODES) {
    return { REDIS_URL: given, REDIS_QUEUE_PREFIX: env.REDIS_QUEUE_PREFIX || '{demo}' };
  }
  if (env.DEMO_REDIS_URL) return { REDIS_URL: given };
  const url = new URL(given);
  url.pathname = '/12';
  return { REDIS_URL: url.toString() };
}
