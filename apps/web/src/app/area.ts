import type { LazyRouteFunction, RouteObject } from 'react-router';
import type { Role } from '../api/types';
import { loadNamespace } from '../i18n';
import type { Namespace } from '../i18n/namespaces';

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
  /** The catalogue of its texts, the header's links among them. */
  namespace: Namespace;
}

/** What a lazy route gives the router once its area is fetched: its page, loader, action… */
type RouteParts = Awaited<ReturnType<LazyRouteFunction<RouteObject>>>;

/**
 * The `lazy` of an area's routes: the area's pages (one chunk, `load`) and its catalogue in the
 * current language, fetched together on the first visit to any of them; `route` picks a page's
 * parts from them. A reader who never visits the area never downloads it.
 */
export function lazyArea<Pages>(namespace: Namespace, load: () => Promise<Pages>) {
  return (route: (pages: Pages) => RouteParts): LazyRouteFunction<RouteObject> =>
    async () => {
      const [pages] = await Promise.all([load(), loadNamespace(namespace)]);
      return route(pages);
    };
}
