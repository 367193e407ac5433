import { DirectionProvider, MantineProvider } from '@mantine/core';
import { RouterProvider } from 'react-router';
import { currentLanguage, directionOf } from '../i18n';
import { NotificationsOnDemand } from './NotificationsOnDemand';
import { router } from './router';
import { cssVariablesResolver, theme } from './theme';

/**
 * The app, in the direction of its language: Mantine's components follow the `dir` of <html>,
 * which a change of language sets (src/i18n/index.ts), right to left for Arabic.
 */
export function App() {
  return (
    <DirectionProvider initialDirection={directionOf(currentLanguage())}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
        <NotificationsOnDemand />
        <RouterProvider router={router} />
      </MantineProvider>
    </DirectionProvider>
  );
}
