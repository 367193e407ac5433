import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  JOURNEY_TIMEOUT_MS,
  LANGUAGES,
  WEB_BUILD,
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
 * Issue 11: what a visitor of the home page downloads. The build's manifest says which chunks each
 * chunk imports, and its chunks.json which sources each holds (apps/web/vite.config.mts): the
 * first page's chunks hold no page of another area and no catalogue, and a cold visit fetches its language's
 * catalogues only, the other language's once chosen, and an area's chunk on its first page.
 */

interface ManifestChunk {
  file: string;
  imports?: string[];
  css?: string[];
}
const VITE = join(WEB_BUILD, '.vite');
const read = <T>(file: string): T => JSON.parse(readFileSync(join(VITE, file), 'utf8')) as T;
/** The pages of the areas other than the public one (their route tables are in the first chunk). */
const OTHER_AREAS = /^src\/areas\/(secretariat|applicant|evaluator|account)\/(.*(Page|Layout)\.tsx|pages\.ts)$/;
const catalogue = (language: string) => new RegExp(`^src/i18n/${language}/`);
/** Mantine's class names (one per component part) that its full sheet styles. */
const MANTINE_CLASS = /\.(m_[0-9a-f]{8})\b/g;
const STYLED_BY_MANTINE = new Set(
  [...readFileSync(require.resolve('@mantine/core/styles.css'), 'utf8').matchAll(MANTINE_CLASS)].map((m) => m[1]),
);
/**
 * Runs in the page (a string: the tests' types know no DOM): the Mantine classes of its elements,
 * and the text of its style sheets' rules (a layer's text holds its rules).
 */
const CLASSES_AND_RULES = `(() => {
  const classes = new Set();
  for (const element of document.querySelectorAll('[class*="m_"]'))
    for (const name of element.classList) if (/^m_[0-9a-f]{8}$/.test(name)) classes.add(name);
  const rules = [...document.styleSheets].flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText));
  return { classes: [...classes], rules: rules.join('\\n') };
})()`;

describe('web chunks', () => {
  let manifest: Record<string, ManifestChunk>;
  let sources: Record<string, string[]>;
  let api: TestApi;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    manifest = read('manifest.json');
    sources = read('chunks.json');
    api = await TestApi.start({ webRoot: WEB_BUILD });
    baseUrl = await api.listen(await freePort());
    const { token } = await secretariatOf(api);
    await createCall(api, token, { title: 'Accelerator centres for digital development 2027' });
    browser = await launchBrowser();
  }, JOURNEY_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  /** The sources in the given files of the build (scripts; style sheets hold none). */
  const sourcesOf = (files: Iterable<string>) => [...files].flatMap((file) => sources[file] ?? []);

  it('the first page loads, before any script runs, no page of another area and no catalogue', () => {
    const loaded = new Set<string>();
    const visit = (key: string) => {
      const chunk = manifest[key];
      if (loaded.has(chunk.file)) return;
      loaded.add(chunk.file);
      for (const imported of chunk.imports ?? []) visit(imported);
    };
    visit('index.html');
    const first = sourcesOf(loaded);
    expect(first).toContain('src/areas/public/HomePage.tsx');
    expect(first.filter((source) => OTHER_AREAS.test(source) || catalogue('\\w+').test(source))).toEqual([]);
  });

  it(
    'the first page has the styles of every Mantine component it shows',
    async () => {
      const page = await newVisitor(browser, baseUrl, 'en');
      await page.goto('/', { waitUntil: 'networkidle' });
      // Other suites' open calls may be listed too: one is enough.
      await page.locator('main article').first().waitFor();
      const { classes, rules } = await page.evaluate<{ classes: string[]; rules: string }>(CLASSES_AND_RULES);
      const styled = classes.filter((name) => STYLED_BY_MANTINE.has(name));
      expect(styled.length).toBeGreaterThan(10);
      expect(styled.filter((name) => !rules.includes(`.${name}`))).toEqual([]);
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  /** The scripts of the build that the page fetches from now on. */
  function scriptsFetched(page: Page): Set<string> {
    const fetched = new Set<string>();
    page.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname.slice(1);
      if (path.endsWith('.js')) fetched.add(path);
    });
    return fetched;
  }

  it(
    'a cold visit fetches its language only, another one once chosen, and an area once visited',
    async () => {
      const page = await newVisitor(browser, baseUrl, 'en');
      const fetched = scriptsFetched(page);
      await page.goto('/', { waitUntil: 'networkidle' });
      await page.getByRole('heading', { level: 1, name: text('en', 'public:home.title') }).waitFor();
      let seen = sourcesOf(fetched);
      expect(seen).toEqual(expect.arrayContaining(['src/i18n/en/common.json', 'src/i18n/en/public.json']));
      // No other language's catalogue: five of the six are never fetched by an English reader.
      const otherLanguages = LANGUAGES.filter((language) => language !== 'en');
      expect(
        seen.filter((source) => OTHER_AREAS.test(source) || otherLanguages.some((l) => catalogue(l).test(source))),
      ).toEqual([]);

      await switchLanguage(page, 'fr');
      await page.getByRole('heading', { level: 1, name: text('fr', 'public:home.title') }).waitFor();
      seen = sourcesOf(fetched);
      expect(seen).toEqual(expect.arrayContaining(['src/i18n/fr/common.json', 'src/i18n/fr/public.json']));
      expect(seen.filter((source) => OTHER_AREAS.test(source))).toEqual([]);
      expect(seen.filter((source) => ['ar', 'zh', 'ru', 'es'].some((l) => catalogue(l).test(source)))).toEqual([]);

      await page.getByRole('link', { name: text('fr', 'account.signIn') }).click();
      await page.locator('input[type="password"]').waitFor();
      expect(sourcesOf(fetched)).toContain('src/areas/account/SignInPage.tsx');
      expect(sourcesOf(fetched).filter((source) => /^src\/areas\/secretariat\/.*Page/.test(source))).toEqual([]);
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});
