import type { Browser } from 'playwright-core';
import {
  JOURNEY_TIMEOUT_MS,
  WebPlatform,
  activate,
  checkPage,
  journeyLanguages,
  launchBrowser,
  signedInVisitor,
  textsOf,
} from '../support/browser';
import { secretariatOf } from '../support/evaluation-fixtures';
import { Actor, createCall } from '../support/fixtures';

/**
 * Issue 15, the circular: the secretariat writes the call's circular on its overview, a body naming
 * a figure its letter does not have is refused on that field in the reader's language, and the
 * corrected circular is saved. The page is checked by axe-core.
 */

const SUITE = 'circular';
const LANGUAGES = journeyLanguages('en');

describe('the secretariat writes a call’s circular', () => {
  let platform: WebPlatform;
  let browser: Browser;
  let secretariat: Actor;

  beforeAll(async () => {
    platform = await WebPlatform.start();
    browser = await launchBrowser();
    secretariat = await secretariatOf(platform.api);
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it.each(LANGUAGES)(
    'in %s: refuses an unknown placeholder on its field, then saves the corrected circular',
    async (language) => {
      const t = textsOf(language, 'secretariat');
      const common = textsOf(language, 'common');
      const call = await createCall(platform.api, secretariat.token, {}, false);
      const page = await signedInVisitor(browser, platform.baseUrl, language, secretariat);
      await page.goto(`/secretariat/calls/${call.id}`);
      await page.getByRole('heading', { name: t('circular.title') }).waitFor();

      const reference = page.getByLabel(t('circular.reference'));
      await reference.waitFor();
      await reference.fill('BDT/DIR/DM/013');
      const body = page.getByLabel(
        t('circular.inLanguage', { label: t('circular.body'), language: t('circular.language.en') }),
      );
      await body.first().fill('{selected} of {aplications}');
      await activate(page, page.getByRole('button', { name: t('circular.save') }));
      await page
        .getByText(
          common('fields.codes.UNKNOWN_PLACEHOLDER', {
            placeholder: '{aplications}',
            allowed: '{call}, {applications}, {countries}, {selected}',
          }),
        )
        .waitFor();
      await checkPage(page, SUITE, 'overview-circular-refused', language);
      const unsaved = await platform.api.get(`/api/v1/calls/${call.id}/circular`, { token: secretariat.token });
      expect(unsaved.body.reference).toBe(call.body.reference);

      await body.first().fill('{selected} of {applications} applications.');
      await activate(page, page.getByRole('button', { name: t('circular.save') }));
      await page
        .getByRole('status')
        .filter({ hasText: t('circular.saved') })
        .waitFor();
      const saved = await platform.api.get(`/api/v1/calls/${call.id}/circular`, { token: secretariat.token });
      expect(saved.body.reference).toBe('BDT/DIR/DM/013');
      expect(saved.body.results.body.en).toBe('{selected} of {applications} applications.');
      await page.close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});
