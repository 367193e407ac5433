import type { Browser, Locator, Page } from 'playwright-core';
import { draftId, intakeCallOverrides } from '../support/applications';
import {
  JOURNEY_TIMEOUT_MS,
  journeyLanguages,
  type Language,
  WebPlatform,
  activate,
  checkWidths,
  expectAccessible,
  expectFocused,
  launchBrowser,
  signedInVisitor,
  tabTo,
  text,
} from '../support/browser';
import { createApplicantsFrom, secretariatOf } from '../support/evaluation-fixtures';
import { Actor, Applicant, createCall } from '../support/fixtures';
import { inboxOf } from '../support/notifications';

/**
 * Issue 13, bulk actions: on a call's list of applications the secretariat selects rows with the
 * keyboard, gives two submitted applications one eligibility decision, then selects the whole page
 * and reminds the applicants of its two drafts after reading the reminder in English and in French,
 * the languages of those applicants. In English, at a laptop's and a phone's width,
 * every step checked by axe-core.
 */

const SUITE = 'secretariat-bulk-actions';
const LAPTOP = { width: 1366, height: 900 };
const CENTRES = [
  { organisationName: 'Accra Submitted Hub', countryCode: 'GH' },
  { organisationName: 'Kigali Submitted Lab', countryCode: 'RW' },
  { organisationName: 'Nairobi Draft Centre', countryCode: 'KE', locale: 'en' as const },
  { organisationName: 'Dakar Brouillon Incubateur', countryCode: 'SN', locale: 'fr' as const },
];

const LANGUAGES = journeyLanguages('en');

describe('the secretariat acts on several applications at once', () => {
  let platform: WebPlatform;
  let browser: Browser;
  let secretariat: Actor;
  let applicants: Applicant[];
  const calls = new Map<Language, string>();

  beforeAll(async () => {
    platform = await WebPlatform.start();
    browser = await launchBrowser();
    secretariat = await secretariatOf(platform.api);
    applicants = await createApplicantsFrom(platform.api, CENTRES);
    for (const language of LANGUAGES) {
      const callId = (await createCall(platform.api, secretariat.token, intakeCallOverrides())).id as string;
      for (const [i, applicant] of applicants.entries()) {
        const id = await draftId(platform.api, applicant.token, callId);
        if (i < 2) await platform.api.post(`/api/v1/applications/${id}/submit`, { token: applicant.token });
      }
      calls.set(language, callId);
    }
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it.each(LANGUAGES)(
    'decides the eligibility of two and reminds the drafts after a preview (%s)',
    async (language) => {
      const t = (key: string, values?: Record<string, string | number>) =>
        text(language, `secretariat:applications.bulk.${key}`, values);
      const page = await signedInVisitor(browser, platform.baseUrl, language, secretariat);
      await page.setViewportSize(LAPTOP);
      await page.goto(`/secretariat/calls/${calls.get(language)}/applications`);
      const bar = page.getByRole('region', { name: t('actions') });
      await bar.getByText(t('selected', { count: 0 })).waitFor();

      // Two submitted applications, chosen with Space, marked not eligible with one reason.
      for (const centre of CENTRES.slice(0, 2)) {
        await tabTo(page, checkbox(page, t('select', { name: centre.organisationName })));
        await page.keyboard.press('Space');
      }
      await bar.getByText(t('selected', { count: 2 })).waitFor();
      await activate(page, bar.getByRole('button', { name: t('mark.ineligible') }));
      const decide = page.getByRole('dialog', { name: t('markTitle.ineligible', { count: 2 }) });
      await expectFocused(decide.getByRole('textbox', { name: text(language, 'secretariat:eligibility.reason') }));
      await page.keyboard.type('Registration certificates missing.');
      await expectAccessible(page, `eligibility dialog (${language})`);
      await activate(page, decide.getByRole('button', { name: text(language, 'secretariat:eligibility.record') }));
      await decide.waitFor({ state: 'hidden' });
      await bar
        .getByRole('status')
        .getByText(t('decided.ineligible', { count: 2 }))
        .waitFor();
      for (const centre of CENTRES.slice(0, 2)) {
        await rowOf(page, centre.organisationName)
          .getByText(text(language, 'secretariat:eligibility.overridden'))
          .waitFor();
      }
      await bar.getByText(t('selected', { count: 0 })).waitFor();

      // The whole page: the drafts cannot take a decision, but their applicants can be reminded.
      await tabTo(page, checkbox(page, t('selectAll')));
      await page.keyboard.press('Space');
      await bar.getByText(t('selected', { count: 4 })).waitFor();
      await bar.getByText(t('onlySubmitted', { count: 2 })).waitFor();
      expect(await bar.getByRole('button', { name: t('mark.eligible') }).isDisabled()).toBe(true);
      await checkWidths(page, SUITE, 'selected', language);

      await activate(page, bar.getByRole('button', { name: t('remind', { count: 2 }) }));
      const remind = page.getByRole('dialog', { name: t('remindTitle', { count: 2 }) });
      const m = (key: string, values?: Record<string, string | number>) =>
        text(language, `secretariat:messages.${key}`, values);
      await remind.getByText(m('total', { count: 2 })).waitFor();
      const recipients = m('recipients', { count: 1 });
      const english = remind.getByRole('tab', { name: `English · ${recipients}` });
      const french = remind.getByRole('tab', { name: `Français · ${recipients}` });
      await english.waitFor();
      await remind.getByText('Reminder: your draft application is not yet submitted', { exact: false }).waitFor();
      // Arrow keys move between the languages, as in any tab list.
      await english.focus();
      await page.keyboard.press('ArrowRight');
      expect(await french.getAttribute('aria-selected')).toBe('true');
      await remind.getByText('Dakar Brouillon Incubateur', { exact: false }).waitFor();
      await checkWidths(page, SUITE, 'reminder-preview', language);

      await activate(page, remind.getByRole('button', { name: t('remindConfirm') }));
      await remind.waitFor({ state: 'hidden' });
      await bar
        .getByRole('status')
        .getByText(t('reminded', { count: 2 }))
        .waitFor();
      // Each applicant of a draft now has the reminder, in their own language.
      const [inEnglish] = await inboxOf(platform.api, applicants[2]!.token, 'application.reminder');
      const [inFrench] = await inboxOf(platform.api, applicants[3]!.token, 'application.reminder');
      expect(inEnglish?.locale).toBe('en');
      expect(inFrench?.locale).toBe('fr');
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});

function checkbox(page: Page, name: string): Locator {
  return page.getByRole('checkbox', { name, exact: true });
}

function rowOf(page: Page, organisation: string): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: organisation }) });
}
