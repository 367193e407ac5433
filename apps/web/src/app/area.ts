import type { RouteObject } from 'react-router';
import type { Role } from '../api/types';

export interface NavigationItem {
  to: string;
  /** In the current language, e.g. `() => i18n.t('nav.calls', { ns: 'public' })`. */
  label: () => string;
  /** Who sees the link; everyone when absent. */
  roles?: readonly Role[];
}

/** One area of the app (public, applicant, evaluator, secretariat…): its pages and header links. */
export interface Area {
  routes: RouteObject[];
  navigation: NavigationItem[];
}
