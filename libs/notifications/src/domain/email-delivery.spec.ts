import { nextDeliveryStep } from './email-delivery';

describe('nextDeliveryStep', () => {
  const smtp = { smtpConfigured: true, maxAttempts: 5 };

  it('sends a pending e-mail while attempts are left', () => {
    expect(nextDeliveryStep({ status: 'pending', attempts: 0 }, smtp)).toBe('send');
    expect(nextDeliveryStep({ status: 'pending', attempts: 4 }, smtp)).toBe('send');
  });

  it('fails it for good once every attempt has started, however often the job is replayed', () => {
    expect(nextDeliveryStep({ status: 'pending', attempts: 5 }, smtp)).toBe('record_failed');
    expect(nextDeliveryStep({ status: 'pending', attempts: 9 }, smtp)).toBe('record_failed');
  });

  it('records it as not sent when no SMTP server is configured', () => {
    expect(nextDeliveryStep({ status: 'pending', attempts: 0 }, { ...smtp, smtpConfigured: false })).toBe(
      'record_not_sent',
    );
  });

  it.each(['sent', 'failed', 'not_sent'] as const)('never touches an e-mail already %s', (status) => {
    expect(nextDeliveryStep({ status, attempts: 1 }, smtp)).toBe('nothing');
    expect(nextDeliveryStep({ status, attempts: 1 }, { ...smtp, smtpConfigured: false })).toBe('nothing');
  });
});
