import { randomUUID } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  journeyLanguages,
  type Language,
  WebPlatform,
  activate,
  checkPage,
  launchBrowser,
  signedInVisitor,
  text,
  textsOf,
  JOURNEY_TIMEOUT_MS,
} from '../support/browser';
import { callWithSubmissions, createApplicantsFrom, secretariatOf } from '../support/evaluation-fixtures';
import { Actor, Applicant } from '../support/fixtures';

/**
 * The secretariat's calls: a call built in the builder (the sum of the weights and each criterion's
 * share as they are typed, a field refused by the builder, then one refused by the API, then the call
 * created), opened after confirming, reweighted, found in the list of calls; then, on a call that centres applied
 * to through the API, its figures, its applications filtered by region, by name and by eligibility,
 * and one application declared not eligible with a reason. In French, and in Arabic (right to
 * left); each page checked by axe-core and photographed.
 */

const SUITE = 'secretariat-calls';
const ORGANISATIONS = [
  { organisationName: 'Kigali Venture Lab', countryCode: 'RW' },
  { organisationName: 'Lyon Tech Forge', countryCode: 'FR' },
  { organisationName: 'Lima Innovation Hub', countryCode: 'PE' },
];
const [OVERRIDDEN, EUROPEAN, SEARCHED] = ORGANISATIONS.map((o) => o.organisationName) as [string, string, string];

const LANGUAGES = journeyLanguages('fr', 'ar');

describe('the secretariat builds calls and screens their applications', () => {
  let platform: WebPlatform;
  let browser: Browser;
  let secretariat: Actor;
  let applicants: Applicant[];
  const intakes = new Map<Language, { callId: string; reference: string; applicationIds: string[] }>();

  beforeAll(async () => {
    platform = await WebPlatform.start();
    browser = await launchBrowser();
    secretariat = await secretariatOf(platform.api);
    applicants = await createApplicantsFrom(platform.api, ORGANISATIONS);
    for (const language of LANGUAGES) {
      const intake = await callWithSubmissions(
        platform.api,
        applicants,
        { title: `Call with applications (${language})` },
        { close: false },
      );
      const call = await platform.api.get(`/api/v1/calls/${intake.callId}`, { token: secretariat.token });
      intakes.set(language, { ...intake, reference: call.body.reference as string });
    }
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it.each(LANGUAGES)(
    'builds and opens a call, then filters applications and overrides an eligibility (%s)',
    async (language) => {
      const intake = intakes.get(language)!;
      const t = textsOf(language, 'secretariat');
      const percent = (fraction: number) =>
        new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
      const page = await signedInVisitor(browser, platform.baseUrl, language, secretariat);

      // The builder: two criteria weighted 3 and 1 count for 75 % and 25 % of a sum of 4.
      await activate(page, page.getByRole('link', { name: t('nav.calls'), exact: true }));
      await expectTitle(page, t('calls.title'));
      await activate(page, page.getByRole('link', { name: t('calls.new') }));
      await expectTitle(page, t('builder.newTitle'));
      const title = `Call built in the browser (${language})`;
      await page.getByRole('textbox', { name: t('builder.basics.callTitle'), exact: true }).fill(title);
      const criteria = page.getByRole('group', { name: t('builder.criteria.title') });
      await fillCriterion(criteria, 0, t, ['IMPACT', 'Impact', '3']);
      await activate(page, page.getByRole('button', { name: t('builder.criteria.add') }));
      await fillCriterion(criteria, 1, t, ['CAPACITY', 'Capacity', '1']);
      await criteria.getByText(t('builder.criteria.total', { total: 4 }), { exact: true }).waitFor();
      expect(await criteria.getByTestId('share-0').innerText()).toBe(percent(0.75));
      expect(await criteria.getByTestId('share-1').innerText()).toBe(percent(0.25));

      // No reference: the builder says so on the field; a reference in use: the API does.
      const create = page.getByRole('button', { name: t('builder.create') });
      await activate(page, create);
      const reference = page.getByLabel(t('builder.basics.reference'));
      await page.getByText(t('builder.errors.reference')).waitFor();
      expect(await reference.getAttribute('aria-invalid')).toBe('true');
      await checkPage(page, SUITE, 'builder-errors', language);
      await reference.fill(intake.reference);
      await activate(page, create);
      await page.getByText(t('builder.errors.referenceTaken')).waitFor();
      await reference.fill(`WEB/${randomUUID().slice(0, 8)}`);
      await activate(page, create);

      // Created as a draft, then opened after confirming.
      await expectTitle(page, t('call.section.overview'));
      await page.getByText(title, { exact: true }).waitFor();
      // The status badge, the first of the page's texts that read so: in Chinese the figures' "drafts" does too.
      await page.getByText(text(language, 'callStatuses.draft'), { exact: true }).first().waitFor();
      await activate(page, page.getByRole('button', { name: t('transition.open.button') }));
      const confirmation = page.getByRole('dialog', { name: t('transition.open.title') });
      await activate(page, confirmation.getByRole('button', { name: t('transition.open.confirm'), exact: true }));
      await page.getByRole('button', { name: t('transition.close.button') }).waitFor();
      await confirmation.waitFor({ state: 'hidden' });
      await page.getByText(text(language, 'callStatuses.open'), { exact: true }).first().waitFor();
      await checkPage(page, SUITE, 'overview', language);

      // Once open, only the deadline and the weights can change: Capacity now weighs 2 of 5.
      await activate(page, page.getByRole('link', { name: t('overview.editOpen') }));
      await expectTitle(page, t('builder.editTitle'));
      await criteria.getByLabel(t('builder.criteria.weight')).nth(1).fill('2');
      await criteria.getByText(t('builder.criteria.total', { total: 5 }), { exact: true }).waitFor();
      await activate(page, page.getByRole('button', { name: t('builder.save') }));
      await expectTitle(page, t('call.section.overview'));
      await page.getByText(`Impact (${percent(0.6)}), Capacity (${percent(0.4)})`, { exact: true }).waitFor();

      await activate(page, page.getByRole('link', { name: t('nav.calls'), exact: true }));
      await expectTitle(page, t('calls.title'));
      const listed = page.getByRole('row', { name: new RegExp(escape(title)) });
      await listed.getByText(text(language, 'callStatuses.open'), { exact: true }).waitFor();
      await checkPage(page, SUITE, 'calls', language);

      // The call centres applied to: its figures, then its applications.
      await activate(page, page.getByRole('link', { name: `Call with applications (${language})` }));
      await expectTitle(page, t('call.section.overview'));
      const three = new Intl.NumberFormat(language).format(3);
      expect(await figure(page, t('statistics.submitted'))).toBe(three);
      expect(await figure(page, t('statistics.countries'))).toBe(three);
      await activate(page, page.getByRole('link', { name: t('call.section.applications') }));
      await expectTitle(page, t('call.section.applications'));
      expect(await shownApplications(page, t, 3)).toEqual([...ORGANISATIONS.map((o) => o.organisationName)].sort());

      const filters = page.getByRole('form', { name: t('applications.filters') });
      await filters.getByLabel(t('applications.region')).selectOption({ label: text(language, 'regions.EUR') });
      await activate(page, filters.getByRole('button', { name: t('applications.filter') }));
      expect(await shownApplications(page, t, 1)).toEqual([EUROPEAN]);
      await activate(page, filters.getByRole('link', { name: t('applications.clearFilters') }));
      await shownApplications(page, t, 3);
      await filters.getByLabel(t('applications.search')).fill('lima');
      await activate(page, filters.getByRole('button', { name: t('applications.filter') }));
      expect(await shownApplications(page, t, 1)).toEqual([SEARCHED]);
      await checkPage(page, SUITE, 'applications', language);
      await activate(page, filters.getByRole('link', { name: t('applications.clearFilters') }));
      await shownApplications(page, t, 3);

      // One application declared not eligible, with a reason (required).
      await activate(page, page.getByRole('link', { name: OVERRIDDEN }));
      await expectTitle(page, OVERRIDDEN);
      await page.getByText(t('eligibility.eligible'), { exact: true }).waitFor();
      await activate(page, page.getByRole('button', { name: t('eligibility.change') }));
      const dialog = page.getByRole('dialog', { name: t('eligibility.dialogTitle', { name: OVERRIDDEN }) });
      expect(await dialog.getByRole('radio', { name: t('eligibility.ineligible') }).isChecked()).toBe(true);
      await activate(page, dialog.getByRole('button', { name: t('eligibility.record') }));
      await dialog.getByText(t('eligibility.reasonRequired', { count: 3 })).waitFor();
      await checkPage(page, SUITE, 'eligibility-override', language);
      const reason = 'Not a legal entity of its own.';
      await dialog.getByLabel(t('eligibility.reason')).fill(reason);
      await activate(page, dialog.getByRole('button', { name: t('eligibility.record') }));
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText(t('eligibility.decidedBecause', { reason })).waitFor();
      await page.getByText(t('eligibility.ineligible'), { exact: true }).waitFor();
      await page.getByText(t('eligibility.overridden'), { exact: true }).waitFor();
      await checkPage(page, SUITE, 'application', language);
      const stored = await platform.api.get(`/api/v1/applications/${intake.applicationIds[0]}`, {
        token: secretariat.token,
      });
      expect(stored.body.eligibility).toMatchObject({ eligible: false, overridden: true });

      await activate(page, page.getByRole('link', { name: t('application.back') }));
      await filters.getByLabel(t('applications.eligibility')).selectOption({
        label: t('applications.eligibilityOptions.ineligible'),
      });
      await activate(page, filters.getByRole('button', { name: t('applications.filter') }));
      expect(await shownApplications(page, t, 1)).toEqual([OVERRIDDEN]);
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});

type Translate = (key: string, values?: Record<string, string | number>) => string;

async function expectTitle(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** Types a criterion's code, title and weight into its row (the `index`th). */
async function fillCriterion(criteria: Locator, index: number, t: Translate, [code, title, weight]: string[]) {
  await criteria.getByLabel(t('builder.criteria.code')).nth(index).fill(code!);
  await criteria.getByLabel(t('builder.criteria.criterionTitle')).nth(index).fill(title!);
  await criteria.getByLabel(t('builder.criteria.weight')).nth(index).fill(weight!);
}

/** A figure of the call's statistics, by its label. */
async function figure(page: Page, label: string): Promise<string> {
  return page
    .locator('dl > div')
    .filter({ has: page.getByText(label, { exact: true }) })
    .locator('dd')
    .innerText();
}

/** The centres of the applications table once it shows `count` of them, in alphabetical order. */
async function shownApplications(page: Page, t: Translate, count: number): Promise<string[]> {
  const table = page.getByRole('table', { name: t('applications.caption', { first: 1, last: count, total: count }) });
  await table.waitFor();
  return (await table.getByRole('rowheader').allInnerTexts()).sort();
}

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
