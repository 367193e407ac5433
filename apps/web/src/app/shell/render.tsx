/**
 * The page shell: what index.html shows before the app's script has run, rendered at build time
 * (apps/web/app-shell.mts) from the app's own components, so that the app, once it takes over,
 * draws the same header and title in the same places. Rendered once per language and per kind of
 * page: the home page (the header, its title and introduction, the footer) and any other page (the
 * header, "Loading…", the footer). The visitor is anonymous here: the session is not known before
 * the app runs (the build puts ./session.ts in place of src/api/session.ts).
 */
import { DirectionProvider, MantineProvider } from '@mantine/core';
import i18n, { type Resource } from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { StaticRouterProvider, createStaticHandler, createStaticRouter, type RouteObject } from 'react-router';
import { HomeIntro } from '../../areas/public/HomePage';
import { directionOf } from '../../i18n/languages';
import { Loading } from '../../shared/States';
import { Layout } from '../Layout';
import { cssVariablesResolver, theme } from '../theme';

/**
 * The build renders a shell for each language of the interface, not for every folder of catalogues
 * (a language's may be there, being written, before it is one).
 */
export { LANGUAGES } from '../../i18n/languages';

export interface Shell {
  home: string;
  page: string;
}

const ROUTES: RouteObject[] = [
  {
    element: <Layout />,
    children: [
      { path: '/', element: <HomeIntro /> },
      { path: '*', element: <Loading /> },
    ],
  },
];

/**
 * The markup of #root for the home page and for any other page, in each language of `resources`
 * (the first catalogues of each). On i18next's global instance, which the header's links read.
 */
export async function renderShells(resources: Resource): Promise<Record<string, Shell>> {
  await i18n.use(initReactI18next).init({
    resources,
    fallbackLng: false,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  const shells: Record<string, Shell> = {};
  for (const language of Object.keys(resources)) {
    await i18n.changeLanguage(language);
    shells[language] = { home: await render('/', language), page: await render('/page', language) };
  }
  return shells;
}

async function render(path: string, language: string): Promise<string> {
  const handler = createStaticHandler(ROUTES);
  const context = await handler.query(new Request(`http://shell${path}`));
  if (context instanceof Response) throw new Error(`the shell of ${path} redirects`);
  const router = createStaticRouter(handler.dataRoutes, context);
  return renderToStaticMarkup(
    <DirectionProvider initialDirection={directionOf(language)} detectDirection={false}>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} forceColorScheme="light">
        <I18nextProvider i18n={i18n}>
          <StaticRouterProvider router={router} context={context} hydrate={false} />
        </I18nextProvider>
      </MantineProvider>
    </DirectionProvider>,
  );
}
