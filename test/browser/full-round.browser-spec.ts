import type { Browser, Locator, Page } from 'playwright-core';
import {
  journeyLanguages,
  type Language,
  WebPlatform,
  activate,
  checkWidths,
  launchBrowser,
  newVisitor,
  pressOn,
  signIn,
  switchLanguage,
  text,
  JOURNEY_TIMEOUT_MS,
} from '../support/browser';
import {
  assignmentRows,
  autoAssign,
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  evaluate,
  seatPanel,
  secretariatOf,
  type ScoreInput,
} from '../support/evaluation-fixtures';
import { Actor, Applicant, PASSWORD, SAMPLE_PDF } from '../support/fixtures';

/**
 * Issue 6, the headline journey: an applicant applies, an evaluator scores, the secretariat
 * publishes, the public page shows the cohort and the applicant reads its outcome and feedback. One
 * round per language, each on a call of its own where three other centres compete; what the other
 * people do is done through the API, what the journey is about in the browser.
 */

const SUITE = 'full-round';
const CENTRE = { organisationName: 'Kampala Innovation Centre', countryCode: 'UG', city: 'Kampala' };
const COMPETITORS = [
  { organisationName: 'Nairobi Digital Hub', countryCode: 'KE', city: 'Nairobi' },
  { organisationName: 'Dakar Startup Lab', countryCode: 'SN', city: 'Dakar' },
  { organisationName: 'Accra Venture Studio', countryCode: 'GH', city: 'Accra' },
];
/** Each competitor's score from every evaluator, on both criteria: all below the centre's. */
const COMPETITOR_SCORES = [7, 5, 3];
/**
 * The centre's scores from the evaluator in the browser, and the mean of each criterion once its
 * colleague's (SCORED_BY_COLLEAGUE) are counted, as the feedback writes it on the scale 0–10.
 */
const SCORED_IN_BROWSER = [
  { title: 'Impact', score: 10, comment: 'Reaches start-ups well beyond the capital.', mean: 9.5 },
  { title: 'Capacity', score: 9, comment: 'An experienced team with its own funding.', mean: 8.5 },
];
const OVERALL_COMMENT = 'A strong regional centre for the network.';
const SCORED_BY_COLLEAGUE: ScoreInput[] = [
  { criterionCode: 'IMPACT', score: 9, comment: 'The best pipeline of the call.' },
  { criterionCode: 'CAPACITY', score: 8 },
];

interface Round {
  callId: string;
  title: string;
  centre: Applicant;
  /** The competitors' applications, in the order of COMPETITORS. */
  competitorApplicationIds: string[];
}

const LANGUAGES = journeyLanguages('en');

describe('a full selection round, from the application to the published cohort', () => {
  let platform: WebPlatform;
  let browser: Browser;
  let secretariat: Actor;
  let evaluators: Actor[];
  const rounds = new Map<Language, Round>();

  beforeAll(async () => {
    platform = await WebPlatform.start();
    browser = await launchBrowser();
    secretariat = await secretariatOf(platform.api);
    let competitors: Applicant[];
    let centres: Applicant[];
    [evaluators, competitors, centres] = await Promise.all([
      createEvaluators(platform.api, [{ countryCode: 'DE' }, { countryCode: 'CA' }, { countryCode: 'JP' }]),
      createApplicantsFrom(platform.api, COMPETITORS),
      createApplicantsFrom(
        platform.api,
        LANGUAGES.map((locale) => ({ ...CENTRE, locale })),
      ),
    ]);
    // One open call per language, the competitors' applications already submitted.
    await Promise.all(
      LANGUAGES.map(async (language, i) => {
        const title = `Call for accelerator centres — full round (${language})`;
        const call = await callWithSubmissions(platform.api, competitors, { title }, { close: false });
        rounds.set(language, {
          callId: call.callId,
          title,
          centre: centres[i]!,
          competitorApplicationIds: call.applicationIds,
        });
      }),
    );
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it.each(LANGUAGES)(
    'an applicant applies, an evaluator scores, the secretariat publishes, the public sees the cohort (%s)',
    async (language) => {
      const round = rounds.get(language)!;
      const t: Translate = (key, values) => text(language, key, values);

      // 1. The centre applies: its answers and a document, then submits.
      const applicant = await signedIn(browser, platform, language, round.centre.email);
      const applicationId = await apply(applicant, round, t);

      // 2. The call closes; the panel is seated and assigned; the other evaluations come in.
      const closed = await platform.api.post(`/api/v1/calls/${round.callId}/close`, { token: secretariat.token });
      expect(closed.status).toBe(200);
      await seatPanel(platform.api, round.callId, evaluators);
      expect((await autoAssign(platform.api, round.callId)).status).toBe(200);
      const inBrowser = await evaluateAllBut(platform, round, applicationId, evaluators);

      // 3. The evaluator scores the centre's application in the browser.
      const evaluator = await signedIn(browser, platform, language, inBrowser.evaluator.email);
      await scoreInBrowser(evaluator, inBrowser.assignmentId, t);
      await evaluator.context().close();

      // 4. The secretariat waits for the scores, proposes the cohort, approves and publishes it.
      const office = await signedIn(browser, platform, language, secretariat.email);
      const cohortId = await publishCohort(office, round.callId, t);
      await office.context().close();

      // 5. Anyone, signed out, finds the centre in the published cohort.
      const visitor = await newVisitor(browser, platform.baseUrl, language);
      await visitor.goto(`/cohorts/${cohortId}`);
      await expectTitle(visitor, t('public:cohort.title', { call: round.title }));
      await visitor.getByRole('cell', { name: CENTRE.organisationName, exact: true }).waitFor();
      const leftOut = COMPETITORS[COMPETITORS.length - 1]!.organisationName;
      expect(await visitor.getByRole('cell', { name: leftOut, exact: true }).count()).toBe(0);
      await visitor.context().close();

      // 6. The centre reads that it is selected, and the feedback released at publication.
      await applicant.goto(`/applicant/applications/${applicationId}`);
      await expectTitle(applicant, round.title);
      await applicant.getByText(t('applicant:outcome.selected.title')).waitFor();
      await applicant.getByText(t('applicant:status.selected'), { exact: true }).waitFor();
      await expectFeedback(applicant, language, t);
      // The final score as the secretariat's ranking gives it, to the one decimal every page writes.
      const score = await rankingScore(platform, secretariat.token, round.callId, applicationId);
      const finalScore = t('applicant:feedback.score', { score: oneDecimal(score, language) });
      await applicant.getByText(finalScore, { exact: true }).waitFor();
      await checkWidths(applicant, SUITE, 'application-outcome', language);

      // 7. The outcome links to the published list it mentions, as the notice in the inbox does.
      await pressOn(applicant, applicant.getByRole('link', { name: t('applicant:outcome.publishedList') }));
      await expectTitle(applicant, t('public:cohort.title', { call: round.title }));
      await pressOn(applicant, applicant.getByRole('link', { name: t('nav.notifications') }));
      await expectTitle(applicant, t('account:inbox.title'));
      const notice = applicant.getByRole('article').filter({ hasText: round.title });
      const link = notice.getByRole('link', { name: new RegExp(`/cohorts/${cohortId}$`) });
      expect(new URL((await link.getAttribute('href'))!).pathname).toBe(`/cohorts/${cohortId}`);
      await checkWidths(applicant, SUITE, 'notifications', language);
      await applicant.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** A new visitor in `language`, signed in as `email`, the interface in that language. */
async function signedIn(browser: Browser, platform: WebPlatform, language: Language, email: string): Promise<Page> {
  const page = await newVisitor(browser, platform.baseUrl, language);
  await signIn(page, email, PASSWORD);
  await switchLanguage(page, language);
  return page;
}

/** Starts the application, answers, attaches a PDF and submits; answers the application's id. */
async function apply(page: Page, round: Round, t: Translate): Promise<string> {
  await page.goto(`/applicant/calls/${round.callId}/apply`);
  await expectTitle(page, t('applicant:apply.title', { call: round.title }));
  await activate(page, page.getByRole('button', { name: t('applicant:apply.start') }));
  await expectTitle(page, round.title);
  await page.getByLabel('Describe your programme').fill('A six-month programme for start-ups across Uganda.');
  await page.getByLabel('Start-ups supported per year').fill('24');
  await page.locator('[data-save-status="saved"]').waitFor();

  await page
    .locator('#document-file')
    .setInputFiles({ name: 'programme.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF });
  await activate(page, page.getByRole('button', { name: t('applicant:upload.button') }));
  await page.getByText(t('applicant:upload.done', { name: 'programme.pdf' })).waitFor();
  await page.getByRole('cell', { name: 'programme.pdf', exact: true }).waitFor();

  await activate(page, page.getByRole('button', { name: t('applicant:submit.button') }));
  await page.getByText(t('applicant:status.submitted'), { exact: true }).waitFor();
  await page.getByText(t('applicant:eligibility.eligible')).waitFor();
  return new URL(page.url()).pathname.split('/').pop()!;
}

/**
 * Submits through the API every assignment but one of the centre's, which is left to the browser:
 * the competitors get COMPETITOR_SCORES, the centre's other evaluator SCORED_BY_COLLEAGUE.
 */
async function evaluateAllBut(platform: WebPlatform, round: Round, centreApplicationId: string, evaluators: Actor[]) {
  const rows = await assignmentRows(platform.api, round.callId, ['assigned']);
  expect(rows).toHaveLength((COMPETITORS.length + 1) * 2);
  const [left, ...others] = [
    ...rows.filter((row) => row.applicationId === centreApplicationId),
    ...rows.filter((row) => row.applicationId !== centreApplicationId),
  ];
  await Promise.all(
    others.map((row) => {
      const evaluator = evaluators.find((e) => e.id === row.evaluatorId)!;
      const index = round.competitorApplicationIds.indexOf(row.applicationId);
      const scores: ScoreInput[] =
        index < 0
          ? SCORED_BY_COLLEAGUE
          : ['IMPACT', 'CAPACITY'].map((criterionCode) => ({ criterionCode, score: COMPETITOR_SCORES[index]! }));
      return evaluate(platform.api, evaluator.token, row.id, scores);
    }),
  );
  return { assignmentId: left!.id, evaluator: evaluators.find((e) => e.id === left!.evaluatorId)! };
}

/** Every criterion scored with a comment, an overall comment, submitted and confirmed. */
async function scoreInBrowser(page: Page, assignmentId: string, t: Translate): Promise<void> {
  await page.goto(`/evaluator/assignments/${assignmentId}`);
  await expectTitle(page, CENTRE.organisationName);
  for (const { title, score, comment } of SCORED_IN_BROWSER) {
    const criterion = page.getByRole('group', { name: title, exact: true });
    // The score first: a comment waits in the browser until its criterion has one.
    await criterion.getByLabel(t('evaluator:criterion.score', { min: 0, max: 10 })).fill(String(score));
    await criterion.getByLabel(t('evaluator:criterion.comment')).fill(comment);
  }
  await page.getByLabel(t('evaluator:evaluation.overallComment')).fill(OVERALL_COMMENT);
  await activate(page, page.getByRole('button', { name: t('evaluator:submit.button') }));
  // The submission asks first: it cannot be undone.
  const confirmation = page.getByRole('dialog', { name: t('evaluator:submit.confirmTitle') });
  await activate(page, confirmation.getByRole('button', { name: t('evaluator:submit.confirm') }));
  await page.getByText(t('evaluator:evaluation.submittedTitle'), { exact: true }).waitFor();
}

/** From the scoring page to the published cohort; answers the cohort's id. */
async function publishCohort(page: Page, callId: string, t: Translate): Promise<string> {
  const s: Translate = (key, values) => t(`secretariat:${key}`, values);
  await page.goto(`/secretariat/calls/${callId}/scoring`);
  await expectTitle(page, s('call.section.scoring'));
  await page.getByText(s('scoring.status.upToDate'), { exact: true }).waitFor();

  await activate(page, page.getByRole('link', { name: s('call.section.cohorts'), exact: true }));
  await expectTitle(page, s('cohorts.title'));
  await activate(page, page.getByRole('button', { name: s('cohorts.propose.submit') }));
  await expectTitle(page, s('cohorts.cohort.title'));
  const members = page.getByRole('table', { name: s('cohorts.members.title', { number: 3 }), exact: true });
  await rowOf(members, CENTRE.organisationName).getByText(s('cohorts.reasons.SELECTED')).waitFor();

  await confirmStep(page, s, 'approve');
  await page.getByText(s('cohorts.statuses.approved'), { exact: true }).waitFor();
  await confirmStep(page, s, 'publish');
  await page.getByTestId('content-hash').waitFor();
  return new URL(page.url()).pathname.split('/').pop()!;
}

/** Approves or publishes, through the confirmation. */
async function confirmStep(page: Page, s: Translate, transition: 'approve' | 'publish'): Promise<void> {
  await activate(page, page.getByRole('button', { name: s(`cohorts.transition.${transition}.button`) }));
  const dialog = page.getByRole('dialog', { name: s(`cohorts.transition.${transition}.title`) });
  await activate(
    page,
    dialog.getByRole('button', { name: s(`cohorts.transition.${transition}.confirm`), exact: true }),
  );
  // Publication renders the annexes and circulars in the six languages in its transaction.
  await dialog.waitFor({ state: 'hidden', timeout: 120_000 });
}

/** Each criterion's mean out of the scale and both evaluators' comments; the overall comment. */
async function expectFeedback(page: Page, language: Language, t: Translate): Promise<void> {
  const feedback = page.getByRole('region', { name: t('applicant:feedback.title') });
  await feedback.waitFor();
  await feedback.getByText(t('applicant:feedback.evaluations_other', { count: 2 })).waitFor();
  for (const { title, comment, mean } of SCORED_IN_BROWSER) {
    const row = rowOf(feedback.getByRole('table'), title);
    expect((await row.getByRole('cell').allInnerTexts())[0]).toBe(`${mean.toLocaleString(language)} / 10`);
    await row.getByText(comment).waitFor();
  }
  await rowOf(feedback.getByRole('table'), 'Impact').getByText(SCORED_BY_COLLEAGUE[0]!.comment!).waitFor();
  await feedback.getByRole('heading', { name: t('applicant:feedback.overall') }).waitFor();
  await feedback.getByText(OVERALL_COMMENT).waitFor();
}

/** The application's score in the call's ranking, as the API gives it to the secretariat. */
async function rankingScore(
  platform: WebPlatform,
  token: string,
  callId: string,
  applicationId: string,
): Promise<number> {
  const res = await platform.api.get(`/api/v1/calls/${callId}/ranking`, { token });
  const item = (res.body.items as Array<{ applicationId: string; score: number }>).find(
    (i) => i.applicationId === applicationId,
  );
  return item!.score;
}

function oneDecimal(value: number, language: Language): string {
  return new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

async function expectTitle(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

function rowOf(table: Locator, name: string): Locator {
  return table.getByRole('row').filter({ has: table.page().getByRole('rowheader', { name }) });
}
