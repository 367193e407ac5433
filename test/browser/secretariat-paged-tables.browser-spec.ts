import { randomBytes } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  JOURNEY_TIMEOUT_MS,
  journeyLanguages,
  type Language,
  WebPlatform,
  activate,
  checkWidths,
  launchBrowser,
  pressOn,
  signedInVisitor,
  text,
  textsOf,
} from '../support/browser';
import { createApplicantsFrom, createEvaluators, secretariatOf } from '../support/evaluation-fixtures';
import { Actor, PASSWORD } from '../support/fixtures';
import { seedRankedCall } from '../support/listed-call';
import { evaluatedCall } from '../support/scoring';

/**
 * Issue 13: the secretariat's tables of a call that were read whole now page and sort on the server,
 * each with more rows than a page. The panel's members and its conflicts of interest (two lists on
 * one page, each with its own order and pager), the cohort proposals, and the ranking, whose column
 * headers are its order now (a measure's first press shows its largest first). For each, a header
 * reorders the whole list (the page shown is the API's first page in that order, not the first page
 * re-sorted) and the pager reaches page 2 in that order. In English, by keyboard, axe
 * clean and without sideways scrolling at 1366 and 390 px.
 */

const SUITE = 'secretariat-paged-tables';
/** Twenty a page on the panel's and the proposals' tables, a hundred on the ranking's. */
const PAGE = 20;
const RANKING_PAGE = 100;
const EXTRA_MEMBERS = 21;
const PROPOSALS = 21;
const RANKED = 105;

interface Listed {
  items: Array<Record<string, unknown>>;
  total: number;
}

const LANGUAGES = journeyLanguages('en');

describe('the secretariat pages and sorts a call’s panel, conflicts, proposals and ranking on the server', () => {
  let platform: WebPlatform;
  let browser: Browser;
  let secretariat: Actor;
  /** Under review: 23 on the panel, 21 conflicts of interest, 21 cohort proposals. */
  let callId: string;
  /** 105 ranked applications. */
  let rankedCallId: string;
  const names = new Map<string, string>();
  const tag = randomBytes(3).toString('hex');

  beforeAll(async () => {
    platform = await WebPlatform.start();
    browser = await launchBrowser();
    const { api } = platform;
    secretariat = await secretariatOf(api);
    const scorers = await createEvaluators(api, [
      { countryCode: 'DE', displayName: `${tag} scorer A` },
      { countryCode: 'JP', displayName: `${tag} scorer B` },
    ]);
    const applicants = await createApplicantsFrom(api, [
      { countryCode: 'KE', organisationName: `${tag} Nairobi hub` },
      { countryCode: 'BR', organisationName: `${tag} Recife hub` },
      { countryCode: 'VN', organisationName: `${tag} Da Nang hub` },
    ]);
    const round = await evaluatedCall(api, scorers, applicants, 2);
    callId = round.callId;
    scorers.forEach((scorer, i) => names.set(scorer.id, `${tag} scorer ${'AB'[i]}`));

    const members: string[] = [];
    for (let i = 1; i <= EXTRA_MEMBERS; i++) {
      const name = `${tag} member ${String(i).padStart(2, '0')}`;
      const created = await api.post('/api/v1/users', {
        token: secretariat.token,
        body: { email: `member-${i}-${tag}@test.example`, password: PASSWORD, displayName: name, role: 'evaluator' },
      });
      expect(created.status).toBe(201);
      members.push(created.body.id as string);
      names.set(created.body.id as string, name);
    }
    const seated = await api.post(`/api/v1/calls/${callId}/panel`, {
      token: secretariat.token,
      body: { evaluatorIds: members },
    });
    expect(seated.status).toBe(200);
    for (const evaluatorId of members) {
      const conflict = await api.post(`/api/v1/calls/${callId}/conflicts`, {
        token: secretariat.token,
        body: { applicationId: round.applicationIds[0], evaluatorId, reason: 'Sits on its board.' },
      });
      expect(conflict.status).toBe(201);
    }
    for (let i = 0; i < PROPOSALS; i++) {
      const proposed = await api.post(`/api/v1/calls/${callId}/cohorts`, {
        token: secretariat.token,
        body: { size: (i % 3) + 1 },
      });
      expect(proposed.status).toBe(201);
    }
    rankedCallId = await seedRankedCall(secretariat.id, RANKED);
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  /** A page of a list as the API serves it: the oracle of what each table shows. */
  async function listed(path: string, query: Record<string, string | number>): Promise<Listed> {
    const res = await platform.api.get(`/api/v1/calls/${path}`, { token: secretariat.token, query });
    expect(res.status).toBe(200);
    return res.body as Listed;
  }

  /** Follows a pager's "next" link with the keyboard and waits until the address says so. */
  async function nextPage(page: Page, language: Language, pager: Locator, parameter: string, offset: number) {
    await activate(page, pager.getByRole('link', { name: text(language, 'pager.next') }));
    await page.waitForURL(new RegExp(`${parameter}=${offset}`));
  }

  it.each(LANGUAGES)(
    'the panel’s members and its conflicts, each sorted by a header and paged on its own (%s)',
    async (language) => {
      const t = textsOf(language, 'secretariat');
      const page = await signedInVisitor(browser, platform.baseUrl, language, secretariat);
      await page.goto(`/secretariat/calls/${callId}/panel`);

      const members = page.getByRole('region', { name: t('panel.members.title') });
      const memberNames = () => members.locator('tbody th[scope="row"]').allInnerTexts();
      const memberPage = async (sort: string, offset: number) =>
        (await listed(`${callId}/panel/members`, { sort, offset, limit: PAGE })).items.map((m) => m.displayName);
      await members
        .locator('tbody tr')
        .nth(PAGE - 1)
        .waitFor();
      expect(await members.locator('tbody tr').count()).toBe(PAGE);
      expect(await memberNames()).toEqual(await memberPage('name', 0));
      const byName = members.getByRole('columnheader', { name: t('panel.members.name'), exact: true });
      expect(await byName.getAttribute('aria-sort')).toBe('ascending');

      await pressOn(page, byName.getByRole('link'));
      await members.locator('th[aria-sort="descending"]').waitFor();
      const lastFirst = await memberPage('-name', 0);
      expect(lastFirst[0]).toBe(`${tag} scorer B`);
      expect(await memberNames()).toEqual(lastFirst);

      const memberPager = members.getByRole('navigation', { name: t('panel.members.pages') });
      await nextPage(page, language, memberPager, 'membersOffset', PAGE);
      const secondPage = await memberPage('-name', PAGE);
      expect(secondPage).toHaveLength(2 + EXTRA_MEMBERS - PAGE);
      await members.locator('tbody th[scope="row"]', { hasText: secondPage[0] as string }).waitFor();
      expect(await memberNames()).toEqual(secondPage);
      expect(new URL(page.url()).searchParams.get('membersSort')).toBe('-name');
      await checkWidths(page, SUITE, 'panel-members-page-2', language);

      // The conflicts keep their own order and page while the members' change.
      const conflicts = page.getByRole('region', { name: t('panel.conflicts.title') });
      const conflictNames = () => conflicts.locator('tbody td:first-child').allInnerTexts();
      const conflictPage = async (sort: string, offset: number) =>
        (await listed(`${callId}/conflicts`, { sort, offset, limit: PAGE })).items.map((c) =>
          names.get(c.evaluatorId as string),
        );
      expect(await conflictNames()).toEqual(await conflictPage('createdAt', 0));
      const since = conflicts.getByRole('columnheader', { name: t('panel.conflicts.since'), exact: true });
      await pressOn(page, since.getByRole('link'));
      await conflicts.locator('th[aria-sort="descending"]').waitFor();
      const newestFirst = await conflictPage('-createdAt', 0);
      expect(newestFirst[0]).toBe(`${tag} member ${EXTRA_MEMBERS}`);
      expect(await conflictNames()).toEqual(newestFirst);
      await nextPage(
        page,
        language,
        conflicts.getByRole('navigation', { name: t('panel.conflicts.pages') }),
        'conflictsOffset',
        PAGE,
      );
      const oldest = await conflictPage('-createdAt', PAGE);
      expect(oldest).toEqual([`${tag} member 01`]);
      await conflicts.locator('tbody td:first-child', { hasText: oldest[0] as string }).waitFor();
      expect(await conflictNames()).toEqual(oldest);
      expect(await memberNames()).toEqual(secondPage);
      const address = new URL(page.url()).searchParams;
      expect([address.get('membersSort'), address.get('membersOffset')]).toEqual(['-name', String(PAGE)]);
      await checkWidths(page, SUITE, 'panel-conflicts-page-2', language);
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it.each(LANGUAGES)(
    'the cohort proposals, sorted by their members and paged (%s)',
    async (language) => {
      const t = textsOf(language, 'secretariat');
      const page = await signedInVisitor(browser, platform.baseUrl, language, secretariat);
      await page.goto(`/secretariat/calls/${callId}/cohorts`);
      const proposals = page.getByRole('region', { name: t('cohorts.list.title') });
      const shown = async () =>
        (await proposals
          .locator('tbody th a')
          .evaluateAll((links) =>
            links.map((link) => (link as unknown as { pathname: string }).pathname.split('/').pop()),
          )) as string[];
      const apiPage = async (sort: string, offset: number) =>
        (await listed(`${callId}/cohorts`, { sort, offset, limit: PAGE })).items.map((c) => c.id as string);
      await proposals
        .locator('tbody tr')
        .nth(PAGE - 1)
        .waitFor();
      expect(await shown()).toEqual(await apiPage('-createdAt', 0));

      const byMembers = proposals.getByRole('columnheader', { name: t('cohorts.list.members'), exact: true });
      await pressOn(page, byMembers.getByRole('link'));
      await proposals.locator('th[aria-sort="ascending"]').waitFor();
      const fewestFirst = await apiPage('memberCount', 0);
      expect(await shown()).toEqual(fewestFirst);
      expect(await proposals.locator('tbody td:nth-child(3)').allInnerTexts()).toEqual([
        ...Array(7).fill('1'),
        ...Array(7).fill('2'),
        ...Array(6).fill('3'),
      ]);

      const proposalPager = proposals.getByRole('navigation', { name: t('cohorts.list.pages') });
      await nextPage(page, language, proposalPager, 'offset', PAGE);
      const rest = await apiPage('memberCount', PAGE);
      expect(rest).toHaveLength(PROPOSALS - PAGE);
      await proposals.locator(`tbody th a[href$="${rest[0]}"]`).waitFor();
      expect(await shown()).toEqual(rest);
      expect(new URL(page.url()).searchParams.get('sort')).toBe('memberCount');
      await checkWidths(page, SUITE, 'cohorts-page-2', language);
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it.each(LANGUAGES)(
    'the ranking, sorted by its Spread header, largest first, and paged (%s)',
    async (language) => {
      const t = textsOf(language, 'secretariat');
      const page = await signedInVisitor(browser, platform.baseUrl, language, secretariat);
      await page.goto(`/secretariat/calls/${rankedCallId}/scoring`);
      const ranking = page.getByRole('region', { name: t('scoring.ranking.title') });
      const centres = () => ranking.locator('tbody th[scope="row"]').allInnerTexts();
      const apiPage = async (sort: string, offset: number) =>
        (await listed(`${rankedCallId}/ranking`, { sort, offset, limit: RANKING_PAGE })).items.map(
          (r) => (r.organisation as { name: string }).name,
        );
      await ranking
        .locator('tbody th[scope="row"]')
        .nth(RANKING_PAGE - 1)
        .waitFor();
      const rank = ranking.getByRole('columnheader', { name: t('scoring.ranking.rank'), exact: true });
      expect(await rank.getAttribute('aria-sort')).toBe('ascending');
      expect(await ranking.getByRole('combobox').count()).toBe(0);

      const spread = ranking.getByRole('columnheader', { name: t('scoring.ranking.spread'), exact: true });
      expect(await spread.getAttribute('aria-sort')).toBe('none');
      await pressOn(page, spread.getByRole('link'));
      await ranking.locator('th[aria-sort="descending"]').waitFor();
      expect(await rank.getAttribute('aria-sort')).toBe('none');
      const widest = await apiPage('-spread', 0);
      expect(widest.slice(0, 2)).toEqual(['Ranked centre 027', 'Ranked centre 077']);
      expect(await centres()).toEqual(widest);
      const caption = t('scoring.ranking.captionSorted_other', {
        count: RANKED,
        column: t('scoring.ranking.spread'),
        direction: t('scoring.ranking.sortDirection.descending'),
      });
      await ranking.getByText(caption, { exact: false }).waitFor();

      const pager = ranking.getByRole('navigation', { name: t('scoring.ranking.pages') });
      await activate(page, pager.getByRole('button', { name: t('scoring.ranking.page', { page: 2, pages: 2 }) }));
      await page.waitForURL(/rankingPage=2/);
      // The narrowest spreads of the whole ranking, ties in rank order: two of them rank on its first page,
      // so page 2 is the server's order, not the first page re-sorted.
      const narrowest = await apiPage('-spread', RANKING_PAGE);
      expect(narrowest).toEqual([96, 23, 73, 50, 100].map((n) => `Ranked centre ${String(n).padStart(3, '0')}`));
      await ranking.locator('tbody th[scope="row"]', { hasText: narrowest[0] as string }).waitFor();
      expect(await centres()).toEqual(narrowest);
      expect(new URL(page.url()).searchParams.get('rankingSort')).toBe('-spread');
      await checkWidths(page, SUITE, 'ranking-by-spread-page-2', language);
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});
