import { readEnv } from '../config/validate-env';
import { OutboxEnv } from './outbox.config';

describe('outbox settings', () => {
  it('relay every queue unless told to leave some to other workers', () => {
    expect(readEnv(OutboxEnv, {}).OUTBOX_RELAY_EXCLUDE).toEqual([]);
    expect(readEnv(OutboxEnv, { OUTBOX_RELAY_EXCLUDE: '' }).OUTBOX_RELAY_EXCLUDE).toEqual([]);
    expect(readEnv(OutboxEnv, { OUTBOX_RELAY_EXCLUDE: 'notifications' }).OUTBOX_RELAY_EXCLUDE).toEqual([
      'notifications',
    ]);
    expect(readEnv(OutboxEnv, { OUTBOX_RELAY_EXCLUDE: ' notifications, scoring ,' }).OUTBOX_RELAY_EXCLUDE).toEqual([
      'notifications',
      'scoring',
    ]);
  });
});
