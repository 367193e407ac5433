/**
 * Where Redis is: one server (`redis://`, `rediss://`, as ioredis reads them) or a Redis Cluster, named
 * by `redis+cluster://[user:password@]host:port,host:port` (`rediss+cluster://` for TLS) or by
 * REDIS_CLUSTER_NODES beside a plain REDIS_URL that then gives only the credentials and TLS. Pure: the
 * settings are checked at boot (`redisTarget` throws a message naming the setting at fault).
 */

export interface RedisNode {
  host: string;
  port: number;
}

export type RedisTarget =
  | { mode: 'single'; url: string; queuePrefix: string }
  | {
      mode: 'cluster';
      nodes: RedisNode[];
      username?: string;
      password?: string;
      tls: boolean;
      queuePrefix: string;
    };

export interface RedisSettings {
  REDIS_URL: string;
  /** `host:port,host:port`; empty: REDIS_URL says whether Redis is a cluster. */
  REDIS_CLUSTER_NODES: string;
  /** BullMQ's key prefix; empty: `bull` on one server (as always), `{bull}` on a cluster. */
  REDIS_QUEUE_PREFIX: string;
}

/** The prefix BullMQ has always used here; keys of existing deployments carry it. */
export const SINGLE_QUEUE_PREFIX = 'bull';
/** Hash-tagged: every key of every queue (and of a flow across queues) falls in one slot. */
export const CLUSTER_QUEUE_PREFIX = '{bull}';

export class RedisSettingsError extends Error {}

const CLUSTER_URL = /^(rediss?)\+cluster:\/\/(?:([^@/]*)@)?([^/?#@]+)(\/0?)?$/;

export function redisTarget(settings: RedisSettings): RedisTarget {
  const nodesSetting = settings.REDIS_CLUSTER_NODES.trim();
  const clusterUrl = CLUSTER_URL.exec(settings.REDIS_URL);
  if (clusterUrl && nodesSetting) {
    throw new RedisSettingsError('REDIS_CLUSTER_NODES: set it or a redis+cluster:// REDIS_URL, not both');
  }
  if (clusterUrl) {
    const [, scheme, userinfo, hosts] = clusterUrl;
    return cluster(parseNodes(hosts, 'REDIS_URL'), userinfo, scheme === 'rediss', settings.REDIS_QUEUE_PREFIX);
  }
  if (/^[a-z+]*\+cluster:/i.test(settings.REDIS_URL)) {
    throw new RedisSettingsError('REDIS_URL: a cluster URL reads redis+cluster://host:port,host:port');
  }
  const url = parseSingleUrl(settings.REDIS_URL);
  if (!nodesSetting) {
    return { mode: 'single', url: settings.REDIS_URL, queuePrefix: settings.REDIS_QUEUE_PREFIX || SINGLE_QUEUE_PREFIX };
  }
  if (url.pathname.length > 1 && url.pathname !== '/0') {
    throw new RedisSettingsError('REDIS_URL: a Redis Cluster has only database 0; remove the database number');
  }
  const userinfo = url.username || url.password ? `${url.username}:${url.password}` : undefined;
  return cluster(
    parseNodes(nodesSetting, 'REDIS_CLUSTER_NODES'),
    userinfo,
    url.protocol === 'rediss:',
    settings.REDIS_QUEUE_PREFIX,
  );
}

/** Redis hashes only the part between the first `{` and the next `}`, when that part is not empty. */
export function hashTag(key: string): string | null {
  const open = key.indexOf('{');
  if (open < 0) return null;
  const close = key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : null;
}

function cluster(nodes: RedisNode[], userinfo: string | undefined, tls: boolean, prefix: string): RedisTarget {
  const queuePrefix = prefix || CLUSTER_QUEUE_PREFIX;
  if (hashTag(queuePrefix) === null) {
    throw new RedisSettingsError(
      `REDIS_QUEUE_PREFIX: on a Redis Cluster it needs a hash tag such as {bull}, so that a queue's keys share a slot`,
    );
  }
  const separator = userinfo === undefined ? -1 : userinfo.indexOf(':');
  const username = userinfo === undefined ? '' : decode(separator < 0 ? userinfo : userinfo.slice(0, separator));
  const password = userinfo === undefined || separator < 0 ? '' : decode(userinfo.slice(separator + 1));
  return {
    mode: 'cluster',
    nodes,
    username: username || undefined,
    password: password || undefined,
    tls,
    queuePrefix,
  };
}

function parseSingleUrl(value: string): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new RedisSettingsError('REDIS_URL: not a URL (redis://host:port, rediss://…, redis+cluster://…)');
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new RedisSettingsError(`REDIS_URL: unknown scheme ${url.protocol} (redis:, rediss:, redis+cluster:)`);
  }
  if (url.pathname.length > 1 && !/^\/\d+$/.test(url.pathname)) {
    throw new RedisSettingsError('REDIS_URL: the path is a database number');
  }
  return url;
}

/** `host:port` items separated by commas; an IPv6 host in brackets; the port defaults to 6379. */
export function parseNodes(list: string, setting: string): RedisNode[] {
  const items = list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
  if (items.length === 0) throw new RedisSettingsError(`${setting}: no cluster node given`);
  return items.map((item) => {
    const match = /^(?:\[([0-9a-fA-F:.]+)\]|([^:[\]\s]+))(?::(\d{1,5}))?$/.exec(item);
    const port = Number(match?.[3] ?? 6379);
    if (!match || port < 1 || port > 65535) {
      throw new RedisSettingsError(`${setting}: "${item}" is not host:port`);
    }
    return { host: match[1] ?? match[2], port };
  });
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new RedisSettingsError('REDIS_URL: the user or password is not URL-encoded');
  }
}
