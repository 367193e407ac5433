import { redisTarget } from '@app/platform/redis';
import { demoRedis } from './demo-redis';

/** The API and the worker must accept what the demo gives them: redisTarget is what they read it with. */
const target = (settings: { REDIS_URL: string; REDIS_QUEUE_PREFIX?: string }, nodes = '') =>
  redisTarget({ REDIS_CLUSTER_NODES: nodes, REDIS_QUEUE_PREFIX: '', ...settings });

describe('demoRedis', () => {
  it('puts the demo in database 12 of one server', () => {
    const settings = demoRedis({ REDIS_URL: 'redis://:secret@10.0.0.5:6380/3' });
    expect(settings).toEqual({ REDIS_URL: 'redis://:secret@10.0.0.5:6380/12' });
    expect(target(settings)).toMatchObject({ mode: 'single', queuePrefix: 'bull' });
    expect(demoRedis({}).REDIS_URL).toBe('redis://127.0.0.1:6379/12');
  });

  it('keeps a cluster URL as given, with a queue prefix of the demo’s own', () => {
    const settings = demoRedis({ REDIS_URL: 'redis+cluster://127.0.0.1:7000,127.0.0.1:7001' });
    expect(settings).toEqual({
      REDIS_URL: 'redis+cluster://127.0.0.1:7000,127.0.0.1:7001',
      REDIS_QUEUE_PREFIX: '{demo}',
    });
    expect(target(settings)).toMatchObject({ mode: 'cluster', queuePrefix: '{demo}' });
  });

  it('leaves REDIS_URL without a database beside REDIS_CLUSTER_NODES, and takes a prefix it is given', () => {
    const env = { REDIS_URL: 'redis://:secret@x', REDIS_CLUSTER_NODES: '10.0.0.1:6379', REDIS_QUEUE_PREFIX: '{q}' };
    const settings = demoRedis(env);
    expect(settings).toEqual({ REDIS_URL: 'redis://:secret@x', REDIS_QUEUE_PREFIX: '{q}' });
    expect(target(settings, env.REDIS_CLUSTER_NODES)).toMatchObject({ mode: 'cluster', password: 'secret' });
  });

  it('takes DEMO_REDIS_URL as it is', () => {
    expect(demoRedis({ DEMO_REDIS_URL: 'redis://h:1/4', REDIS_URL: 'redis://other' })).toEqual({
      REDIS_URL: 'redis://h:1/4',
    });
  });
});
