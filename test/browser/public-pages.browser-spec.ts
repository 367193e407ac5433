import request from 'supertest';
import type { Browser, Page } from 'playwright-core';
import { documentLanguage } from '../../apps/web/src/i18n/api-languages';
import {
  LANGUAGES,
  Language,
  WebPlatform,
  checkPage,
  launchBrowser,
  newVisitor,
  pressOn,
  text,
  JOURNEY_TIMEOUT_MS,
} from '../support/browser';
import { createApplicantsFrom, createEvaluators, secretariatOf } from '../support/evaluation-fixtures';
import { createCall } from '../support/fixtures';
import { evaluatedCall } from '../support/scoring';

/**
 * Issue 6, public part: the open calls with their criteria and deadline (the reader's time and
 * Geneva's), a published cohort by region with its annexes and its verifiable hash; in each of the
 * six languages; every page checked by axe-core and photographed.
 */

const SUITE = 'public';
const CENTRES = [
  { countryCode: 'KE', organisationName: 'Nairobi Digital Hub', city: 'Nairobi' },
  { countryCode: 'SN', organisationName: 'Dakar Innovation Lab', city: 'Dakar' },
  { countryCode: 'BR', organisationName: 'São Paulo Startup Campus', city: 'São Paulo' },
  { countryCode: 'IN', organisationName: 'Bengaluru Deep Tech Centre', city: 'Bengaluru' },
  { countryCode: 'EG', organisationName: 'Cairo ICT Incubator', city: 'Cairo' },
  { countryCode: 'EE', organisationName: 'Tallinn Acceleration Lab', city: 'Tallinn' },
];
const OPEN_CALL = {
  title: 'Accelerator centres for digital development 2027',
  description:
    'The alliance invites accelerator centres to join its network.\nSelected centres run programmes for digital start-ups.',
  criteria: [
    { code: 'IMPACT', title: 'Impact on the digital ecosystem', weight: 5 },
    { code: 'CAPACITY', title: 'Capacity to deliver', weight: 3 },
    { code: 'NETWORK', title: 'Partnerships', weight: 2 },
  ],
};

describe('public pages', () => {
  let platform: WebPlatform;
  let browser: Browser;
  let openCallId: string;
  let cohortId: string;
  let cohortTitle: string;

  beforeAll(async () => {
    platform = await WebPlatform.start();
    browser = await launchBrowser();
    const { api } = platform;
    const secretariat = await secretariatOf(api);
    const evaluators = await createEvaluators(api, [
      { countryCode: 'DE' },
      { countryCode: 'JP' },
      { countryCode: 'MX' },
    ]);
    const applicants = await createApplicantsFrom(api, CENTRES);
    const { callId } = await evaluatedCall(api, evaluators, applicants, 2);
    const proposed = await api.post(`/api/v1/calls/${callId}/cohorts`, { token: secretariat.token, body: { size: 4 } });
    expect(proposed.status).toBe(201);
    await api.post(`/api/v1/cohorts/${proposed.body.id}/approve`, { token: secretariat.token });
    const published = await api.post(`/api/v1/cohorts/${proposed.body.id}/publish`, { token: secretariat.token });
    expect(published.status).toBe(200);
    cohortId = proposed.body.id;
    cohortTitle = (await api.get(`/api/v1/public/cohorts/${cohortId}`)).body.call.title;
    const closesAt = new Date(Date.now() + 3 * 86_400_000 + 5 * 3_600_000).toISOString();
    openCallId = (await createCall(api, secretariat.token, { ...OPEN_CALL, closesAt })).id;
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it.each(LANGUAGES)(
    'shows the open calls, a call and a published cohort (%s)',
    async (language) => {
      const page = await newVisitor(browser, platform.baseUrl, language);
      await page.goto('/');
      await expectTitle(page, text(language, 'public:home.title'));
      const card = page.getByRole('article', { name: OPEN_CALL.title });
      const cardText = await card.textContent();
      expect(cardText).toContain('Asia/Tokyo');
      expect(cardText).toContain(text(language, 'time.inGeneva', { time: '' }).trim());
      // "3 days, 4 hours and …", as Intl writes it in the language.
      const days = new Intl.NumberFormat(language, { style: 'unit', unit: 'day', unitDisplay: 'long' }).format(3);
      expect((await card.getByRole('timer').textContent())?.replace(/\s/g, ' ')).toContain(days.replace(/\s/g, ' '));
      await checkPage(page, SUITE, 'home', language);

      await card.getByRole('link', { name: OPEN_CALL.title }).click();
      await expectTitle(page, OPEN_CALL.title);
      const weights = await page.getByRole('table').first().locator('tbody td:last-child').allTextContents();
      expect(weights).toEqual([0.5, 0.3, 0.2].map((w) => percent(w, language)));
      await checkPage(page, SUITE, 'call', language);

      await page.goto('/cohorts');
      await expectTitle(page, text(language, 'public:cohorts.title'));
      await checkPage(page, SUITE, 'cohorts', language);
      await page.getByRole('link', { name: cohortTitle }).first().click();
      await expectTitle(page, text(language, 'public:cohort.title', { call: cohortTitle }));
      const regions = page.getByRole('region', { name: text(language, 'public:cohort.byRegion') });
      expect(await regions.getByRole('rowheader').allTextContents()).toContain(text(language, 'common:regions.AFR'));
      const pdf = page.getByRole('link', { name: text(language, 'public:cohort.annexPdf') });
      expect(await pdf.getAttribute('href')).toBe(
        `/api/v1/public/cohorts/${cohortId}/annex.pdf?lang=${documentLanguage(language)}`,
      );
      for (const link of [pdf, page.getByRole('link', { name: text(language, 'public:cohort.annexCsv') })]) {
        const served = await page.request.get((await link.getAttribute('href')) ?? '');
        expect(served.status()).toBe(200);
        expect(served.headers()['content-type']).toMatch(/^(application\/pdf|text\/csv)/);
      }
      // The fingerprint is checked in the browser, with the keyboard.
      await pressOn(page, page.getByRole('button', { name: text(language, 'public:hash.verify') }));
      await page.getByText(text(language, 'public:hash.matches')).waitFor();
      await checkPage(page, SUITE, 'cohort', language);
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it('serves the app beside the API: API paths as before, other pages the app', async () => {
    const server = platform.api.server;
    const unknown = await request(server).get('/api/v1/no-such-thing');
    expect(unknown.status).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect((await request(server).get('/health/live')).status).toBe(200);
    expect((await request(server).get('/docs-json')).body.openapi).toMatch(/^3\./);
    const page = await request(server).get(`/calls/${openCallId}`).set('Accept', 'text/html');
    expect(page.status).toBe(200);
    // The page shell: the layout as the app draws it, which the app then replaces (page-shell.browser-spec.ts).
    expect(page.text).toContain('<div id="root"><');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toContain("script-src 'self';");
    expect((await request(server).get('/assets/missing.js')).status).toBe(404);
  });
});

async function expectTitle(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

function percent(fraction: number, language: Language): string {
  return new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
}
