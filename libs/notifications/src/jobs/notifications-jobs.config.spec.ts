import { readEnv } from '@app/platform';
import { NotificationsJobsEnv } from './notifications-jobs.config';

describe('notifications worker settings', () => {
  it('send no e-mail by default, from the network’s no-reply address, five at a time', () => {
    const settings = readEnv(NotificationsJobsEnv, {});
    expect(settings.SMTP_URL).toBeUndefined();
    expect(settings.SMTP_FROM).toBe('ITU BDT Accelerator Network <no-reply@accelerators.example.org>');
    expect(settings.NOTIFICATIONS_CONCURRENCY).toBe(5);
  });

  it('treat an empty SMTP_URL as unset, as an env file with `SMTP_URL=` means', () => {
    expect(readEnv(NotificationsJobsEnv, { SMTP_URL: '' }).SMTP_URL).toBeUndefined();
  });

  it.each([
    'smtp://127.0.0.1:2525',
    'smtp://localhost:25',
    'smtps://user:p%40ss@mail.example.org:465',
    'smtp://mail.example.org:587?ignoreTLS=true',
  ])('accept the SMTP URL %s', (url) => {
    expect(readEnv(NotificationsJobsEnv, { SMTP_URL: url }).SMTP_URL).toBe(url);
  });

  it.each(['mail.example.org', 'http://mail.example.org', 'smtp://'])('refuse the SMTP URL %s at boot', (url) => {
    expect(() => readEnv(NotificationsJobsEnv, { SMTP_URL: url })).toThrow(/SMTP_URL/);
  });

  it('accept a bare or a named sender and refuse anything else', () => {
    expect(readEnv(NotificationsJobsEnv, { SMTP_FROM: 'calls@itu.example' }).SMTP_FROM).toBe('calls@itu.example');
    expect(readEnv(NotificationsJobsEnv, { SMTP_FROM: 'Secretariat <calls@itu.example>' }).SMTP_FROM).toBe(
      'Secretariat <calls@itu.example>',
    );
    expect(() => readEnv(NotificationsJobsEnv, { SMTP_FROM: 'the secretariat' })).toThrow(/SMTP_FROM/);
  });

  it.each(['0', '65', 'many'])('refuse NOTIFICATIONS_CONCURRENCY=%s', (value) => {
    expect(() => readEnv(NotificationsJobsEnv, { NOTIFICATIONS_CONCURRENCY: value })).toThrow(
      /NOTIFICATIONS_CONCURRENCY/,
    );
  });
});
