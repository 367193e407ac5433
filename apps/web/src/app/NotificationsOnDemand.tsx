import { useDirection } from '@mantine/core';
import { useNotifications } from '@mantine/notifications';
import { Suspense, lazy, useState } from 'react';

const Notifications = lazy(async () => ({ default: (await import('./NotificationsContainer')).Notifications }));

/**
 * Mounts the container once something has been notified (a page's action shows it through
 * Mantine's store, which keeps it until then): the many visitors who only read never fetch it.
 */
export function NotificationsOnDemand() {
  const { notifications } = useNotifications();
  const { dir } = useDirection();
  const [needed, setNeeded] = useState(false);
  if (!needed && notifications.length > 0) setNeeded(true);
  if (!needed) return null;
  return (
    <Suspense fallback={null}>
      {/* At the end of the reading direction's bottom line: at the top they would cover the header's six language buttons. */}
      <Notifications position={dir === 'rtl' ? 'bottom-left' : 'bottom-right'} />
    </Suspense>
  );
}
