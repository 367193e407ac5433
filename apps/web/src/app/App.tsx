import { MantineProvider } from '@mantine/core';
import { RouterProvider } from 'react-router';
import { NotificationsOnDemand } from './NotificationsOnDemand';
import { router } from './router';
import { cssVariablesResolver, theme } from './theme';

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
      <NotificationsOnDemand />
      <RouterProvider router={router} />
    </MantineProvider>
  );
}
