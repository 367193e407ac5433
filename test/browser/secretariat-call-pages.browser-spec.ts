import { randomUUID } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import { sql } from '../support/applications';
import {
  journeyLanguages,
  type Language,
  WebPlatform,
  activate,
  checkWidths,
  launchBrowser,
  newVisitor,
  signedInVisitor,
  text,
  textsOf,
  JOURNEY_TIMEOUT_MS,
} from '../support/browser';
import {
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';
import { Actor, Applicant, createCall } from '../support/fixtures';
import { evaluatedCall } from '../support/scoring';

/**
 * The secretariat's pages of one call across its life (issue 13): the builder says exactly what can
 * still change in the call's state and offers nothing else, a refused save is one message; the
 * panel's conflicts name the centre and its country, linking to the application, and sort by their
 * headers, as the call's proposals do; a call is copied as the start of a new one; a published call
 * is archived and found again with the closed ones by the list's filter; the public finds past calls
 * with their published cohort. In French, by keyboard, each page checked by axe-core at
 * 1366 px and without sideways scrolling at 1366 and 390 px.
 */

const SUITE = 'secretariat-call-pages';
const CENTRES = [
  { countryCode: 'KE', organisationName: 'Mombasa Venture Works', city: 'Mombasa' },
  { countryCode: 'BR', organisationName: 'Recife Startup Porto', city: 'Recife' },
  { countryCode: 'VN', organisationName: 'Da Nang Tech Nest', city: 'Da Nang' },
];
const [, CONFLICTED] = CENTRES;
const PUBLISHED_TITLE = 'Accelerator centres, first round';

const LANGUAGES = journeyLanguages('fr');

describe('the secretariat’s call pages across the call’s life', () => {
  let platform: WebPlatform;
  let browser: Browser;
  let secretariat: Actor;
  let applicants: Applicant[];
  let published: { id: string; cohortId: string };
  /** Closed, with applications, a panel and a conflict of interest; the source of the copies. */
  let closed: { id: string; title: string; applicationIds: string[] };

  beforeAll(async () => {
    platform = await WebPlatform.start();
    browser = await launchBrowser();
    const { api } = platform;
    secretariat = await secretariatOf(api);
    const evaluators = await createEvaluators(api, [
      { countryCode: 'DE' },
      { countryCode: 'JP' },
      { countryCode: 'MX' },
    ]);
    applicants = await createApplicantsFrom(api, CENTRES);

    const round = await evaluatedCall(api, evaluators, applicants, 2, { title: PUBLISHED_TITLE });
    // A smaller proposal first, left aside: the cohorts list has two to order.
    const aside = await api.post(`/api/v1/calls/${round.callId}/cohorts`, {
      token: secretariat.token,
      body: { size: 1 },
    });
    expect(aside.status).toBe(201);
    const proposed = await api.post(`/api/v1/calls/${round.callId}/cohorts`, {
      token: secretariat.token,
      body: { size: 2 },
    });
    expect(proposed.status).toBe(201);
    await api.post(`/api/v1/cohorts/${proposed.body.id}/approve`, { token: secretariat.token });
    expect((await api.post(`/api/v1/cohorts/${proposed.body.id}/publish`, { token: secretariat.token })).status).toBe(
      200,
    );
    published = { id: round.callId, cohortId: proposed.body.id as string };

    const title = 'Accelerator centres, second round';
    const intake = await callWithSubmissions(api, applicants, { title });
    await seatPanel(api, intake.callId, evaluators);
    // Two conflicts, recorded one after the other: the list shows the oldest first unless asked otherwise.
    for (const [i, evaluator] of [evaluators[0]!, evaluators[1]!].entries()) {
      const conflict = await api.post(`/api/v1/calls/${intake.callId}/conflicts`, {
        token: secretariat.token,
        body: { applicationId: intake.applicationIds[i + 1], evaluatorId: evaluator.id, reason: 'Former employer.' },
      });
      expect(conflict.status).toBe(201);
    }
    closed = { id: intake.callId, title, applicationIds: intake.applicationIds };
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it.each(LANGUAGES)(
    'edits only what can change, names conflicts, copies, archives and finds past calls (%s)',
    async (language) => {
      const t = textsOf(language, 'secretariat');
      const page = await signedInVisitor(browser, platform.baseUrl, language, secretariat);

      // A published call: no edit link, and its edit page says once that nothing can change.
      await page.goto(`/secretariat/calls/${published.id}`);
      await expectTitle(page, t('call.section.overview'));
      await page.getByRole('link', { name: t('overview.publishedCohort') }).waitFor();
      for (const label of [t('overview.edit'), t('overview.editOpen'), t('overview.editWeights')]) {
        expect(await page.getByRole('link', { name: label }).count()).toBe(0);
      }
      await page.goto(`/secretariat/calls/${published.id}/edit`);
      await expectTitle(page, t('builder.editTitle'));
      await page.getByText(t('builder.state.unchangeable.title'), { exact: true }).waitFor();
      expect(await page.getByRole('button', { name: t('builder.save') }).count()).toBe(0);
      expect(await page.getByText(t('builder.state.open.title'), { exact: true }).count()).toBe(0);
      await checkWidths(page, SUITE, 'edit-published', language);
      await activate(page, page.getByRole('link', { name: t('builder.backToCall') }));
      await expectTitle(page, t('call.section.overview'));

      // Its proposals, the newest first, then by the seats they take.
      await page.goto(`/secretariat/calls/${published.id}/cohorts`);
      const seats = () => page.locator('tbody td:nth-child(3)').allInnerTexts();
      await page.locator('tbody tr').nth(1).waitFor();
      expect(await seats()).toEqual(['2', '1']);
      const members = page.getByRole('columnheader', { name: t('cohorts.list.members'), exact: false });
      await activate(page, members.getByRole('link'));
      await page.locator('th[aria-sort="ascending"]').waitFor();
      expect(await seats()).toEqual(['1', '2']);
      await checkWidths(page, SUITE, 'cohorts-by-seats', language);

      // An open call closed behind the page's back: the refused save is the one message on screen,
      // and the call read again says that only the weights can change now.
      const open = await createCall(platform.api, secretariat.token, { title: `Open call (${language})` });
      await page.goto(`/secretariat/calls/${open.id}`);
      await activate(page, page.getByRole('link', { name: t('overview.editOpen') }));
      await expectTitle(page, t('builder.editTitle'));
      await page.getByText(t('builder.state.open.title'), { exact: true }).waitFor();
      const closedBehind = await platform.api.post(`/api/v1/calls/${open.id}/close`, { token: secretariat.token });
      expect(closedBehind.status).toBe(200);
      await page.getByLabel(t('builder.basics.closesAt')).fill('2031-01-15T12:00');
      await activate(page, page.getByRole('button', { name: t('builder.save') }));
      await page.getByText(text(language, 'problems.VERSION_CONFLICT'), { exact: true }).waitFor();
      expect(await page.getByText(t('builder.state.open.title'), { exact: true }).count()).toBe(0);
      await checkWidths(page, SUITE, 'edit-refused', language);
      await activate(page, page.getByRole('button', { name: t('builder.reload') }));
      await page.getByText(t('builder.state.closed.title'), { exact: true }).waitFor();
      expect(await page.getByLabel(t('builder.basics.closesAt')).isDisabled()).toBe(true);
      expect(await page.getByLabel(t('builder.criteria.weight')).first().isEnabled()).toBe(true);

      // The closed call: its edit link offers the weights; its panel names the centre in conflict.
      await page.goto(`/secretariat/calls/${closed.id}`);
      await page.getByRole('link', { name: t('overview.editWeights') }).waitFor();
      await activate(page, page.getByRole('link', { name: t('call.section.panel') }));
      await expectTitle(page, t('call.section.panel'));
      const conflicts = page.getByRole('region', { name: t('panel.conflicts.title') });
      const row = conflicts.getByRole('row', { name: new RegExp(CONFLICTED!.organisationName) });
      await row.getByText(countryName('BR', language), { exact: true }).waitFor();
      expect(await conflicts.getByText(closed.applicationIds[1]!).count()).toBe(0);
      const organisations = () => conflicts.locator('tbody td:nth-child(2)').allInnerTexts();
      const oldestFirst = [CENTRES[1]!.organisationName, CENTRES[2]!.organisationName];
      expect(await organisations()).toEqual(oldestFirst);
      const since = conflicts.getByRole('columnheader', { name: t('panel.conflicts.since'), exact: false });
      expect(await since.getAttribute('aria-sort')).toBe('ascending');
      await activate(page, since.getByRole('link'));
      await conflicts.locator('th[aria-sort="descending"]').waitFor();
      expect(await organisations()).toEqual([...oldestFirst].reverse());
      await checkWidths(page, SUITE, 'panel', language);
      await activate(page, row.getByRole('link', { name: CONFLICTED!.organisationName }));
      await expectTitle(page, CONFLICTED!.organisationName);
      expect(new URL(page.url()).pathname).toBe(
        `/secretariat/calls/${closed.id}/applications/${closed.applicationIds[1]}`,
      );

      // Copied as the start of a new call: the window is asked again, then the builder opens the draft.
      await page.goto(`/secretariat/calls/${closed.id}`);
      await activate(page, page.getByRole('button', { name: t('copy.button') }));
      const dialog = page.getByRole('dialog', { name: t('copy.title') });
      const reference = `COPY/${randomUUID().slice(0, 8)}`;
      await dialog.getByLabel(t('builder.basics.reference')).fill(reference);
      expect(await dialog.getByLabel(t('builder.basics.callTitle')).inputValue()).toBe(
        t('copy.defaultTitle', { title: closed.title }),
      );
      await activate(page, dialog.getByRole('button', { name: t('copy.confirm') }));
      await dialog.getByText(t('builder.errors.dateRequired')).first().waitFor();
      await checkWidths(page, SUITE, 'copy', language);
      await dialog.getByLabel(t('builder.basics.opensAt')).fill('2031-02-01T09:00');
      await dialog.getByLabel(t('builder.basics.closesAt')).fill('2031-03-15T12:00');
      await activate(page, dialog.getByRole('button', { name: t('copy.confirm') }));
      await expectTitle(page, t('builder.editTitle'));
      expect(await page.getByLabel(t('builder.basics.reference')).inputValue()).toBe(reference);
      expect(await page.getByRole('textbox', { name: t('builder.basics.callTitle'), exact: true }).inputValue()).toBe(
        t('copy.defaultTitle', { title: closed.title }),
      );
      const [copy] = await sql<{ id: string; status: string; closes_at: Date }>(
        platform.api,
        'SELECT id, status, closes_at FROM calls WHERE reference = $1',
        [reference],
      );
      expect(copy).toMatchObject({ status: 'draft', closes_at: new Date('2031-03-15T11:00:00Z') });
      expect(new URL(page.url()).pathname).toBe(`/secretariat/calls/${copy!.id}/edit`);

      // A published call is archived, then found with the closed ones by the list's filter.
      const done = await createCall(platform.api, secretariat.token, { title: `Round to archive (${language})` });
      await sql(platform.api, `UPDATE calls SET status = 'published' WHERE id = $1`, [done.id]);
      await page.goto(`/secretariat/calls/${done.id}`);
      await activate(page, page.getByRole('button', { name: t('transition.archive.button') }));
      const confirm = page.getByRole('dialog', { name: t('transition.archive.title') });
      await activate(page, confirm.getByRole('button', { name: t('transition.archive.confirm'), exact: true }));
      await confirm.waitFor({ state: 'hidden' });
      await page.getByText(text(language, 'callStatuses.archived'), { exact: true }).first().waitFor();
      await activate(page, page.getByRole('link', { name: t('nav.calls'), exact: true }));
      const filter = page.getByRole('navigation', { name: t('calls.filter') });
      await showOnly(page, filter, text(language, 'callStatuses.archived'));
      await page.getByRole('row', { name: new RegExp(`Round to archive \\(${language}\\)`) }).waitFor();
      expect(await page.getByRole('row', { name: new RegExp(closed.title) }).count()).toBe(0);
      await checkWidths(page, SUITE, 'calls-archived', language);
      await showOnly(page, filter, text(language, 'callStatuses.closed'));
      await page.getByRole('row', { name: new RegExp(closed.title) }).waitFor();
      await page.context().close();

      // The public: the past call with its published cohort, from the home page and from the call's page.
      const visitor = await newVisitor(browser, platform.baseUrl, language);
      await visitor.goto('/');
      const past = visitor.getByRole('region', { name: text(language, 'public:home.pastTitle') });
      await past.getByRole('link', { name: PUBLISHED_TITLE, exact: true }).waitFor();
      await checkWidths(visitor, SUITE, 'home', language);
      await activate(
        visitor,
        past.getByRole('link', { name: text(language, 'public:home.selectedCentresOf', { title: PUBLISHED_TITLE }) }),
      );
      await expectTitle(visitor, text(language, 'public:cohort.title', { call: PUBLISHED_TITLE }));
      await visitor.goto(`/calls/${published.id}`);
      await expectTitle(visitor, PUBLISHED_TITLE);
      await visitor.getByText(text(language, 'public:call.closedTitle'), { exact: true }).waitFor();
      await checkWidths(visitor, SUITE, 'past-call', language);
      await activate(visitor, visitor.getByRole('link', { name: text(language, 'public:call.seeCohort') }));
      await expectTitle(visitor, text(language, 'public:cohort.title', { call: PUBLISHED_TITLE }));
      expect(new URL(visitor.url()).pathname).toBe(`/cohorts/${published.cohortId}`);
      await visitor.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});

async function expectTitle(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** Follows a filter link of the calls list and waits until the list is the filtered one. */
async function showOnly(page: Page, filter: Locator, status: string): Promise<void> {
  await activate(page, filter.getByRole('link', { name: status, exact: true }));
  await filter.locator('a[aria-current="page"]', { hasText: status }).waitFor();
}

function countryName(code: string, language: Language): string {
  return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
}
