import type { Browser } from 'playwright-core';
import {
  JOURNEY_TIMEOUT_MS,
  WebPlatform,
  activate,
  checkPage,
  launchBrowser,
  newVisitor,
  signedInVisitor,
  textsOf,
} from '../support/browser';
import { draftId } from '../support/applications';
import { patchCall } from '../support/calls-e2e';
import { secretariatOf } from '../support/evaluation-fixtures';
import { Actor, createApplicant, createCall } from '../support/fixtures';

/**
 * Issue 17, item 4: the secretariat translates a call in the builder, the English beside each
 * field and what each language lacks counted on its tab; a French reader then sees the call's
 * French title, and its description, not translated, in English marked as such; a French applicant's
 * form asks the question translated in French, the other in English, marked. The pages are checked
 * by axe-core.
 */

const SUITE = 'call-translations';
const FRENCH_TITLE = 'Appel aux centres d’accélération';
const FRENCH_LABEL = 'Décrivez votre programme d’accompagnement';

describe('a call in several languages', () => {
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

  it(
    'the secretariat translates beside the English; French readers and applicants see it, the English marked',
    async () => {
      const t = textsOf('en', 'secretariat');
      const call = await createCall(platform.api, secretariat.token, {}, false);
      const page = await signedInVisitor(browser, platform.baseUrl, 'en', secretariat);
      await page.goto(`/secretariat/calls/${call.id}/edit`);
      const french = page.getByRole('tab', { name: new RegExp(t('circular.language.fr')) });
      await french.waitFor();
      // Title, description, two criteria, two questions: six texts French lacks.
      await expect(french.textContent()).resolves.toContain(t('builder.translations.missing', { number: 6 }));
      const title = page.getByLabel(
        t('circular.inLanguage', { label: t('builder.translations.callTitle'), language: t('circular.language.fr') }),
      );
      await title.fill(FRENCH_TITLE);
      await expect(french.textContent()).resolves.toContain(t('builder.translations.missing', { number: 5 }));
      await checkPage(page, SUITE, 'builder-translations', 'en');
      await activate(page, page.getByRole('button', { name: t('builder.save') }));
      await page.waitForURL((url) => !url.pathname.endsWith('/edit'));
      const saved = await platform.api.get(`/api/v1/calls/${call.id}`, { token: secretariat.token });
      expect(saved.body.translations).toEqual({ fr: { title: FRENCH_TITLE } });
      await page.close();
      const [translated, untranslated] = saved.body.questions as Array<{ key: string; label: string }>;
      const withLabel = await patchCall(platform.api, secretariat.token, call.id, saved.body.version, {
        translations: { fr: { title: FRENCH_TITLE, questions: { [translated.key]: { label: FRENCH_LABEL } } } },
      });
      expect(withLabel.status).toBe(200);

      const opened = await platform.api.post(`/api/v1/calls/${call.id}/open`, { token: secretariat.token });
      expect(opened.status).toBe(200);
      const reader = await newVisitor(browser, platform.baseUrl, 'fr');
      const common = textsOf('fr', 'common');
      await reader.goto(`/calls/${call.id}`);
      await reader.getByRole('heading', { level: 1, name: FRENCH_TITLE }).waitFor();
      const description = reader.locator('[lang="en"]', { hasText: call.body.description as string });
      await description.waitFor();
      await reader.getByText(common('callTexts.inEnglish'), { exact: true }).first().waitFor();
      await checkPage(reader, SUITE, 'call-page-fr', 'fr');
      await reader.close();

      const applicant = await createApplicant(platform.api, 'SN', { city: 'Dakar' }, 'fr');
      const applicationId = await draftId(platform.api, applicant.token, call.id, {});
      const form = await signedInVisitor(browser, platform.baseUrl, 'fr', applicant);
      await form.goto(`/applicant/applications/${applicationId}`);
      await form.getByText(FRENCH_LABEL).first().waitFor();
      await form.locator('[lang="en"]', { hasText: untranslated.label }).first().waitFor();
      await form.getByText(common('callTexts.inEnglish'), { exact: true }).first().waitFor();
      await checkPage(form, SUITE, 'application-form-fr', 'fr');
      await form.close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});
