import type { Browser, Locator, Page } from 'playwright-core';
import {
  journeyLanguages,
  type Language,
  WebPlatform,
  activate,
  checkPage,
  launchBrowser,
  signedInVisitor,
  textsOf,
  JOURNEY_TIMEOUT_MS,
} from '../support/browser';
import {
  assignmentRows,
  callWithSubmissions,
  createApplicantsFrom,
  evaluate,
  evaluatorsByApplication,
  secretariatOf,
} from '../support/evaluation-fixtures';
import { Actor, Applicant, PASSWORD, login, uniqueEmail } from '../support/fixtures';
import { independentScores } from '../support/scoring';

/**
 * The secretariat's panel and scoring pages of one call: the panel seated by searching evaluators,
 * a conflict declared for one of them, the call's expertise keywords set in the builder and an
 * evaluator's expertise declared on her page, the automatic assignment previewed with each pair's
 * affinity (nothing written), then run, with its even loads; then, with the
 * evaluations submitted through the API, the results brought up to date, a full run followed to its
 * end, the ranking as the reference scoring computes it (with the application whose evaluators
 * disagree flagged for moderation) and each evaluator's marking. In English; each page
 * checked by axe-core and photographed.
 */

const SUITE = 'secretariat-scoring';
const ORGANISATIONS = ['Kigali Venture Lab', 'Accra Startup Forge', 'Lima Innovation Hub'];
const [CONFLICTED, DIVERGENT] = ORGANISATIONS;
const EVALUATORS = ['Amina Diallo', 'Bruno Keller', 'Chen Wei'];
const [EXPERT, , DECLARING] = EVALUATORS;
/** The call's expertise keywords; each centre's programme names its own. */
const KEYWORDS = ['fintech', 'agritech'];
const PROGRAMMES = [
  'A programme for fintech start-ups: payments and mobile money.',
  'A programme for agritech start-ups: irrigation and storage.',
  'A programme for fintech and agritech start-ups.',
];

/**
 * Each evaluator's score (the same on both criteria, scale 0–10) per application: Chen Wei and the
 * other evaluator of Accra Startup Forge are 80 points apart, beyond the call's threshold of 30.
 */
const SCORES: Record<string, Record<string, number>> = {
  'Kigali Venture Lab': { 'Amina Diallo': 9, 'Bruno Keller': 8, 'Chen Wei': 7 },
  'Accra Startup Forge': { 'Amina Diallo': 2, 'Bruno Keller': 2, 'Chen Wei': 10 },
  'Lima Innovation Hub': { 'Amina Diallo': 4, 'Bruno Keller': 4, 'Chen Wei': 5 },
};

interface NamedEvaluator extends Actor {
  name: string;
}

interface Round {
  callId: string;
  applicationIds: string[];
}

const LANGUAGES = journeyLanguages('en');

describe('the secretariat seats a panel, assigns it and follows the scoring', () => {
  let platform: WebPlatform;
  let browser: Browser;
  let secretariat: Actor;
  let evaluators: NamedEvaluator[];
  let applicants: Applicant[];
  const rounds = new Map<Language, Round>();

  beforeAll(async () => {
    platform = await WebPlatform.start();
    browser = await launchBrowser();
    secretariat = await secretariatOf(platform.api);
    [evaluators, applicants] = await Promise.all([
      createNamedEvaluators(platform, secretariat.token),
      createApplicantsFrom(
        platform.api,
        ORGANISATIONS.map((organisationName, i) => ({ organisationName, countryCode: ['RW', 'GH', 'PE'][i]! })),
      ),
    ]);
    for (const language of LANGUAGES) {
      rounds.set(
        language,
        await callWithSubmissions(
          platform.api,
          applicants,
          { evaluatorsPerApplication: 2, scoring: { scaleMin: 0, scaleMax: 10, normalization: 'zscore' } },
          { answers: PROGRAMMES.map((programme) => ({ programme })) },
        ),
      );
    }
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it.each(LANGUAGES)(
    'from the panel to the ranking (%s)',
    async (language) => {
      const round = rounds.get(language)!;
      const t = textsOf(language, 'secretariat');
      const page = await signedInVisitor(browser, platform.baseUrl, language, secretariat);

      // The panel, seated from searches by e-mail address.
      await page.goto(`/secretariat/calls/${round.callId}/panel`);
      await expectTitle(page, t('call.section.panel'));
      await page.getByText(t('panel.members.none')).waitFor();
      for (const evaluator of evaluators) {
        await page.getByLabel(t('panel.add.search')).fill(evaluator.email);
        // By the address, which the option's name carries: until the search answers, the list still shows
        // the results of the one before, where another evaluator may share the name.
        await page.getByRole('checkbox', { name: evaluator.email }).check();
      }
      await activate(page, page.getByRole('button', { name: t('panel.add.save_other', { count: 3 }) }));
      const members = page.getByRole('table', { name: t('panel.members.caption_other', { count: 3 }) });
      await members.waitFor();
      for (const evaluator of evaluators)
        await members.getByRole('row', { name: new RegExp(evaluator.name) }).waitFor();

      // A conflict the secretariat learnt of, declared for Chen Wei.
      await activate(page, page.getByRole('button', { name: t('panel.conflicts.declare') }));
      const dialog = page.getByRole('dialog', { name: t('panel.conflicts.dialogTitle') });
      const declaring = evaluators.find((e) => e.name === DECLARING)!;
      await dialog
        .getByLabel(t('panel.conflicts.evaluator'))
        .selectOption({ label: `${DECLARING} (${declaring.email})` });
      await dialog.getByLabel(t('panel.conflicts.application')).selectOption({ label: CONFLICTED });
      await dialog.getByLabel(t('panel.conflicts.reason')).fill('Sits on the board of this centre.');
      await activate(page, dialog.getByRole('button', { name: t('panel.conflicts.confirm') }));
      await page
        .getByRole('status')
        .filter({ hasText: t('panel.conflicts.assignment.none', { evaluator: DECLARING, organisation: CONFLICTED }) })
        .waitFor();
      const conflicts = page.getByRole('table', { name: t('panel.conflicts.caption_one', { count: 1 }) });
      await conflicts.getByRole('row', { name: new RegExp(`${DECLARING}.*${CONFLICTED}`) }).waitFor();

      await setKeywords(page, round, t);
      const { title, expertise } = (
        await platform.api.get(`/api/v1/calls/${round.callId}`, { token: secretariat.token })
      ).body;
      expect(expertise).toEqual({ keywords: KEYWORDS, topicQuestionKey: null });
      await declareExpertise(
        browser,
        platform,
        title as string,
        evaluators.find((e) => e.name === EXPERT)!,
        language,
      );

      // A preview: each pair the run would make with its affinity, and nothing assigned yet.
      await page.goto(`/secretariat/calls/${round.callId}/panel`);
      await activate(page, page.getByRole('button', { name: t('panel.auto.preview') }));
      await page.getByText(t('panel.auto.previewed_other', { formatted: 6 })).waitFor();
      const proposal = page.getByRole('table', { name: t('panel.auto.proposal') });
      await proposal.getByRole('row').nth(6).waitFor();
      const expertPair = proposal.getByRole('row', { name: new RegExp(`${ORGANISATIONS[0]}.*${EXPERT}`) });
      const affinity = (await expertPair.getByRole('cell').allInnerTexts()).at(-1);
      expect(affinity).not.toBe(new Intl.NumberFormat(language, { minimumFractionDigits: 2 }).format(0));
      expect(await assignmentRows(platform.api, round.callId, ['assigned'])).toHaveLength(0);
      await checkPage(page, SUITE, 'assignment-preview', language);

      // Six slots, three evaluators, one conflict: two assignments each, Chen Wei kept off Kigali.
      await activate(page, page.getByRole('button', { name: t('panel.auto.run') }));
      await page.getByText(t('panel.auto.created_other', { formatted: 6 })).waitFor();
      for (const evaluator of evaluators) {
        await page
          .getByRole('listitem')
          .filter({ hasText: evaluator.name })
          .getByText(t('panel.auto.load_other', { formatted: 2 }))
          .waitFor();
      }
      await page.getByText(t('panel.auto.allAssigned')).waitFor();
      const assigned = await evaluatorsByApplication(platform.api, round.callId);
      expect(assigned.get(round.applicationIds[0]!)).not.toContain(declaring.id);
      await checkPage(page, SUITE, 'panel', language);

      // The evaluators submit; the scoring page follows the results until they are up to date.
      await submitEvaluations(platform, round, evaluators);
      await activate(page, page.getByRole('link', { name: t('call.section.scoring') }));
      await expectTitle(page, t('call.section.scoring'));
      await page.getByText(t('scoring.status.upToDate'), { exact: true }).waitFor();

      // A full run, followed to its end.
      await activate(page, page.getByRole('button', { name: t('scoring.run.start') }));
      await page.getByText(t('scoring.run.completed_other', { done: 6, total: 6 })).waitFor();
      const progress = page.getByRole('progressbar', { name: t('scoring.run.progress') });
      expect(await progress.getAttribute('aria-valuenow')).toBe('100');

      // The ranking is the reference scoring's, figure by figure, with the disagreement flagged.
      const expected = (await independentScores(platform.api, secretariat.token, round.applicationIds)).applications;
      const ranking = region(page, t('scoring.ranking.title'));
      const rows = ranking.getByRole('row');
      await rows.nth(expected.length).waitFor();
      for (const [index, reference] of expected.entries()) {
        const row = rows.nth(index + 1);
        const organisation = ORGANISATIONS[round.applicationIds.indexOf(reference.applicationId)]!;
        expect(await row.getByRole('rowheader').innerText()).toBe(organisation);
        // The cells after the rank, country and region: the figures (on this z-score call the score
        // that ranks is the normalised one, then the raw one), then the moderation flag.
        const [rank, , , ...figures] = await row.getByRole('cell').allTextContents();
        expect(reference.score).toBe(reference.normalizedScore);
        expect([rank, ...figures]).toEqual([
          String(reference.rank),
          ...[reference.score, reference.rawScore].map((v) => decimal(v, language)),
          String(reference.evaluationCount),
          decimal(reference.spread, language),
          decimal(reference.stdDev, language),
          organisation === DIVERGENT ? t('scoring.ranking.needsModeration') : '',
        ]);
      }
      expect(expected.find((r) => r.needsModeration)?.applicationId).toBe(round.applicationIds[1]);

      // Each evaluator's marking, two evaluations each.
      const distribution = region(page, t('scoring.distribution.title'));
      const marking = distribution.getByRole('table', { name: t('scoring.distribution.caption_other', { count: 3 }) });
      expect((await marking.getByRole('rowheader').allInnerTexts()).sort()).toEqual([...EVALUATORS].sort());
      // Submitted through the API without a confidence: each evaluator's two are "not stated".
      const notStated = t('scoring.distribution.confidenceCount', {
        level: t('scoring.distribution.confidenceLevels.notStated'),
        count: 2,
      });
      for (const name of EVALUATORS) {
        const cells = await marking
          .getByRole('row', { name: new RegExp(name) })
          .getByRole('cell')
          .allInnerTexts();
        expect([cells[0], cells.at(-1)]).toEqual(['2', notStated]);
      }
      await distribution.getByRole('img').waitFor();
      await checkPage(page, SUITE, 'scoring', language);
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});

/** The call's expertise keywords typed in the builder (the call is closed: they may still change). */
async function setKeywords(page: Page, round: Round, t: ReturnType<typeof textsOf>): Promise<void> {
  await page.goto(`/secretariat/calls/${round.callId}/edit`);
  const keywords = page.getByRole('combobox', { name: t('builder.expertise.keywords') });
  for (const keyword of KEYWORDS) {
    await keywords.fill(keyword);
    await keywords.press('Enter');
  }
  await activate(page, page.getByRole('button', { name: t('builder.save') }));
  await expectTitle(page, t('call.section.overview'));
}

/** The evaluator chooses a keyword and describes her expertise on her own page, in her own session. */
async function declareExpertise(
  browser: Browser,
  platform: WebPlatform,
  callTitle: string,
  expert: NamedEvaluator,
  language: Language,
): Promise<void> {
  const t = textsOf(language, 'evaluator');
  const page = await signedInVisitor(browser, platform.baseUrl, language, expert);
  await page.goto('/evaluator/expertise');
  const section = page.getByRole('region', { name: callTitle });
  await section.getByRole('combobox', { name: t('expertise.keywords') }).click();
  await page.getByRole('option', { name: KEYWORDS[0] }).click();
  await section.getByLabel(t('expertise.description')).fill('Payments and mobile money in East Africa.');
  await activate(page, section.getByRole('button', { name: t('expertise.save') }));
  await section
    .getByRole('status')
    .filter({ hasText: t('expertise.saved') })
    .waitFor();
  await checkPage(page, SUITE, 'expertise', language);
  await page.context().close();
}

/** The evaluators, each with a name of its own so that the pages can be read by it. */
async function createNamedEvaluators(platform: WebPlatform, token: string): Promise<NamedEvaluator[]> {
  return Promise.all(
    EVALUATORS.map(async (name, i) => {
      const email = uniqueEmail('evaluator');
      const res = await platform.api.post('/api/v1/users', {
        token,
        body: { email, password: PASSWORD, displayName: name, role: 'evaluator', countryCode: ['FR', 'CH', 'SG'][i] },
      });
      if (res.status !== 201) throw new Error(`create evaluator failed: ${res.status} ${JSON.stringify(res.body)}`);
      return { id: res.body.id as string, email, name, token: await login(platform.api, email) };
    }),
  );
}

/** Every assignment of the round scored per SCORES and submitted, through the API. */
async function submitEvaluations(platform: WebPlatform, round: Round, evaluators: NamedEvaluator[]): Promise<void> {
  const rows = await assignmentRows(platform.api, round.callId, ['assigned']);
  expect(rows).toHaveLength(6);
  for (const row of rows) {
    const evaluator = evaluators.find((e) => e.id === row.evaluatorId)!;
    const organisation = ORGANISATIONS[round.applicationIds.indexOf(row.applicationId)]!;
    const score = SCORES[organisation]![evaluator.name]!;
    await evaluate(platform.api, evaluator.token, row.id, [
      { criterionCode: 'IMPACT', score },
      { criterionCode: 'CAPACITY', score },
    ]);
  }
}

async function expectTitle(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** A section of the page, named by its heading. */
function region(page: Page, name: string): Locator {
  return page.getByRole('region', { name });
}

/** A figure as the pages write it: one decimal, in the reader's language. */
function decimal(value: number, language: Language): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}
