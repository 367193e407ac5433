import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { INestApplicationContext } from '@nestjs/common';
import axe, { type Result, type RunOptions } from 'axe-core';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import {
  LANGUAGES as INTERFACE_LANGUAGES,
  type Language as InterfaceLanguage,
} from '../../apps/web/src/i18n/languages';
import { eventually, withEnv } from './async';
import { RedisServer, freePort } from './redis-server';
import { TestApi } from './test-app';
import { PASSWORD } from './fixtures';
import { WEB_BUILD } from './web-build';
import { startWorker } from './worker';

export { WEB_BUILD };

/**
 * The harness of the browser suites (test/browser): the real API serving the built web app, a
 * worker, Debian's Chromium headless shell driven by playwright-core, and the checks every main page gets
 * (axe-core, a screenshot). The evaluator and secretariat journeys reuse these helpers.
 */

const ROOT = join(__dirname, '..', '..');
/**
 * Debian's Chromium headless shell (package chromium-headless-shell), the build playwright itself runs
 * for headless Chromium: the same engine without the browser's windowing layer, about a third less
 * CPU than the full browser in headless mode for the same journeys.
 */
export const CHROMIUM = '/usr/bin/chromium-headless-shell';
const SCREENSHOTS = join(ROOT, 'artifacts', 'screenshots');

/**
 * How long a browser journey or its setup may take before it counts as hung. Not a speed check: on a
 * machine of two cores shared with the other suites, a journey of one minute alone can take several.
 */
export const JOURNEY_TIMEOUT_MS = 600_000;

/** The languages of the interface (apps/web/src/i18n/languages.ts): Arabic, Chinese, English, French, Russian, Spanish. */
export type Language = InterfaceLanguage;
export const LANGUAGES: Language[] = INTERFACE_LANGUAGES.map((language) => language.code);

/** The browser's preferred language for a visitor who reads `language` (a country where it is spoken). */
export const BROWSER_LOCALES: Record<Language, string> = {
  ar: 'ar-EG',
  zh: 'zh-CN',
  en: 'en-GB',
  fr: 'fr-FR',
  ru: 'ru-RU',
  es: 'es-ES',
};

/**
 * The languages a journey runs in: those it names, or every language when BROWSER_LANGUAGES=all
 * (worth it after a change to the catalogues or to the formatting of dates and numbers). A journey
 * run in each language would multiply the browser suites' time by six for little more: the
 * catalogues are checked complete by unit tests, the journeys share English and French out between
 * them (the applicant's and the secretariat's calls also run in Arabic: right to left, six plural
 * forms, another script typed and chosen), the page shell and the public pages are walked in every
 * language, and languages-tour.browser-spec.ts walks and photographs every main page in each.
 */
export function journeyLanguages(...languages: [Language, ...Language[]]): Language[] {
  return process.env.BROWSER_LANGUAGES === 'all' ? LANGUAGES : languages;
}

/** The platform as a browser meets it, on a Redis of its own so that no other suite's worker takes its jobs. */
export class WebPlatform {
  private constructor(
    readonly api: TestApi,
    readonly baseUrl: string,
    private readonly worker: INestApplicationContext,
    private readonly redis: RedisServer,
  ) {}

  static async start(): Promise<WebPlatform> {
    if (!existsSync(join(WEB_BUILD, 'index.html')))
      throw new Error(`no web build in ${WEB_BUILD} (vite build apps/web)`);
    const redis = await RedisServer.start();
    const api = await withEnv({ REDIS_URL: redis.url }, () => TestApi.start({ webRoot: WEB_BUILD }));
    const baseUrl = await api.listen(await freePort());
    const worker = await startWorker({ REDIS_URL: redis.url });
    return new WebPlatform(api, baseUrl, worker, redis);
  }

  async close(): Promise<void> {
    await this.worker.close();
    await this.api.close();
    await this.redis.stop();
  }
}

/**
 * Headless Chromium without any traffic of its own: this machine reaches no network but the package
 * registries. Playwright gives every launch a fresh temporary profile (user-data dir).
 */
export function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run scripts/ensure-browser.sh`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * A page in a new browser context (its own storage: a new visitor) whose browser prefers `language`
 * and lives in Tokyo, so that "your time" and Geneva time differ on every page.
 */
export async function newVisitor(browser: Browser, baseUrl: string, language: Language): Promise<Page> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    locale: BROWSER_LOCALES[language],
    timezoneId: 'Asia/Tokyo',
    viewport: { width: 1280, height: 900 },
  });
  return context.newPage();
}

/**
 * Opens `path` in the app already loaded in `page`, as its links do: the router's history, no new
 * document. A new document costs Chromium about 0.4 s of CPU (the scripts compiled and run
 * again, the shell rendered by the API), which a tour of a hundred pages would pay each time.
 */
export async function openInApp(page: Page, path: string): Promise<void> {
  await page.evaluate(
    `history.pushState(null, '', ${JSON.stringify(path)}); dispatchEvent(new PopStateEvent('popstate'))`,
  );
  await page.waitForURL((url) => url.pathname + url.search === path);
}

/** Signs in through the sign-in page and waits until the header names the user. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/sign-in');
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('form button[type="submit"]').click();
  await page.getByTestId('signed-in-as').waitFor();
  // The header says who is signed in before the app has taken them home: a navigation started
  // earlier than that arrival would be overtaken by it.
  await page.waitForURL((url) => url.pathname !== '/sign-in');
}

/** A new visitor signed in as the user, its interface in `language`. */
export async function signedInVisitor(
  browser: Browser,
  baseUrl: string,
  language: Language,
  user: { email: string },
  password = PASSWORD,
): Promise<Page> {
  const page = await newVisitor(browser, baseUrl, language);
  await signIn(page, user.email, password);
  await switchLanguage(page, language);
  return page;
}

/** Switches the interface language with the header's switch; the <html lang> follows. */
export async function switchLanguage(page: Page, language: Language): Promise<void> {
  await page.locator(`header button[lang="${language}"]`).click();
  await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });
  // The pointer stays where it clicked: once the buttons are laid out in the language, it would hover
  // another one, whose hover colours axe would then read (a keyboard user's page has none).
  await page.mouse.move(0, 0);
}

/**
 * Fails when axe-core finds a violation of impact serious or critical on the page as it is (of
 * every rule, or of `rules`), naming each rule and the elements concerned.
 */
export async function expectAccessible(page: Page, name: string, rules?: string[]): Promise<void> {
  const violations = await axeViolations(page, rules);
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => n.target.join(' ')).join('\n    ')}`);
  if (serious.length > 0) throw new Error(`${name}: accessibility violations\n  ${serious.join('\n  ')}`);
}

/** What the settling wait reads of the page (the tests are compiled without the DOM's types). */
interface AnimatedPage {
  document: {
    getAnimations(): Array<{
      playState: string;
      effect: { getComputedTiming(): { iterations?: number }; target?: { tagName: string } | null } | null;
    }>;
  };
  performance: { now(): number };
  requestAnimationFrame(callback: () => void): number;
  settling?: { frames: number; quietSince: number; framesThen: number; moving: string[] };
}

/**
 * Run in the page on a timer: true once no transition or finite animation has run for three frames, or
 * for a second if the page draws no frames (a wait polled on frames alone once ran out on the CI
 * machine, for a reason not found). An endless animation, a loading indicator, never ends, so it is
 * not waited for. What moves is kept for the error.
 */
function quietFor(): boolean {
  const page = globalThis as unknown as AnimatedPage;
  const now = page.performance.now();
  const state = (page.settling ??= { frames: 0, quietSince: now, framesThen: 0, moving: [] });
  page.requestAnimationFrame(() => (state.frames += 1));
  state.moving = page.document
    .getAnimations()
    .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().iterations !== Infinity)
    .map((a) => `${a.constructor.name} on ${a.effect?.target?.tagName ?? '?'}`);
  if (state.moving.length > 0) Object.assign(state, { quietSince: now, framesThen: state.frames });
  return state.moving.length === 0 && (state.frames - state.framesThen >= 3 || now - state.quietSince >= 1000);
}

/**
 * Waits until the page has stopped moving: a dialog fading in is half transparent, and axe would read
 * its text's contrast through it (it once did, on a busy machine). Three frames cover the one Mantine
 * mounts a dialog in before its transition starts. When the page never settles, the error names what
 * kept moving.
 */
async function settled(page: Page): Promise<void> {
  await page.evaluate('window.settling = undefined');
  await page.waitForFunction(quietFor, undefined, { polling: 16, timeout: 10_000 }).catch(async (error: Error) => {
    const moving = await page.evaluate<string[]>('window.settling?.moving ?? []');
    throw new Error(`the page kept moving (${moving.join(', ')}): ${error.message}`);
  });
}

/**
 * axe-core run in the page itself, loaded once per document: its half-megabyte source costs the page a
 * quarter of a second to compile, which @axe-core/playwright's builder paid twice per check (and its
 * default mode opens a blank page per check to merge the results of frames the app does not have).
 */
async function axeViolations(page: Page, rules?: string[]): Promise<Result[]> {
  await settled(page);
  if (!(await page.evaluate('typeof window.axe === "object"'))) await page.evaluate(axe.source);
  const options: RunOptions = rules ? { runOnly: { type: 'rule', values: rules } } : {};
  // Without a context axe checks the whole document.
  const results = await page.evaluate(
    (runOptions) => (globalThis as unknown as { axe: typeof axe }).axe.run(runOptions),
    options,
  );
  return results.violations;
}

/** Writes artifacts/screenshots/<suite>/<page>-<language>.png, the whole page. */
export async function screenshot(page: Page, suite: string, name: string, language: Language): Promise<void> {
  const folder = join(SCREENSHOTS, suite);
  await mkdir(folder, { recursive: true });
  await page.screenshot({ path: join(folder, `${name}-${language}.png`), fullPage: true });
}

/** What each main page gets: the accessibility check, then its screenshot. */
export async function checkPage(page: Page, suite: string, name: string, language: Language): Promise<void> {
  await expectAccessible(page, `${name} (${language})`);
  await screenshot(page, suite, name, language);
}

/**
 * The innermost elements that reach past either edge of the viewport outside any box that clips or
 * scrolls them, to say what scrolls sideways: past the right edge in a left-to-right page, past the left
 * one in a right-to-left page (where the hidden copy of Mantine's autosize once was).
 */
function beyondTheEdges(page: Page): Promise<string[]> {
  return page.evaluate(`[...document.body.querySelectorAll('*')]
    .filter((e) => e.getBoundingClientRect().left < -0.5 || e.getBoundingClientRect().right > window.innerWidth + 0.5)
    .filter((e) => {
      for (let box = e.parentElement; box && box !== document.body; box = box.parentElement)
        if (getComputedStyle(box).overflowX !== 'visible') return false;
      return true;
    })
    .filter((e, _, all) => !all.some((other) => other !== e && e.contains(other)))
    .slice(0, 5)
    .map((e) => e.tagName.toLowerCase() + ' ' + (e.textContent || '').trim().slice(0, 40))`);
}

/** The widths a page must fit without sideways scrolling: a desktop's and a phone's. */
export const WIDTHS = [1366, 390] as const;

/**
 * The axe rules whose outcome can change with the viewport's width alone: the app's pages change
 * their layout with the width, not their content, names or colours, and a region that scrolls
 * sideways at a phone's width must still be reachable by keyboard.
 */
const WIDTH_DEPENDENT_RULES = ['scrollable-region-focusable'];

/**
 * At each of WIDTHS, checks that the page does not scroll sideways, the accessibility rules, and
 * takes its screenshot: all the rules at the desktop width, at the phone's only those that can
 * change with the width (a full check costs seconds of CPU, a third of some journeys' time). The
 * viewport is then as it was.
 */
export async function checkWidths(page: Page, suite: string, name: string, language: Language): Promise<void> {
  const viewport = page.viewportSize();
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    // Components that follow the width from script (media query hooks) settle a render later.
    const overflow = 'document.documentElement.scrollWidth - window.innerWidth';
    await page.waitForFunction(`${overflow} <= 0`, undefined, { timeout: 5000 }).catch(() => undefined);
    const sideways = Math.max(0, await page.evaluate<number>(overflow));
    expect({ name, width, sideways, beyond: sideways > 0 ? await beyondTheEdges(page) : [] }).toEqual({
      name,
      width,
      sideways: 0,
      beyond: [],
    });
    await expectAccessible(
      page,
      `${name}-${width} (${language})`,
      width === WIDTHS[0] ? undefined : WIDTH_DEPENDENT_RULES,
    );
    await screenshot(page, suite, `${name}-${width}`, language);
  }
  if (viewport) await page.setViewportSize(viewport);
}

/**
 * Presses Tab until `target` has the focus, as a keyboard user would walk the page; fails when it
 * is not reached within `maxPresses` (it is then not reachable by keyboard, or far too far).
 */
export async function tabTo(page: Page, target: Locator, maxPresses = 80): Promise<void> {
  for (let i = 0; i < maxPresses; i++) {
    if (await target.evaluate(isFocused).catch(() => false)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${target.toString()} not reached with ${maxPresses} presses of Tab`);
}

/**
 * Waits until `target` has the focus, as a dialog or a script that moves it promises; keys typed
 * before then would go elsewhere. Fails when it does not get it within `timeoutMs`.
 */
export async function expectFocused(target: Locator, timeoutMs = 10_000): Promise<void> {
  await target.waitFor();
  const focused = await eventually(
    () => target.evaluate(isFocused).catch(() => false),
    (yes) => yes,
    timeoutMs,
  );
  expect(focused).toBe(true);
}

/** Runs in the page: the tests' tsconfig has no DOM types, so it says only what it needs of them. */
function isFocused(element: unknown): boolean {
  const { activeElement } = (element as { ownerDocument: { activeElement: unknown } }).ownerDocument;
  return activeElement === element;
}

/** Tabs to `target` and activates it with Enter (links, buttons). */
export async function pressOn(page: Page, target: Locator, key: 'Enter' | 'Space' = 'Enter'): Promise<void> {
  await tabTo(page, target);
  await page.keyboard.press(key);
}

/**
 * Activates a link or button the way a keyboard user does once on it: focus, then Enter. Waits, as
 * a click would, until the control is visible and enabled. Focus and key go to the element in one
 * step: a page that re-renders in between (a catalogue or a page's data arriving) would otherwise
 * take the focus away and the Enter to nothing.
 */
export async function activate(page: Page, target: Locator): Promise<void> {
  await target.waitFor({ state: 'visible' });
  await eventually(
    () => target.isEnabled(),
    (enabled) => enabled,
  );
  await target.press('Enter');
}

/** Tabs to a field and types into it. */
export async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

/** `text` for one language and namespace: `const t = textsOf('fr', 'secretariat'); t('calls.title')`. */
export function textsOf(language: Language, namespace: string) {
  return (key: string, values?: Record<string, string | number>) => text(language, `${namespace}:${key}`, values);
}

/**
 * A text of the web app as the reader sees it, from its catalogues: `text('fr', 'public:home.title')`,
 * with `{{name}}` placeholders filled from `values` (`{{name, number}}` ones written as Intl writes
 * numbers in the language). Tests find elements by these, not by copies.
 */
export function text(language: Language, key: string, values: Record<string, string | number> = {}): string {
  const [namespace, path] = key.includes(':') ? key.split(':', 2) : ['common', key];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  let node: unknown = require(join(ROOT, 'apps', 'web', 'src', 'i18n', language, `${namespace}.json`));
  const parts = path.split('.');
  const last = parts.pop()!;
  for (const part of parts) node = (node as Record<string, unknown> | undefined)?.[part];
  const parent = node as Record<string, unknown> | undefined;
  node = parent?.[last];
  // A plural key ("progress" for progress_one, progress_other…) takes the form of `count` in the language.
  if (node === undefined && typeof values.count === 'number') {
    node = parent?.[`${last}_${new Intl.PluralRules(language).select(values.count)}`];
  }
  if (typeof node !== 'string') throw new Error(`no text ${key} in ${language}`);
  return node.replace(/\{\{(\w+)(, *number)?\}\}/g, (placeholder, name: string, number?: string) => {
    const value = values[name];
    if (value === undefined) return placeholder;
    return number && typeof value === 'number' ? new Intl.NumberFormat(language).format(value) : String(value);
  });
}
