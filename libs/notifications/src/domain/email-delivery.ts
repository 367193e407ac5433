import type { EmailStatus } from './notification';

/** What a delivery job does with a notification's e-mail. */
export type DeliveryStep = 'send' | 'record_not_sent' | 'record_failed' | 'nothing';

/**
 * A delivery that is over is never repeated; without an SMTP server the e-mail is recorded as not
 * sent; past its attempts (counted as they start, crashes included) it is failed for good.
 */
export function nextDeliveryStep(
  email: { status: EmailStatus; attempts: number },
  options: { smtpConfigured: boolean; maxAttempts: number },
): DeliveryStep {
  if (email.status !== 'pending') return 'nothing';
  if (!options.smtpConfigured) return 'record_not_sent';
  if (email.attempts >= options.maxAttempts) return 'record_failed';
  return 'send';
}
