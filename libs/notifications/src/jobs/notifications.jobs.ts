/** The notifications queue and its jobs: stable names, typed payloads. */
export const NOTIFICATIONS_QUEUE = 'notifications';

export const NOTIFICATIONS_JOBS = {
  /** Send a notification's e-mail, once; the notification itself already exists in-app. */
  sendEmail: 'notifications.send-email',
} as const;

export interface SendEmailPayload {
  notificationId: string;
}

/** What the outbox adds to every job it relays: the row the job completes with its effect. */
export interface OutboxJobData {
  outboxId: string;
}
