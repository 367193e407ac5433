import type { Browser, Locator, Page } from 'playwright-core';
import {
  journeyLanguages,
  type Language,
  WebPlatform,
  activate,
  checkPage,
  expectAccessible,
  launchBrowser,
  signedInVisitor,
  text,
  JOURNEY_TIMEOUT_MS,
} from '../support/browser';
import { createApplicantsFrom, createEvaluators, secretariatOf } from '../support/evaluation-fixtures';
import { Actor } from '../support/fixtures';
import { evaluatedCall } from '../support/scoring';

/**
 * Issue 7, the secretariat's cohort: on a call whose evaluations are all submitted and scored, the
 * secretariat proposes a cohort with at most one centre per country. With centres from two
 * countries only, each country's best-ranked centre is a member and every other one is left out
 * for the country quota, whatever the scores; the cohort falls short of its three seats, which the
 * page explains. The secretariat takes a member out and puts the best waitlisted centre in, each
 * with a reason, approves, publishes, reads the content hash and opens the public page.
 * In French; every main page checked by axe-core and photographed.
 */

const SUITE = 'secretariat-cohort';
const CENTRES = [
  { organisationName: 'Nairobi Innovation Centre', countryCode: 'KE', city: 'Nairobi' },
  { organisationName: 'Mombasa Digital Hub', countryCode: 'KE', city: 'Mombasa' },
  { organisationName: 'Kisumu Startup Lab', countryCode: 'KE', city: 'Kisumu' },
  { organisationName: 'Lagos Tech Hub', countryCode: 'NG', city: 'Lagos' },
  { organisationName: 'Abuja Venture Studio', countryCode: 'NG', city: 'Abuja' },
];
const CALL_TITLE = 'Call for accelerator centres';

interface Ranked {
  applicationId: string;
  rank: number;
  score: number;
  organisation: { name: string; countryCode: string };
}

const LANGUAGES = journeyLanguages('fr');
/** The six languages as the interface names them, each in its own script. */
const DOCUMENT_LANGUAGES = [
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'zh', name: '中文', dir: 'ltr' },
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'ru', name: 'Русский', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' },
];

describe('the secretariat proposes, amends, approves and publishes a cohort', () => {
  let platform: WebPlatform;
  let browser: Browser;
  let secretariat: Actor;
  const calls = new Map<Language, string>();

  beforeAll(async () => {
    platform = await WebPlatform.start();
    browser = await launchBrowser();
    secretariat = await secretariatOf(platform.api);
    const [applicants, evaluators] = await Promise.all([
      createApplicantsFrom(platform.api, CENTRES),
      createEvaluators(platform.api, [{ countryCode: 'DE' }, { countryCode: 'CA' }, { countryCode: 'JP' }]),
    ]);
    // One call per language, evaluated and scored side by side.
    const evaluated = await Promise.all(LANGUAGES.map(() => evaluatedCall(platform.api, evaluators, applicants, 2)));
    LANGUAGES.forEach((language, i) => calls.set(language, evaluated[i]!.callId));
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it.each(LANGUAGES)(
    'from the ranking to the public list (%s)',
    async (language) => {
      const callId = calls.get(language)!;
      const ranking = await rankingOf(platform, secretariat, callId);
      // Expected from the ranking: each country's best centre is in, the next two best wait.
      const members = ['KE', 'NG'].map((country) => ranking.find((r) => r.organisation.countryCode === country)!);
      const others = ranking.filter((r) => !members.includes(r));
      const [firstWaiting, secondWaiting, leftOut] = others;

      const t = (key: string, values?: Record<string, string | number>) =>
        text(language, `secretariat:cohorts.${key}`, values);
      const page = await signedInVisitor(browser, platform.baseUrl, language, secretariat);

      // The cohorts section: nothing proposed yet, the call's settings filled in.
      await page.goto(`/secretariat/calls/${callId}/cohorts`);
      await expectTitle(page, t('title'));
      await page.getByText(t('list.none')).waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: firstWords(t('scoring.upToDate')) })
        .waitFor();
      expect(await page.getByLabel(t('propose.size')).inputValue()).toBe('3');
      expect(await page.getByLabel(t('propose.maxPerCountry')).inputValue()).toBe('2');
      await checkPage(page, SUITE, 'cohorts', language);

      await page.getByLabel(t('propose.maxPerCountry')).fill('1');
      await page.getByLabel(t('propose.waitlistSize')).fill('2');
      await activate(page, page.getByRole('button', { name: t('propose.submit') }));
      await expectTitle(page, t('cohort.title'));

      const membersTable = table(page, t('members.title', { number: 2 }));
      for (const member of members) {
        const row = rowOf(membersTable, member.organisation.name);
        await row.getByText(t('reasons.SELECTED')).waitFor();
        await row.getByText(formatScore(member.score, language)).waitFor();
      }
      const countryCap = (r: Ranked) =>
        t('reasons.COUNTRY_CAP', { country: countryName(r.organisation.countryCode, language), countryLimit: 1 });
      const waitlist = table(page, t('waitlist.title'));
      await rowOf(waitlist, firstWaiting!.organisation.name).getByText(countryCap(firstWaiting!)).waitFor();
      await rowOf(waitlist, secondWaiting!.organisation.name).getByText(countryCap(secondWaiting!)).waitFor();
      const excluded = table(page, t('excluded.title'));
      await rowOf(excluded, leftOut!.organisation.name).getByText(countryCap(leftOut!)).waitFor();
      const short = {
        members: t('counts.members_other', { formatted: 2 }),
        seats: t('counts.seats_other', { formatted: 3 }),
      };
      await page.getByText(t('unmet.size', short)).waitFor();
      await checkPage(page, SUITE, 'proposal', language);

      // One member out, the best waitlisted centre in, each with a reason.
      const removed = members[1]!;
      await amend(page, language, t, 'remove', removed.organisation.name, 'The centre has merged with another one.');
      await rowOf(excluded, removed.organisation.name).getByText(t('reasons.REMOVED_BY_SECRETARIAT')).waitFor();
      await amend(
        page,
        language,
        t,
        'add',
        firstWaiting!.organisation.name,
        'A stronger programme for women founders.',
      );
      const amendedMembers = table(page, t('members.title', { number: 2 }));
      await rowOf(amendedMembers, firstWaiting!.organisation.name)
        .getByText(t('reasons.ADDED_BY_SECRETARIAT'))
        .waitFor();
      expect(await rowsOf(amendedMembers)).toHaveLength(2);
      await page
        .getByRole('table', { name: t('changes.title') })
        .getByText('A stronger programme for women founders.')
        .waitFor();

      await confirmStep(page, t, 'approve');
      await page.getByText(t('statuses.approved'), { exact: true }).waitFor();
      await activate(page, page.getByRole('button', { name: t('transition.publish.button') }));
      const publish = page.getByRole('dialog', { name: t('transition.publish.title') });
      // Before anything is sent, the notices as the applicants will read them: one group per outcome.
      for (const outcome of ['cohortSelected', 'cohortWaitlisted', 'cohortNotSelected']) {
        const heading = text(language, `secretariat:messages.templates.${outcome}`);
        await publish.getByRole('heading', { name: heading }).waitFor();
      }
      await publish.getByText(text(language, 'secretariat:messages.total', { count: CENTRES.length })).waitFor();
      await expectAccessible(page, `publication preview (${language})`);
      await activate(page, publish.getByRole('button', { name: t('transition.publish.confirm'), exact: true }));
      // Publication renders the annexes and circulars in the six languages in its transaction.
      await publish.waitFor({ state: 'hidden', timeout: 120_000 });
      const hash = page.getByTestId('content-hash');
      await hash.waitFor();
      const cohortId = page.url().split('/').pop()!;
      const published = await platform.api.get(`/api/v1/public/cohorts/${cohortId}`);
      expect(published.status).toBe(200);
      expect((await hash.textContent())?.trim()).toBe(published.body.contentHash);
      expect(published.body.contentHash).toMatch(/^[0-9a-f]{64}$/);
      await page.getByRole('link', { name: t('published.annexCsv') }).waitFor();
      // The annex and the circular in each of the six languages, each link named in its own language.
      for (const [document, file] of [
        ['annexPdf', 'annex.pdf'],
        ['circularPdf', 'circular.pdf'],
      ] as const) {
        const links = page.getByRole('list', { name: t(`published.${document}`) }).getByRole('link');
        const seen: Array<Array<string | null>> = [];
        for (const link of await links.all()) {
          const attributes = ['lang', 'hreflang', 'dir', 'href'].map((name) => link.getAttribute(name));
          seen.push([await link.textContent(), ...(await Promise.all(attributes))]);
        }
        expect(seen).toEqual(
          DOCUMENT_LANGUAGES.map(({ code, name, dir }) => [
            name,
            code,
            code,
            dir,
            `/api/v1/public/cohorts/${cohortId}/${file}?lang=${code}`,
          ]),
        );
      }
      await checkPage(page, SUITE, 'published', language);

      // The public page lists the members as published.
      await activate(page, page.getByRole('link', { name: t('published.publicPage') }));
      await expectTitle(page, text(language, 'public:cohort.title', { call: CALL_TITLE }));
      for (const name of [members[0]!.organisation.name, firstWaiting!.organisation.name]) {
        await page.getByRole('cell', { name, exact: true }).waitFor();
      }
      expect(await page.getByRole('cell', { name: removed.organisation.name, exact: true }).count()).toBe(0);
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});

async function rankingOf(platform: WebPlatform, secretariat: Actor, callId: string): Promise<Ranked[]> {
  const res = await platform.api.get(`/api/v1/calls/${callId}/ranking`, { token: secretariat.token });
  expect(res.status).toBe(200);
  expect(res.body.items).toHaveLength(CENTRES.length);
  return res.body.items as Ranked[];
}

/** Removes or adds a centre through its row's button and the dialog asking why. */
async function amend(
  page: Page,
  language: Language,
  t: (key: string, values?: Record<string, string | number>) => string,
  change: 'add' | 'remove',
  organisation: string,
  reason: string,
): Promise<void> {
  await activate(page, page.getByRole('button', { name: t(`amend.${change}.buttonFor`, { organisation }) }));
  const dialog = page.getByRole('dialog', { name: t(`amend.${change}.title`, { organisation }) });
  await dialog.waitFor();
  await activate(page, dialog.getByRole('button', { name: t(`amend.${change}.confirm`) }));
  await dialog.getByText(text(language, 'dialog.reasonTooShort_other', { count: 5 })).waitFor();
  await dialog.getByLabel(t('amend.reason')).fill(reason);
  if (change === 'remove') await checkPage(page, SUITE, 'amend-dialog', language);
  await activate(page, dialog.getByRole('button', { name: t(`amend.${change}.confirm`) }));
  await dialog.waitFor({ state: 'hidden' });
}

/** Approves, through the confirmation. */
async function confirmStep(page: Page, t: (key: string) => string, transition: 'approve'): Promise<void> {
  await activate(page, page.getByRole('button', { name: t(`transition.${transition}.button`) }));
  const dialog = page.getByRole('dialog', { name: t(`transition.${transition}.title`) });
  await activate(page, dialog.getByRole('button', { name: t(`transition.${transition}.confirm`), exact: true }));
  await dialog.waitFor({ state: 'hidden' });
}

async function expectTitle(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

function table(page: Page, name: string): Locator {
  return page.getByRole('table', { name, exact: true });
}

function rowOf(table: Locator, organisation: string): Locator {
  return table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: organisation }) });
}

async function rowsOf(table: Locator): Promise<Locator[]> {
  return table.locator('tbody tr').all();
}

/** The words of a text before its first placeholder. */
function firstWords(sentence: string): string {
  return sentence.split('{{')[0]!.trim();
}

/** "72.5" / "72,5": a score the way the app writes it. */
function formatScore(value: number, language: Language): string {
  return value.toLocaleString(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

function countryName(code: string, language: Language): string {
  return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
}
