import { PlatformEnv } from './platform.config';
import { OutboxEnv } from '../outbox/outbox.config';
import { readEnv } from './validate-env';

describe('readEnv', () => {
  it('uses the defaults when nothing is set', () => {
    const env = readEnv(PlatformEnv, {});
    expect(env.PORT).toBe(3000);
    expect(env.DATABASE_URL).toBe('postgres://postgres@127.0.0.1:5432/accelerator');
  });

  it('converts numeric strings to numbers', () => {
    const env = readEnv(PlatformEnv, { PORT: '3100', JSON_BODY_LIMIT: '2048' });
    expect(env.PORT).toBe(3100);
    expect(env.JSON_BODY_LIMIT).toBe(2048);
  });

  it('fails fast, naming every malformed setting', () => {
    expect(() => readEnv(PlatformEnv, { PORT: 'eighty', LOG_LEVEL: 'loud' })).toThrow(
      /PORT[\s\S]*LOG_LEVEL|LOG_LEVEL[\s\S]*PORT/,
    );
  });
});

describe('readEnv of a boolean switch', () => {
  it('reads "false" as false and "true" as true', () => {
    expect(readEnv(OutboxEnv, { OUTBOX_RELAY_ENABLED: 'false' }).OUTBOX_RELAY_ENABLED).toBe(false);
    expect(readEnv(OutboxEnv, { OUTBOX_RELAY_ENABLED: 'true' }).OUTBOX_RELAY_ENABLED).toBe(true);
    expect(readEnv(OutboxEnv, {}).OUTBOX_RELAY_ENABLED).toBe(true);
  });
});
