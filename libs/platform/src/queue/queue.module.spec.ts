import { bullConnection } from '../redis';

describe('bullConnection', () => {
  it('reads host, port, credentials and database from the URL', () => {
    expect(bullConnection('redis://user:p%40ss@redis.internal:6380/4')).toMatchObject({
      host: 'redis.internal',
      port: 6380,
      username: 'user',
      password: 'p@ss',
      db: 4,
      tls: undefined,
    });
  });

  it('connects over TLS when the URL is rediss://', () => {
    expect(bullConnection('rediss://redis.internal:6380')).toMatchObject({ host: 'redis.internal', tls: {} });
  });
});
