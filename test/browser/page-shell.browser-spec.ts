import type { Browser, Page } from 'playwright-core';
import { directionOf } from '../../apps/web/src/i18n/languages';
import {
  BROWSER_LOCALES,
  JOURNEY_TIMEOUT_MS,
  LANGUAGES,
  type Language,
  WEB_BUILD,
  expectAccessible,
  launchBrowser,
  newVisitor,
  switchLanguage,
  text,
} from '../support/browser';
import { secretariatOf } from '../support/evaluation-fixtures';
import { createCall } from '../support/fixtures';
import { freePort } from '../support/redis-server';
import { TestApi } from '../support/test-app';

/**
 * Issue 11: what the home page shows before its script has run. The page shell (rendered at build
 * time from the app's layout, apps/web/app-shell.mts) comes in the reader's language (the `lang`
 * cookie the app sets, else Accept-Language) with the header, the page's title and introduction;
 * the app then replaces it with the same header and the title in the same place, once.
 */

/** Runs in the page (a string: the tests' types know no DOM): what the reader sees of the layout. */
const LAYOUT = `(() => {
  const box = (element) => {
    const { x, y, width, height } = element.getBoundingClientRect();
    return { x, y, width, height };
  };
  // An element as the reader meets it: its tag, its attributes in any order (the style as the
  // browser parsed it), its text and children.
  const tree = (node) =>
    node.nodeType === Node.TEXT_NODE
      ? node.textContent
      : {
          tag: node.tagName,
          attributes: [...node.attributes]
            .map((attribute) => [attribute.name, attribute.name === 'style' ? node.style.cssText : attribute.value].join('='))
            .sort(),
          children: [...node.childNodes].map(tree),
        };
  const h1 = document.querySelector('h1');
  return {
    headers: document.querySelectorAll('header').length,
    mains: document.querySelectorAll('main').length,
    titles: [...document.querySelectorAll('h1')].map((element) => element.textContent),
    header: tree(document.querySelector('header')),
    headerBox: box(document.querySelector('header')),
    titleBox: h1 ? box(h1) : null,
  };
})()`;

interface Layout {
  headers: number;
  mains: number;
  titles: string[];
  header: unknown;
  headerBox: Record<string, number>;
  titleBox: Record<string, number> | null;
}

describe('page shell', () => {
  let api: TestApi;
  let baseUrl: string;
  let browser: Browser;
  const callTitle = 'Accelerator centres for the page shell 2027';

  beforeAll(async () => {
    api = await TestApi.start({ webRoot: WEB_BUILD });
    baseUrl = await api.listen(await freePort());
    const { token } = await secretariatOf(api);
    await createCall(api, token, { title: callTitle });
    browser = await launchBrowser();
  }, JOURNEY_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  /**
   * A visitor whose browser fetches none of the app's scripts: what the page shows before they have
   * run (with scripts disabled, the tests could not read the page either).
   */
  async function scriptless(language: Language): Promise<Page> {
    const context = await browser.newContext({
      baseURL: baseUrl,
      locale: BROWSER_LOCALES[language],
      viewport: { width: 1280, height: 900 },
    });
    await context.route('**/assets/*.js', (route) => route.abort());
    return context.newPage();
  }

  it.each(LANGUAGES)(
    'before any script runs, the home page shows the header, its title and introduction in the browser language (%s)',
    async (language) => {
      const page = await scriptless(language);
      await page.goto('/');
      expect(await page.locator('html').getAttribute('lang')).toBe(language);
      expect(await page.locator('html').getAttribute('dir')).toBe(directionOf(language));
      expect(await page.title()).toBe(`${text(language, 'public:home.title')} · ${text(language, 'app.name')}`);
      const header = page.locator('header');
      await header.getByRole('link', { name: text(language, 'app.name') }).waitFor();
      await header.getByRole('link', { name: text(language, 'account.signIn') }).waitFor();
      await header.getByRole('link', { name: text(language, 'public:nav.calls') }).waitFor();
      await page.getByRole('heading', { level: 1, name: text(language, 'public:home.title') }).waitFor();
      await page.getByText(text(language, 'public:home.intro')).waitFor();
      await expectAccessible(page, `page shell (${language})`);
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'another page shows the header and a loading status, not the home page’s title',
    async () => {
      const page = await scriptless('fr');
      await page.goto('/cohorts');
      await page
        .locator('header')
        .getByRole('link', { name: text('fr', 'app.name') })
        .waitFor();
      await page.getByRole('status').getByText(text('fr', 'states.loading')).waitFor();
      expect(await page.locator('h1').count()).toBe(0);
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'the language the reader chose in the app is the next shell’s, whatever the browser prefers',
    async () => {
      const page = await newVisitor(browser, baseUrl, 'en');
      await page.goto('/');
      await page.getByRole('heading', { level: 1, name: text('en', 'public:home.title') }).waitFor();
      await switchLanguage(page, 'fr');
      const shell = await page.context().request.get('/', { headers: { Accept: 'text/html' } });
      expect(shell.headers()['content-language']).toBe('fr');
      const html = await shell.text();
      expect(html).toContain('<html lang="fr"');
      expect(html).toContain(text('fr', 'layout.skipToContent'));
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'the shell’s language button, pressed before the app has taken over, opens the app in that language',
    async () => {
      const page = await newVisitor(browser, baseUrl, 'en');
      // The home page's calls held back: the app cannot take over until they come.
      const held: Array<() => Promise<void>> = [];
      await page.route('**/api/v1/calls?*', (route) => void held.push(() => route.continue()));
      await page.goto('/');
      await page.locator('header button[lang="fr"]').click();
      await page.locator('html[lang="fr"]').waitFor({ state: 'attached' });
      expect(await page.locator('h1').textContent()).toBe(text('en', 'public:home.title'));
      for (const release of held) await release();
      await page.getByRole('heading', { level: 1, name: text('fr', 'public:home.title') }).waitFor();
      await page.locator('main article').filter({ hasText: callTitle }).waitFor();
      expect(await page.locator('header').count()).toBe(1);
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it.each(LANGUAGES)(
    'the app replaces the shell (%s) with the same header and the title in the same place, once, the calls below',
    async (language) => {
      const before = await scriptless(language);
      await before.goto('/');
      const shell = await before.evaluate<Layout>(LAYOUT);
      await before.context().close();

      const page = await newVisitor(browser, baseUrl, language);
      await page.goto('/');
      await page.locator('main article').filter({ hasText: callTitle }).waitFor();
      const app = await page.evaluate<Layout>(LAYOUT);
      await page.context().close();

      const title = text(language, 'public:home.title');
      expect(shell).toMatchObject({ headers: 1, mains: 1, titles: [title] });
      expect(app).toMatchObject({ headers: 1, mains: 1, titles: [title] });
      expect(app.header).toEqual(shell.header);
      expect(app.headerBox).toEqual(shell.headerBox);
      expect(app.titleBox).toEqual(shell.titleBox);
    },
    JOURNEY_TIMEOUT_MS,
  );
});
