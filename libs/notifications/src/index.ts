export * from './notifications.module';
export * from './application/notifications.service';
export {
  EMAIL_STATUSES,
  NOTIFICATION_TEMPLATES,
  notificationRequest,
  type EmailStatus,
  type LocalizedText,
  type Notification,
  type NotificationRequest,
  type NotificationTemplate,
  type TemplateParams,
} from './domain/notification';
export { NOTIFICATION_LOCALES, type NotificationLocale } from './domain/templates';
export type { NotificationPreview } from './domain/previews';
export { NOTIFICATIONS_QUEUE, NOTIFICATIONS_JOBS } from './jobs/notifications.jobs';
export { NotificationPreviewsDto, toPreviewsDto } from './http/notification-previews.dto';
