import { platformConfig } from './platform.config';

/** The Redis settings are checked when the settings are read, that is when a process starts. */
describe('platformConfig', () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of ['REDIS_URL', 'REDIS_CLUSTER_NODES', 'REDIS_QUEUE_PREFIX']) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
  });

  it('accepts a cluster URL', () => {
    process.env.REDIS_URL = 'redis+cluster://10.0.0.1:6379,10.0.0.2:6379';
    expect(platformConfig().REDIS_URL).toBe('redis+cluster://10.0.0.1:6379,10.0.0.2:6379');
  });

  it.each([
    [{ REDIS_URL: 'redis+cluster://10.0.0.1:6379/2' }, 'REDIS_URL: a cluster URL reads'],
    [{ REDIS_CLUSTER_NODES: '10.0.0.1:6379', REDIS_QUEUE_PREFIX: 'bull' }, 'REDIS_QUEUE_PREFIX: on a Redis Cluster'],
  ])('stops the process on %j, naming the setting', (env, message) => {
    Object.assign(process.env, env);
    expect(() => platformConfig()).toThrow(`Invalid configuration:\n  ${message}`);
  });
});
