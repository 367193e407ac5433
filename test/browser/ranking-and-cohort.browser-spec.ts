import type { Browser, Locator, Page } from 'playwright-core';
import {
  journeyLanguages,
  type Language,
  WebPlatform,
  WIDTHS,
  activate,
  checkWidths,
  launchBrowser,
  signedInVisitor,
  tabTo,
  textsOf,
  JOURNEY_TIMEOUT_MS,
} from '../support/browser';
import { createApplicantsFrom, createEvaluators, secretariatOf } from '../support/evaluation-fixtures';
import { Actor } from '../support/fixtures';
import { evaluatedCall } from '../support/scoring';

/**
 * Issue 13, what the secretariat reads before choosing a cohort, on a call without normalisation
 * and two seats: the ranking shows the score that ranks (no normalised figure that does not) and a
 * line under the seats; a proposal with every centre says so consistently; a proposal amended to
 * three members for two seats gives the score and rank of everyone left out, counts in words of the
 * right number, and its approval says it is over the seats by one and asks for it explicitly. Then,
 * published, every status badge (call, cohort, outcomes, eligibility, an evaluator's assignments)
 * shows its whole text. In French, keyboard only, axe clean, at 1366 and 390 px wide.
 */

const SUITE = 'ranking-and-cohort';
const CENTRES = [
  { organisationName: 'Nairobi Innovation Centre', countryCode: 'KE' },
  { organisationName: 'Lagos Tech Hub', countryCode: 'NG' },
  { organisationName: 'Dakar Digital Factory', countryCode: 'SN' },
  { organisationName: 'Kigali Venture Lab', countryCode: 'RW' },
  { organisationName: 'Accra Startup Forge', countryCode: 'GH' },
];
const SEATS = 2;

interface Ranked {
  applicationId: string;
  rank: number;
  score: number;
  rawScore: number;
  normalizedScore: number;
  organisation: { name: string };
}

interface Round {
  callId: string;
  ranking: Ranked[];
  /** Every centre a member, nobody waiting, nobody else. */
  everyoneId: string;
  /** Ranks 1 and 2 chosen, rank 3 waiting, rank 4 added by hand: three members for two seats. */
  overSeatsId: string;
}

const LANGUAGES = journeyLanguages('fr');

describe('the secretariat reads the ranking and a cohort over its seats', () => {
  let platform: WebPlatform;
  let browser: Browser;
  let secretariat: Actor;
  let evaluators: Actor[];
  const rounds = new Map<Language, Round>();

  beforeAll(async () => {
    platform = await WebPlatform.start();
    browser = await launchBrowser();
    secretariat = await secretariatOf(platform.api);
    const [applicants, panel] = await Promise.all([
      createApplicantsFrom(platform.api, CENTRES),
      createEvaluators(platform.api, [{ countryCode: 'DE' }, { countryCode: 'CA' }, { countryCode: 'JP' }]),
    ]);
    evaluators = panel;
    const overrides = { cohortSize: SEATS, scoring: { scaleMin: 0, scaleMax: 10, normalization: 'none' } };
    const calls = await Promise.all(
      LANGUAGES.map(() => evaluatedCall(platform.api, evaluators, applicants, 2, overrides)),
    );
    for (const [i, language] of LANGUAGES.entries()) rounds.set(language, await seedRound(calls[i]!.callId));
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  /** Two proposals through the API: one of everyone, one amended over its seats. */
  async function seedRound(callId: string): Promise<Round> {
    const token = secretariat.token;
    const ranking = (await platform.api.get(`/api/v1/calls/${callId}/ranking`, { token })).body.items as Ranked[];
    expect(ranking).toHaveLength(CENTRES.length);
    const propose = async (body: Record<string, unknown>) => {
      const res = await platform.api.post(`/api/v1/calls/${callId}/cohorts`, { token, body });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const everyoneId = await propose({ size: CENTRES.length, waitlistSize: 0 });
    const overSeatsId = await propose({ waitlistSize: 1 });
    const amended = await platform.api.patch(`/api/v1/cohorts/${overSeatsId}`, {
      token,
      body: { add: [ranking[3]!.applicationId], reason: 'Its mentors cover a region nobody else does.' },
    });
    expect(amended.status).toBe(200);
    return { callId, ranking, everyoneId, overSeatsId };
  }

  it.each(LANGUAGES)(
    'the ranking, two proposals, an approval over the seats and whole badges (%s)',
    async (language) => {
      const { callId, ranking, everyoneId, overSeatsId } = rounds.get(language)!;
      const t = textsOf(language, 'secretariat');
      const score = (value: number) => decimal(value, language);
      const page = await signedInVisitor(browser, platform.baseUrl, language, secretariat);

      // The ranking of a call without normalisation: its score, no normalised one, a line under the seats.
      await page.goto(`/secretariat/calls/${callId}/scoring`);
      const table = page.getByRole('region', { name: t('scoring.ranking.title') }).getByRole('table');
      await table.waitFor();
      // A sortable header ends with the arrow of its order, hidden from assistive technologies.
      const headers = await table.getByRole('columnheader').allTextContents();
      expect(headers.map((header) => header.replace(/ [↑↓↕]$/, ''))).toEqual(
        ['rank', 'organisation', 'country', 'region', 'score', 'evaluations', 'spread', 'stdDev', 'moderation'].map(
          (column) => t(`scoring.ranking.${column}`),
        ),
      );
      await table.getByText(t('scoring.ranking.rankedBy.none')).waitFor();
      const rows = await table.locator('tbody tr').all();
      const seatsLine = t('scoring.ranking.seatsLine_other', { formatted: SEATS });
      const shown = await Promise.all(rows.map((row) => row.innerText()));
      expect(shown.findIndex((row) => row.includes(seatsLine))).toBe(SEATS);
      for (const [i, item] of ranking.entries()) {
        const row = rows[i < SEATS ? i : i + 1]!;
        expect(await row.getByRole('rowheader').innerText()).toBe(item.organisation.name);
        expect((await row.getByRole('cell').allTextContents())[3]).toBe(score(item.score));
      }
      await checkWidths(page, SUITE, 'ranking', language);

      // A proposal of everyone: nobody waits and nobody else is left, said without contradiction.
      await page.goto(`/secretariat/calls/${callId}/cohorts/${everyoneId}`);
      await tableNamed(page, t('cohorts.members.title', { number: CENTRES.length })).waitFor();
      await tableNamed(page, t('cohorts.waitlist.title')).getByText(t('cohorts.waitlist.none')).waitFor();
      const everyoneElse = tableNamed(page, t('cohorts.excluded.title'));
      await everyoneElse.getByText(t('cohorts.excluded.everyoneSelected')).waitFor();
      expect(await everyoneElse.getByText(t('cohorts.excluded.none')).count()).toBe(0);

      // The proposal over its seats: everyone left out has a score and rank; counts agree in number.
      await page.goto(`/secretariat/calls/${callId}/cohorts/${overSeatsId}`);
      const waitlist = tableNamed(page, t('cohorts.waitlist.title'));
      const others = tableNamed(page, t('cohorts.excluded.title'));
      await rowOf(waitlist, ranking[2]!.organisation.name).waitFor();
      for (const item of [ranking[2]!, ranking[4]!]) {
        const table = item === ranking[2] ? waitlist : others;
        const cells = await rowOf(table, item.organisation.name).getByRole('cell').allTextContents();
        expect([cells[0], cells[3]]).toEqual([String(item.rank), score(item.score)]);
      }
      const members = (count: number) =>
        t(`cohorts.counts.members_${count === 1 ? 'one' : 'other'}`, { formatted: count });
      const seats = (count: number) => t(`cohorts.counts.seats_${count === 1 ? 'one' : 'other'}`, { formatted: count });
      await page.getByText(t('cohorts.violations.size', { members: members(3), seats: seats(SEATS) })).waitFor();
      const callStatus = (status: string) => textsOf(language, 'common')(`callStatuses.${status}`);
      await checkBadgesAndWidths(page, 'proposal', language, [callStatus('reviewing'), t('cohorts.statuses.proposed')]);

      // Approving says by how much the cohort is over its seats and waits for an explicit yes.
      await activate(page, page.getByRole('button', { name: t('cohorts.transition.approve.button') }));
      const dialog = page.getByRole('dialog', { name: t('cohorts.transition.approve.title') });
      await dialog
        .getByText(
          t('cohorts.transition.approve.overSeats_one', { excess: 1, members: members(3), seats: seats(SEATS) }),
        )
        .waitFor();
      const approve = dialog.getByRole('button', { name: t('cohorts.transition.approve.confirm'), exact: true });
      expect(await approve.isDisabled()).toBe(true);
      const acknowledge = dialog.getByRole('checkbox', { name: t('cohorts.transition.approve.acknowledgeOverSeats') });
      await tabTo(page, acknowledge);
      await page.keyboard.press('Space');
      expect(await acknowledge.isChecked()).toBe(true);
      await checkWidths(page, SUITE, 'approve-dialog', language);
      await activate(page, approve);
      await dialog.waitFor({ state: 'hidden' });
      await page.getByText(t('cohorts.statuses.approved'), { exact: true }).waitFor();

      // Published, the outcomes' badges, the call's and the cohort's show their whole text.
      const published = await platform.api.post(`/api/v1/cohorts/${overSeatsId}/publish`, {
        token: secretariat.token,
      });
      expect(published.status).toBe(200);
      const applicant = textsOf(language, 'applicant');
      const call = callStatus('published');
      await page.goto(`/secretariat/calls/${callId}/applications`);
      await page.getByRole('table').getByText(applicant('status.waitlisted')).waitFor();
      await checkBadgesAndWidths(page, 'applications', language, [
        call,
        ...['selected', 'selected', 'selected', 'waitlisted', 'not_selected'].map((s) => applicant(`status.${s}`)),
        ...CENTRES.map(() => t('eligibility.eligible')),
      ]);
      await page.goto(`/secretariat/calls/${callId}/cohorts`);
      await page.getByRole('table').waitFor();
      await checkBadgesAndWidths(page, 'cohorts', language, [
        call,
        t('cohorts.statuses.published'),
        t('cohorts.statuses.proposed'),
      ]);
      await page.context().close();

      // An evaluator's assignments, every one submitted.
      const evaluator = await signedInVisitor(browser, platform.baseUrl, language, evaluators[0]!);
      await evaluator.goto('/evaluator/assignments');
      const submitted = textsOf(language, 'evaluator')('statuses.submitted');
      await evaluator.getByRole('table').first().getByText(submitted).first().waitFor();
      const badges = await evaluator.locator('.mantine-Badge-root').count();
      expect(badges).toBeGreaterThan(0);
      await checkBadgesAndWidths(evaluator, 'assignments', language, Array<string>(badges).fill(submitted));
      await evaluator.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});

/** Each badge of the page shows its whole text at each of WIDTHS; then the page's checks at those widths. */
async function checkBadgesAndWidths(page: Page, name: string, language: Language, badges: string[]): Promise<void> {
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    expect({ width, badges: await badgesOf(page) }).toEqual({ width, badges: whole(badges) });
  }
  await checkWidths(page, SUITE, name, language);
}

interface BadgeSeen {
  text: string;
  cut: boolean;
}

/** Every badge of the page: its text, and whether the badge or its label is narrower than that text. */
function badgesOf(page: Page): Promise<BadgeSeen[]> {
  return page.locator('.mantine-Badge-root').evaluateAll((elements) =>
    (elements as unknown as BadgeElement[])
      .map((root) => {
        const label = root.querySelector('.mantine-Badge-label') ?? root;
        const cut = [root, label].some((element) => element.scrollWidth > element.clientWidth);
        return { text: (root.textContent ?? '').trim(), cut };
      })
      .sort((a, b) => a.text.localeCompare(b.text)),
  );
}

interface BadgeElement {
  textContent: string | null;
  scrollWidth: number;
  clientWidth: number;
  querySelector(selector: string): BadgeElement | null;
}

function whole(texts: string[]): BadgeSeen[] {
  return texts.map((text) => ({ text, cut: false })).sort((a, b) => a.text.localeCompare(b.text));
}

function tableNamed(page: Page, name: string): Locator {
  return page.getByRole('table', { name, exact: true });
}

function rowOf(table: Locator, organisation: string): Locator {
  return table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name: organisation }) });
}

/** A figure as the pages write it: one decimal, in the reader's language. */
function decimal(value: number, language: Language): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}
