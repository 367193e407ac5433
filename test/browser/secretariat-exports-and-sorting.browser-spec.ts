import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import {
  JOURNEY_TIMEOUT_MS,
  type Language,
  WebPlatform,
  activate,
  checkWidths,
  journeyLanguages,
  launchBrowser,
  pressOn,
  signedInVisitor,
  textsOf,
} from '../support/browser';
import { secretariatOf } from '../support/evaluation-fixtures';
import { Actor, PASSWORD } from '../support/fixtures';
import { seedListedCall } from '../support/listed-call';
import { csvRecords, workbookRecords } from '../support/spreadsheets';

/**
 * The secretariat orders a call's applications by a column header and downloads them as CSV in
 * that order, downloads the ranking as an Excel workbook, reading both back; and orders the people
 * list by its column headers, with the keyboard, in English and in French; and keeps the
 * invitations' order through their status filter and their pages. Each page is checked at a
 * desktop's and a phone's width.
 */

const SUITE = 'secretariat-exports-and-sorting';

describe('the secretariat exports a call’s tables and sorts its lists by their headers', () => {
  let platform: WebPlatform;
  let browser: Browser;
  let secretariat: Actor;
  let callId: string;
  /** In every name of the suite's people: the search that shows only them. */
  const tag = randomBytes(4).toString('hex');
  const PEOPLE = [
    { name: `${tag} Alpha`, email: `z-${tag}@test.example` },
    { name: `${tag} bravo`, email: `a-${tag}@test.example` },
    { name: `${tag} Charlie`, email: `m-${tag}@test.example` },
  ];
  /** One more than a page of invitations, of a tag of their own: the people searched above are not them. */
  const inviteeTag = randomBytes(4).toString('hex');
  const INVITEES = Array.from({ length: 51 }, (_, i) => `${inviteeTag} invitee ${String(i + 1).padStart(2, '0')}`);

  beforeAll(async () => {
    platform = await WebPlatform.start();
    browser = await launchBrowser();
    secretariat = await secretariatOf(platform.api);
    ({ callId } = await seedListedCall(secretariat.id));
    for (const person of PEOPLE) {
      const created = await platform.api.post('/api/v1/users', {
        token: secretariat.token,
        body: { email: person.email, password: PASSWORD, displayName: person.name, role: 'evaluator' },
      });
      expect(created.status).toBe(201);
    }
    for (const [i, displayName] of INVITEES.entries()) {
      const invited = await platform.api.post('/api/v1/invitations', {
        token: secretariat.token,
        body: { displayName, email: `invitee-${i}-${inviteeTag}@test.example`, role: 'evaluator' },
      });
      expect(invited.status).toBe(201);
    }
  }, JOURNEY_TIMEOUT_MS);
  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  /** Presses the button with the keyboard and answers the bytes of the file it saves. */
  async function downloadWith(page: Page, buttonName: string): Promise<{ name: string; bytes: Buffer }> {
    const saved = page.waitForEvent('download');
    await pressOn(page, page.getByRole('button', { name: buttonName, exact: true }));
    const download = await saved;
    return { name: download.suggestedFilename(), bytes: await readFile((await download.path())!) };
  }

  const rowHeaders = (page: Page) => page.locator('tbody th[scope="row"]').allInnerTexts();

  it(
    'orders the applications by a column header, then downloads them as CSV in that order',
    async () => {
      const language: Language = 'en';
      const t = textsOf(language, 'secretariat');
      const page = await signedInVisitor(browser, platform.baseUrl, language, secretariat);
      await page.goto(`/secretariat/calls/${callId}/applications`);
      const centre = page.getByRole('columnheader', { name: t('applications.organisation'), exact: true });
      await centre.waitFor();
      expect(await centre.getAttribute('aria-sort')).toBe('none');

      await pressOn(page, centre.getByRole('link'));
      await page.locator('th[aria-sort="ascending"]').waitFor();
      await pressOn(page, centre.getByRole('link'));
      await page.locator('th[aria-sort="descending"]').waitFor();
      const shown = await rowHeaders(page);
      expect(shown).toEqual([
        'Quito 100% Startups',
        'Nairobi Innovation Hub',
        'nairobi garage',
        'Lyon Accelerator',
        'Dakar Tech Lab',
      ]);

      const { name, bytes } = await downloadWith(page, t('exports.applications.csv'));

      expect(name).toBe(`applications-${callId}.csv`);
      expect(csvRecords(bytes).map((row) => row.organisation)).toEqual(shown);
      await checkWidths(page, SUITE, 'applications', language);
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it(
    'downloads the ranking as an Excel workbook, scores as numbers',
    async () => {
      const language: Language = 'fr';
      const t = textsOf(language, 'secretariat');
      const page = await signedInVisitor(browser, platform.baseUrl, language, secretariat);
      await page.goto(`/secretariat/calls/${callId}/scoring`);

      const { name, bytes } = await downloadWith(page, t('exports.ranking.xlsx'));

      expect(name).toBe(`ranking-${callId}.xlsx`);
      const rows = await workbookRecords(bytes);
      expect(rows.map((row) => [row.rank, row.organisation, row.score])).toEqual([
        [1, 'Dakar Tech Lab', 90],
        [2, 'Nairobi Innovation Hub', 80],
        [3, 'Lyon Accelerator', 70],
      ]);
      await checkWidths(page, SUITE, 'scoring', language);
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it.each(journeyLanguages('fr'))(
    'orders the people by a column header with the keyboard, saying the order to assistive technologies (%s)',
    async (language) => {
      const t = textsOf(language, 'secretariat');
      const page = await signedInVisitor(browser, platform.baseUrl, language, secretariat);
      await page.goto(`/secretariat/people?q=${tag}`);
      const header = (key: string) => page.getByRole('columnheader', { name: t(`people.${key}`), exact: true });
      const names = [`${tag} Alpha`, `${tag} bravo`, `${tag} Charlie`];
      await page.locator('tbody tr').first().waitFor();
      expect(await rowHeaders(page)).toEqual(names);
      expect(await header('name').getAttribute('aria-sort')).toBe('ascending');

      await pressOn(page, header('name').getByRole('link'));
      await page.locator('th[aria-sort="descending"]').waitFor();
      expect(await rowHeaders(page)).toEqual([...names].reverse());

      await pressOn(page, header('email').getByRole('link'));
      await page.locator('th[aria-sort="ascending"]').waitFor();
      expect(await header('email').getAttribute('aria-sort')).toBe('ascending');
      expect(await header('name').getAttribute('aria-sort')).toBe('none');
      expect(await rowHeaders(page)).toEqual([`${tag} bravo`, `${tag} Charlie`, `${tag} Alpha`]);
      await checkWidths(page, SUITE, 'people-by-email', language);
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it.each(journeyLanguages('en'))(
    'keeps the invitations’ order when filtering them by status, and pages them (%s)',
    async (language) => {
      const t = textsOf(language, 'secretariat');
      const page = await signedInVisitor(browser, platform.baseUrl, language, secretariat);
      await page.goto('/secretariat/invitations');
      const person = page.getByRole('columnheader', { name: t('invitations.person'), exact: true });
      const firstRow = () => page.locator('tbody tr').first().innerText();
      // Other suites' invitations share the database: the API says which comes first on each page.
      const firstListed = async (offset: number) => {
        const res = await platform.api.get('/api/v1/invitations', {
          token: secretariat.token,
          query: { status: 'pending', sort: 'person', limit: '50', offset: String(offset) },
        });
        return (res.body.items as Array<{ displayName: string }>)[0].displayName;
      };
      await pressOn(page, person.getByRole('link'));
      await page.locator('th[aria-sort="ascending"]').waitFor();

      const filters = page.getByRole('navigation', { name: t('invitations.filter') });
      const pending = filters.getByRole('link', { name: t('invitations.statuses.pending'), exact: true });
      await activate(page, pending);
      await filters.locator('[aria-current="page"]', { hasText: t('invitations.statuses.pending') }).waitFor();
      expect(new URL(page.url()).searchParams.get('sort')).toBe('person');
      expect(await person.getAttribute('aria-sort')).toBe('ascending');
      expect(await firstRow()).toContain(await firstListed(0));

      const pages = page.getByRole('navigation', { name: t('invitations.pages') });
      await activate(page, pages.getByRole('link').last());
      await page.waitForURL(/offset=50/);
      await page
        .locator('tbody tr')
        .first()
        .getByText(await firstListed(50), { exact: true })
        .waitFor();
      expect(new URL(page.url()).searchParams.get('status')).toBe('pending');
      await checkWidths(page, SUITE, 'invitations-page-2', language);
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});
