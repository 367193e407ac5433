import { createBrowserRouter } from 'react-router';
import { Loading } from '../shared/States';
import { AREAS } from './areas';
import { Layout } from './Layout';
import { NotFound } from './NotFound';
import { RouteError } from './RouteError';

/**
 * Every page sits in the layout; a page whose loader or render fails shows its error inside the
 * layout (the pathless child's errorElement), so the header and the language switch stay.
 */
export const router = createBrowserRouter([
  {
    element: <Layout />,
    HydrateFallback: Loading,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        children: [...AREAS.flatMap((area) => area.routes), { path: '*', element: <NotFound /> }],
      },
    ],
  },
]);

/** Settles once the first page's route modules and loaders have (the router starts them when created). */
export function routerReady(): Promise<void> {
  return new Promise((resolve) => {
    if (router.state.initialized) return resolve();
    const stop = router.subscribe((state) => {
      if (!state.initialized) return;
      stop();
      resolve();
    });
  });
}
