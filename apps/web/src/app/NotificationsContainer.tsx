/** Mantine's container of notifications, with its styles: a chunk of its own (NotificationsOnDemand). */
import '@mantine/core/styles/Notification.layer.css';
import '@mantine/notifications/styles.layer.css';
export { Notifications } from '@mantine/notifications';
