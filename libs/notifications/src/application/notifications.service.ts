import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuthUser, NotFoundError, Outbox, Page, Transaction, Transactions, ValidationError } from '@app/platform';
import {
  Notification,
  NotificationParams,
  NotificationRequest,
  NotificationTemplate,
  NotificationWithRecipient,
  paramsIn,
} from '../domain/notification';
import { NotificationPreview, previewNotifications, templateParamErrors } from '../domain/previews';
import { notificationLocale, renderNotification } from '../domain/templates';
// Declares how this context's problems are said in each language.
import '../domain/notifications.errors';
import {
  NewNotification,
  NotificationFilter,
  NotificationsRepository,
} from '../infrastructure/notifications.repository';
import { NOTIFICATIONS_JOBS, notificationsJob } from '../jobs/notifications.jobs';

/**
 * Notifications: in-app for every recipient, and an e-mail each that the worker sends. Other
 * contexts call `notify` inside their own transaction, so a notification exists exactly when the
 * change it announces was committed.
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly notifications: NotificationsRepository,
    private readonly outbox: Outbox,
    private readonly transactions: Transactions,
  ) {}

  /**
   * Renders each request in its recipient's language and records them all with one e-mail job
   * each: three statements whatever the count (a publication notifies every applicant of a call).
   */
  async notify(tx: Transaction, requests: NotificationRequest[]): Promise<void> {
    if (requests.length === 0) return;
    const locales = await this.notifications.localesOf(tx, [...new Set(requests.map((r) => r.recipientId))]);
    const rows = requests.map((request) => this.render(request, locales.get(request.recipientId)));
    await this.notifications.insertMany(tx, rows);
    await this.outbox.publishMany(
      tx,
      rows.map((row) => notificationsJob(NOTIFICATIONS_JOBS.sendEmail, { notificationId: row.id })),
    );
  }

  /**
   * What `notify` would send for these requests, once per template and language of their recipients,
   * with how many recipients each; nothing is recorded or sent. Before a message goes to many people,
   * the secretariat reads it as each of them will.
   */
  async preview(requests: NotificationRequest[]): Promise<NotificationPreview[]> {
    const locales = await this.notifications.localesOf(this.transactions.autocommit, [
      ...new Set(requests.map((r) => r.recipientId)),
    ]);
    return previewNotifications(requests, locales);
  }

  /** A preview of one template with a client's parameters, for recipients the client names. */
  async previewFor(
    template: NotificationTemplate,
    params: NotificationParams,
    recipientIds: string[],
  ): Promise<NotificationPreview[]> {
    const errors = templateParamErrors(template, params);
    if (errors.length > 0) throw new ValidationError(errors);
    const ids = [...new Set(recipientIds)];
    const locales = await this.notifications.localesOf(this.transactions.autocommit, ids);
    const unknown = ids.filter((id) => !locales.has(id));
    if (unknown.length > 0)
      throw new ValidationError(unknown.map((id) => ({ field: 'recipientIds', message: `no user ${id}` })));
    return previewNotifications(
      ids.map((recipientId) => ({ recipientId, template, params })),
      locales,
    );
  }

  /** The caller's notifications, newest first. */
  listMine(actor: AuthUser, page: { limit: number; offset: number }): Promise<Page<Notification>> {
    return this.notifications.listForRecipient(actor.id, page);
  }

  /** Marks one of the caller's notifications read; anyone else's is not found. */
  async markRead(actor: AuthUser, id: string): Promise<Notification> {
    const notification = await this.notifications.markRead(actor.id, id);
    if (!notification) throw new NotFoundError('Notification');
    return notification;
  }

  /** Every recipient's notifications, for the secretariat, e.g. the e-mails that failed. */
  listAll(filter: NotificationFilter): Promise<Page<NotificationWithRecipient>> {
    return this.notifications.listWithRecipients(filter);
  }

  private render(request: NotificationRequest, userLocale: string | undefined): NewNotification {
    // A recipient that does not exist is the caller's bug; the foreign key would refuse it anyway.
    if (userLocale === undefined) throw new Error(`Cannot notify unknown user ${request.recipientId}`);
    const locale = notificationLocale(userLocale);
    return {
      id: randomUUID(),
      recipientId: request.recipientId,
      template: request.template,
      locale,
      // Stored as this recipient reads them: the e-mail, rendered later from them, says the same.
      params: paramsIn(request.params, locale),
      ...renderNotification(request.template, locale, request.params),
    };
  }
}
