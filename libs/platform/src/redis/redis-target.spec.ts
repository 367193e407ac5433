import fc from 'fast-check';
import { parseClusterInfo, clusterServesAllSlots } from './cluster-info';
import { RedisSettings, RedisSettingsError, hashTag, parseNodes, redisTarget } from './redis-target';

const settings = (overrides: Partial<RedisSettings>): RedisSettings => ({
  REDIS_URL: 'redis://127.0.0.1:6379',
  REDIS_CLUSTER_NODES: '',
  REDIS_QUEUE_PREFIX: '',
  ...overrides,
});

describe('redisTarget', () => {
  it('keeps a single server as it always was, queues under the prefix bull', () => {
    expect(redisTarget(settings({ REDIS_URL: 'redis://:secret@redis.internal:6380/4' }))).toEqual({
      mode: 'single',
      url: 'redis://:secret@redis.internal:6380/4',
      queuePrefix: 'bull',
    });
  });

  it('reads a redis+cluster:// URL: its nodes, credentials and TLS, queues under a hash-tagged prefix', () => {
    expect(redisTarget(settings({ REDIS_URL: 'rediss+cluster://app:p%40ss@a.internal:7000,[::1]:7001,b' }))).toEqual({
      mode: 'cluster',
      nodes: [
        { host: 'a.internal', port: 7000 },
        { host: '::1', port: 7001 },
        { host: 'b', port: 6379 },
      ],
      username: 'app',
      password: 'p@ss',
      tls: true,
      queuePrefix: '{bull}',
    });
  });

  it('takes REDIS_CLUSTER_NODES as the nodes and REDIS_URL for the credentials and TLS', () => {
    expect(
      redisTarget(settings({ REDIS_URL: 'rediss://:secret@ignored:6379', REDIS_CLUSTER_NODES: 'n1:7000, n2:7001' })),
    ).toEqual({
      mode: 'cluster',
      nodes: [
        { host: 'n1', port: 7000 },
        { host: 'n2', port: 7001 },
      ],
      username: undefined,
      password: 'secret',
      tls: true,
      queuePrefix: '{bull}',
    });
  });

  it.each([
    [{ REDIS_URL: 'redis+cluster://a:1', REDIS_CLUSTER_NODES: 'b:2' }, /REDIS_CLUSTER_NODES: set it or/],
    [{ REDIS_URL: 'redis://a:1/3', REDIS_CLUSTER_NODES: 'b:2' }, /only database 0/],
    [{ REDIS_URL: 'redis+cluster://a:1/3' }, /REDIS_URL: a cluster URL reads/],
    [{ REDIS_URL: 'memcached://a:1' }, /unknown scheme/],
    [{ REDIS_URL: 'not a url' }, /not a URL/],
    [{ REDIS_URL: 'redis://a:1/db' }, /database number/],
    [{ REDIS_CLUSTER_NODES: 'a:99999' }, /"a:99999" is not host:port/],
    [{ REDIS_CLUSTER_NODES: ' , ' }, /no cluster node/],
    [{ REDIS_URL: 'redis+cluster://a:1', REDIS_QUEUE_PREFIX: 'bull' }, /needs a hash tag/],
    [{ REDIS_URL: 'redis+cluster://a:1', REDIS_QUEUE_PREFIX: '{}bull' }, /needs a hash tag/],
  ])('refuses %j at boot', (overrides, message) => {
    expect(() => redisTarget(settings(overrides))).toThrow(RedisSettingsError);
    expect(() => redisTarget(settings(overrides))).toThrow(message);
  });

  it('keeps a prefix chosen for a single server (a migration is the operator’s)', () => {
    expect(redisTarget(settings({ REDIS_QUEUE_PREFIX: '{jobs}' })).queuePrefix).toBe('{jobs}');
  });

  it('reads back every list of nodes it is given, in order', () => {
    const host = fc.oneof(
      fc.domain(),
      fc.ipV4(),
      fc.ipV6().map((ip) => `[${ip}]`),
    );
    const node = fc.record({ host, port: fc.integer({ min: 1, max: 65535 }) });
    fc.assert(
      fc.property(fc.array(node, { minLength: 1, maxLength: 8 }), (nodes) => {
        const list = nodes.map((n) => `${n.host}:${n.port}`).join(',');
        const unbracketed = nodes.map((n) => ({ host: n.host.replace(/^\[|\]$/g, ''), port: n.port }));
        expect(parseNodes(list, 'REDIS_CLUSTER_NODES')).toEqual(unbracketed);
        const target = redisTarget(settings({ REDIS_URL: `redis+cluster://${list}` }));
        expect(target.mode === 'cluster' && target.nodes).toEqual(unbracketed);
      }),
    );
  });

  it('gives every cluster target a queue prefix with a hash tag', () => {
    fc.assert(
      fc.property(fc.string(), (prefix) => {
        let target;
        try {
          target = redisTarget(settings({ REDIS_CLUSTER_NODES: 'a:1', REDIS_QUEUE_PREFIX: prefix }));
        } catch (error) {
          expect(error).toBeInstanceOf(RedisSettingsError);
          return;
        }
        expect(hashTag(target.queuePrefix)).not.toBeNull();
      }),
    );
  });
});

describe('hashTag', () => {
  it.each([
    ['{bull}:scoring:wait', 'bull'],
    ['bull:scoring', null],
    ['{}bull', null],
    ['a{b}{c}', 'b'],
    ['{a{b}', 'a{b'],
  ])('of %s is %s, as Redis hashes it', (key, tag) => {
    expect(hashTag(key)).toBe(tag);
  });

  it('puts every key that starts with a tagged prefix under that tag', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((tag) => !tag.includes('}')),
        fc.string(),
        (tag, rest) => {
          expect(hashTag(`{${tag}}:${rest}`)).toBe(tag);
        },
      ),
    );
  });
});

describe('parseClusterInfo', () => {
  const info = [
    'cluster_state:ok',
    'cluster_slots_assigned:16384',
    'cluster_slots_ok:16384',
    'cluster_slots_pfail:0',
    'cluster_known_nodes:6',
    'cluster_size:3',
    '',
  ].join('\r\n');

  it('reads the state, the masters, the slots and the nodes', () => {
    expect(parseClusterInfo(info)).toEqual({
      state: 'ok',
      masters: 3,
      slotsAssigned: 16384,
      slotsOk: 16384,
      knownNodes: 6,
    });
    expect(clusterServesAllSlots(parseClusterInfo(info))).toBe(true);
  });

  it('is not ready while a master is failing over or slots are unserved', () => {
    expect(clusterServesAllSlots(parseClusterInfo(info.replace('cluster_state:ok', 'cluster_state:fail')))).toBe(false);
    expect(clusterServesAllSlots(parseClusterInfo(info.replace('slots_ok:16384', 'slots_ok:10923')))).toBe(false);
    expect(parseClusterInfo('garbage')).toMatchObject({ state: 'unknown', masters: 0 });
  });
});
