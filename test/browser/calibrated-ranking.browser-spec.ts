import type { Browser, Locator } from 'playwright-core';
import {
  type Language,
  WebPlatform,
  activate,
  checkWidths,
  launchBrowser,
  signedInVisitor,
  tabTo,
  textsOf,
  JOURNEY_TIMEOUT_MS,
} from '../support/browser';
import { eventually } from '../support/async';
import { createApplicantsFrom, createEvaluators, secretariatOf } from '../support/evaluation-fixtures';
import { Actor } from '../support/fixtures';
import { evaluatedCall } from '../support/scoring';

/**
 * Issue 16 items 1–2 as the secretariat reads them, on a calibrated call of eight centres, five
 * evaluators (three per centre) and three seats, scored through the API and its rank intervals
 * computed by the worker: the ranking gives each centre's 90% rank interval and chance of a seat,
 * the call's statistics the fit and its bootstrap, the evaluators' table each one's bias and group,
 * and the cohort proposal marks the grey zone, whose badge tells a keyboard user what it means. In
 * English and French, axe clean, at 1366 and 390 px wide.
 */

const SUITE = 'calibrated-ranking';
const SEATS = 3;

interface Ranked {
  applicationId: string;
  rank: number;
  organisation: { name: string };
  uncertainty: { probabilityInCohort: number; rankInterval: { lower: number; upper: number }; stale: boolean } | null;
}

interface Marking {
  displayName: string;
  calibration: { bias: number; component: number } | null;
}

interface Round {
  callId: string;
  ranking: Ranked[];
  evaluators: Marking[];
  seed: number;
  replicates: number;
  cohortId: string;
  greyZone: string[];
}

describe('the secretariat reads a calibrated ranking, its statistics and the grey zone', () => {
  let platform: WebPlatform;
  let browser: Browser;
  let secretariat: Actor;
  let round: Round;

  beforeAll(async () => {
    platform = await WebPlatform.start();
    browser = await launchBrowser();
    secretariat = await secretariatOf(platform.api);
    const [applicants, evaluators] = await Promise.all([
      createApplicantsFrom(
        platform.api,
        ['KE', 'BR', 'IN', 'EG', 'FR', 'GH', 'PE', 'VN'].map((countryCode, i) => ({
          countryCode,
          organisationName: `Calibrated centre ${i + 1}`,
        })),
      ),
      createEvaluators(
        platform.api,
        // The evaluators' table is read by name: each evaluator has one of its own.
        ['DE', 'JP', 'MX', 'US', 'CA'].map((countryCode) => ({ countryCode, displayName: `Evaluator ${countryCode}` })),
      ),
    ]);
    const { callId } = await evaluatedCall(platform.api, evaluators, applicants, 3, {
      cohortSize: SEATS,
      scoring: { scaleMin: 0, scaleMax: 10, normalization: 'calibrated' },
    });
    round = await readRound(callId);
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  /** Once the worker has computed the intervals: the ranking, the biases, the fit and a proposal. */
  async function readRound(callId: string): Promise<Round> {
    const token = secretariat.token;
    const get = async (path: string) => (await platform.api.get(`/api/v1/calls/${callId}${path}`, { token })).body;
    const statistics = await eventually(
      () => get('/statistics'),
      (s) => s.calibration?.uncertainty.status === 'current',
      120_000,
    );
    expect(statistics.calibration).toMatchObject({ connected: true, uncertainty: { cohortSize: SEATS } });
    const ranking = (await get('/ranking')).items as Ranked[];
    expect(ranking.every((item) => item.uncertainty !== null && !item.uncertainty.stale)).toBe(true);
    const evaluators = (await get('/evaluator-statistics')).items as Marking[];
    const proposed = await platform.api.post(`/api/v1/calls/${callId}/cohorts`, { token, body: { waitlistSize: 3 } });
    expect(proposed.status).toBe(201);
    const greyZone = proposed.body.greyZone as string[];
    // Eight centres scored by three evaluators of five cannot all be told apart around the third seat.
    expect(greyZone.length).toBeGreaterThan(0);
    return {
      callId,
      ranking,
      evaluators,
      seed: statistics.calibration.uncertainty.seed,
      replicates: statistics.calibration.uncertainty.replicates,
      cohortId: proposed.body.id,
      greyZone,
    };
  }

  it(
    'shows rank intervals, chances of a seat, biases and the grey zone in both languages',
    async () => {
      for (const language of ['en', 'fr'] as const) await journey(language);
    },
    JOURNEY_TIMEOUT_MS,
  );

  async function journey(language: Language): Promise<void> {
    const { callId, ranking, evaluators, cohortId, greyZone } = round;
    const t = textsOf(language, 'secretariat');
    const number = (value: number, options?: Intl.NumberFormatOptions) =>
      new Intl.NumberFormat(language, options).format(value);
    const page = await signedInVisitor(browser, platform.baseUrl, language, secretariat);

    // The call's statistics: the fit and its bootstrap in short, current.
    await page.goto(`/secretariat/calls/${callId}`);
    const calibration = page.getByRole('region', { name: t('calibration.title') });
    await calibration.waitFor();
    expect(await factOf(calibration, t('calibration.facts.status'))).toBe(t('calibration.status.current'));
    expect(await factOf(calibration, t('calibration.facts.seed'))).toBe(String(round.seed));
    expect(await factOf(calibration, t('calibration.facts.replicates'))).toBe(number(round.replicates));
    expect(await factOf(calibration, t('calibration.facts.cohortSize'))).toBe(number(SEATS));
    expect(await factOf(calibration, t('calibration.facts.connected'))).toBe(t('calibration.facts.yes'));
    expect(await calibration.getByText(t('calibration.disconnected.title')).count()).toBe(0);
    await checkWidths(page, SUITE, 'statistics', language);

    // The ranking: each centre's 90% rank interval and chance of a seat, no note of intervals to come.
    await activate(
      page,
      page.getByRole('navigation', { name: t('call.sections') }).getByRole('link', { name: t('call.section.scoring') }),
    );
    const section = page.getByRole('region', { name: t('scoring.ranking.title') });
    const table = section.getByRole('table');
    await table.waitFor();
    const headers = (await table.getByRole('columnheader').allTextContents()).map((h) => h.replace(/ [↑↓↕]$/, ''));
    expect(headers.slice(4, 8)).toEqual(
      ['normalised', 'raw', 'interval', 'chance'].map((column) => t(`scoring.ranking.${column}`)),
    );
    await section.getByText(t('scoring.ranking.uncertainty.explanation', { count: SEATS, formatted: SEATS })).waitFor();
    expect(await section.getByText(t('scoring.ranking.uncertainty.pending')).count()).toBe(0);
    expect(await section.getByText(t('scoring.ranking.uncertainty.stale')).count()).toBe(0);
    for (const item of ranking) {
      const { rankInterval, probabilityInCohort } = item.uncertainty!;
      const cells = await rowOf(table, item.organisation.name).getByRole('cell').allTextContents();
      // Rank, country, region, normalised and raw scores come first.
      expect({ name: item.organisation.name, interval: cells[5], chance: cells[6] }).toEqual({
        name: item.organisation.name,
        interval:
          rankInterval.lower === rankInterval.upper
            ? number(rankInterval.lower)
            : t('scoring.ranking.uncertainty.interval', {
                lower: number(rankInterval.lower),
                upper: number(rankInterval.upper),
              }),
        chance: number(probabilityInCohort, { style: 'percent', maximumFractionDigits: 1 }),
      });
    }

    // The evaluators' table: each one's bias in signed points and its group, all in one.
    const marking = page.getByRole('region', { name: t('scoring.distribution.title') }).getByRole('table');
    const markingHeaders = await marking.getByRole('columnheader').allTextContents();
    const bias = markingHeaders.indexOf(t('scoring.distribution.bias'));
    expect(markingHeaders[bias + 1]).toBe(t('scoring.distribution.group'));
    for (const evaluator of evaluators) {
      const cells = await rowOf(marking, evaluator.displayName).locator('th, td').allTextContents();
      expect(cells.slice(bias, bias + 2)).toEqual([
        number(evaluator.calibration!.bias, {
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
          signDisplay: 'exceptZero',
        }),
        number(1),
      ]);
    }
    await checkWidths(page, SUITE, 'ranking', language);

    // The proposal: the grey zone explained above the lists, each of its candidates marked.
    await page.goto(`/secretariat/calls/${callId}/cohorts/${cohortId}`);
    const explanation = t('cohorts.greyZone.explanation', {
      count: greyZone.length,
      formatted: greyZone.length,
      seats: SEATS,
    });
    await page.getByText(explanation).waitFor();
    const badge = t('cohorts.greyZone.badge');
    // Every centre is in one of the proposal's lists; a row header gives its name and city.
    for (const item of ranking) {
      const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: item.organisation.name }) });
      expect({ name: item.organisation.name, marked: await row.getByText(badge, { exact: true }).count() }).toEqual({
        name: item.organisation.name,
        marked: greyZone.includes(item.applicationId) ? 1 : 0,
      });
    }
    // A keyboard user reaches the first badge and hears what it means.
    await tabTo(page, page.getByRole('table').locator('.mantine-Badge-root', { hasText: badge }).first());
    await page.getByRole('tooltip').getByText(t('cohorts.greyZone.tooltip')).waitFor();
    await checkWidths(page, SUITE, 'proposal', language);
    await page.context().close();
  }
});

/** The value of a fact of a description list, by its label. */
async function factOf(list: Locator, label: string): Promise<string> {
  const fact = list.locator('dl > div').filter({ has: list.page().getByText(label, { exact: true }) });
  return (await fact.locator('dd').innerText()).trim();
}

function rowOf(table: Locator, name: string): Locator {
  return table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name, exact: true }) });
}
