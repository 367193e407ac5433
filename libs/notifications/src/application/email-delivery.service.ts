import { Injectable, Logger } from '@nestjs/common';
import { AccountLinkSigner, Outbox, Transactions } from '@app/platform';
import { nextDeliveryStep } from '../domain/email-delivery';
import { emailHtml } from '../domain/email-html';
import { LINK_TEMPLATES, isLinkTemplate } from '../domain/notification';
import { notificationLocale, renderEmailText } from '../domain/templates';
import { NotificationsRepository, PendingEmail } from '../infrastructure/notifications.repository';
import { Mailer } from './mailer';

/** Longest error text kept on a notification: enough for an SMTP reply, not a stack. */
const MAX_ERROR_LENGTH = 1000;

type Claim = { email: PendingEmail } | { done: true };

/**
 * Sends a notification's e-mail for the worker.
 *
 * A delivery that is over (sent, failed for good, not sent) is never repeated. Attempts are counted
 * as they start, and the send happens outside any transaction (an SMTP server may take seconds; a
 * transaction must not hold a connection meanwhile). A worker that dies after the SMTP server
 * accepted the message but before "sent" is committed therefore leaves the job to run again, which
 * sends the e-mail once more: one duplicate per such crash (or per job BullMQ took for stalled while
 * it still ran), and never more sends in all than the job's `attempts`, whatever BullMQ or the
 * outbox relay replay.
 */
@Injectable()
export class EmailDeliveryService {
  private readonly logger = new Logger(EmailDeliveryService.name);

  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly outbox: Outbox,
    private readonly transactions: Transactions,
    private readonly mailer: Mailer,
    private readonly links: AccountLinkSigner,
  ) {}

  /** Throws when the SMTP server refuses or cannot be reached, so that BullMQ retries. */
  async deliver(notificationId: string, outboxId: string, maxAttempts: number): Promise<void> {
    const claim = await this.claim(notificationId, outboxId, maxAttempts);
    if ('done' in claim) return;
    const { email } = claim;
    let messageId: string;
    try {
      const text = this.textOf(email);
      const language = notificationLocale(email.locale);
      ({ messageId } = await this.mailer.send({
        to: { name: email.recipient.displayName, address: email.recipient.email },
        subject: email.subject,
        text,
        html: emailHtml({ subject: email.subject, text, language }),
        language: email.locale,
      }));
    } catch (error) {
      // The send's error is the one to report and retry on, even if recording it fails too.
      await this.notifications.recordError(notificationId, errorText(error)).catch((failure: unknown) => {
        this.logger.error({ err: failure, notificationId }, 'Could not record the e-mail error');
      });
      throw error;
    }
    await this.transactions.run(async (tx) => {
      await this.notifications.markSent(tx, notificationId, messageId);
      await this.outbox.complete(tx, [outboxId]);
    });
  }

  /** The in-app body, or for an account link's template its e-mail text with the link, built now and kept nowhere. */
  private textOf(email: PendingEmail): string {
    if (!isLinkTemplate(email.template)) return email.body;
    const linkId = String(email.params.linkId);
    const accountLinkUrl = this.links.url(LINK_TEMPLATES[email.template], linkId);
    return renderEmailText(email.template, notificationLocale(email.locale), email.params, { accountLinkUrl });
  }

  /** The last attempt failed: the e-mail is failed for good, visibly, and its outbox row is done. */
  async giveUp(notificationId: string, outboxId: string, error: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      await this.notifications.markUndelivered(tx, notificationId, { status: 'failed', error: truncate(error) });
      await this.outbox.complete(tx, [outboxId]);
    });
  }

  /**
   * Decides under the row's lock whether to send, and counts the attempt; otherwise ends the
   * delivery at once (already over, gone with its recipient, no SMTP server, no attempt left).
   */
  private claim(notificationId: string, outboxId: string, maxAttempts: number): Promise<Claim> {
    return this.transactions.run(async (tx): Promise<Claim> => {
      const email = await this.notifications.lockForDelivery(tx, notificationId);
      const step = email ? nextDeliveryStep(email, { smtpConfigured: this.mailer.configured, maxAttempts }) : 'nothing';
      if (email && step === 'send') {
        await this.notifications.countAttempt(tx, notificationId);
        return { email };
      }
      if (step === 'record_not_sent') {
        await this.notifications.markUndelivered(tx, notificationId, { status: 'not_sent', error: null });
      } else if (step === 'record_failed') {
        this.logger.warn({ notificationId, maxAttempts }, 'E-mail out of attempts; marked failed');
        await this.notifications.markUndelivered(tx, notificationId, { status: 'failed', error: null });
      }
      await this.outbox.complete(tx, [outboxId]);
      return { done: true };
    });
  }
}

function errorText(error: unknown): string {
  return truncate(error instanceof Error ? error.message : String(error));
}

function truncate(text: string): string {
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}
