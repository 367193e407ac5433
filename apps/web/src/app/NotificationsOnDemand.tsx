import { useNotifications } from '@mantine/notifications';
import { Suspense, lazy, useState } from 'react';

const Notifications = lazy(async () => ({ default: (await import('./NotificationsContainer')).Notifications }));

/**
 * Mounts the container once something has been notified (a page's action shows it through
 * Mantine's store, which keeps it until then): the many visitors who only read never fetch it.
 */
export function NotificationsOnDemand() {
  const { notifications } = useNotifications();
  const [needed, setNeeded] = useState(false);
  if (!needed && notifications.length > 0) setNeeded(true);
  if (!needed) return null;
  return (
    <Suspense fallback={null}>
      <Notifications position="top-right" />
    </Suspense>
  );
}
