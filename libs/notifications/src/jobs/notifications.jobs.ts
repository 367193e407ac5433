import { eventsOf, queueJobs } from '@app/platform';

/** The notifications queue and its jobs: stable names, typed payloads. */
export const NOTIFICATIONS_QUEUE = 'notifications';

export const NOTIFICATIONS_JOBS = {
  /** Send a notification's e-mail, once; the notification itself already exists in-app. */
  sendEmail: 'notifications.send-email',
} as const;

export interface SendEmailPayload {
  notificationId: string;
}

export type NotificationsJobs = {
  [NOTIFICATIONS_JOBS.sendEmail]: SendEmailPayload;
};

export const notificationsJob = eventsOf<NotificationsJobs>();

export const NOTIFICATIONS_QUEUE_JOBS = queueJobs<NotificationsJobs>(NOTIFICATIONS_QUEUE, {
  [NOTIFICATIONS_JOBS.sendEmail]: true,
});
