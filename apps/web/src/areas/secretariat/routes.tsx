import i18n from 'i18next';
import type { Area } from '../../app/area';
import { CallsPage, callsLoader } from './CallsPage';

/** The secretariat's area: every call (managing them comes with the secretariat issue). */
export const secretariatArea: Area = {
  routes: [{ path: '/secretariat/calls', loader: callsLoader, element: <CallsPage /> }],
  navigation: [
    {
      to: '/secretariat/calls',
      label: () => i18n.t('nav.calls', { ns: 'secretariat' }),
      roles: ['secretariat', 'admin'],
    },
  ],
};
