import { identityConfig } from './identity.config';

describe('identity configuration', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('hashes passwords with argon2 defaults unless told, and accepts a lower memory outside production', () => {
    delete process.env.PASSWORD_HASH_MEMORY_KIB;
    expect(identityConfig().PASSWORD_HASH_MEMORY_KIB).toBe(65_536);
    Object.assign(process.env, { NODE_ENV: 'test', PASSWORD_HASH_MEMORY_KIB: '1024' });
    expect(identityConfig().PASSWORD_HASH_MEMORY_KIB).toBe(1024);
  });

  it('refuses less than 19 MiB in production, and anything below 1 MiB anywhere', () => {
    Object.assign(process.env, {
      NODE_ENV: 'production',
      PASSWORD_HASH_MEMORY_KIB: '8192',
      JWT_SECRET: 'x'.repeat(32),
    });
    expect(() => identityConfig()).toThrow(/PASSWORD_HASH_MEMORY_KIB must be at least 19456 in production/);
    process.env.PASSWORD_HASH_MEMORY_KIB = '19456';
    expect(identityConfig().PASSWORD_HASH_MEMORY_KIB).toBe(19_456);
    Object.assign(process.env, { NODE_ENV: 'test', PASSWORD_HASH_MEMORY_KIB: '512' });
    expect(() => identityConfig()).toThrow(/PASSWORD_HASH_MEMORY_KIB/);
  });
});
