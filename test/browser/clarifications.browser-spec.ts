import type { Browser, Locator, Page } from 'playwright-core';
import {
  JOURNEY_TIMEOUT_MS,
  journeyLanguages,
  type Language,
  WebPlatform,
  activate,
  checkWidths,
  launchBrowser,
  signedInVisitor,
  tabTo,
  textsOf,
  typeInto,
} from '../support/browser';
import {
  assignmentId,
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';
import { SAMPLE_PDF } from '../support/fixtures';
import { clarificationId } from '../support/clarifications';

/**
 * Issue 14, clarification requests, with the keyboard only: an evaluator proposes a question on its
 * assignment's page; the secretariat rewords it in the call's queue and sends it; the applicant reads
 * it on its application's page and answers with a document; the evaluator then reads the answer; an
 * application asked many questions shows them a page at a time. In English, every page
 * checked by axe-core at 1366 and 390 px without sideways scrolling.
 */

const SUITE = 'clarifications';

const LANGUAGES = journeyLanguages('en');

describe('clarification requests in the browser', () => {
  let platform: WebPlatform;
  let browser: Browser;

  beforeAll(async () => {
    platform = await WebPlatform.start();
    browser = await launchBrowser();
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  /** Selects everything in a field and types over it, as a keyboard user rewrites a text. */
  async function retype(page: Page, field: Locator, value: string): Promise<void> {
    await tabTo(page, field);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type(value);
  }

  it.each(LANGUAGES)(
    'goes from an evaluator’s proposal through the secretariat to the applicant’s answer (%s)',
    async (language: Language) => {
      const t = textsOf(language, 'common');
      const c = textsOf(language, 'clarifications');
      const s = textsOf(language, 'secretariat');
      const api = platform.api;
      const [evaluator] = await createEvaluators(api, [{ displayName: `Evaluator ${language}` }]);
      const [applicant] = await createApplicantsFrom(api, [
        { countryCode: 'SN', organisationName: `Hub de Thiès ${language}`, locale: language },
      ]);
      const { callId, applicationIds } = await callWithSubmissions(api, [applicant]);
      const applicationId = applicationIds[0]!;
      await seatPanel(api, callId, [evaluator]);
      const assignment = await assignmentId(api, callId, applicationId, evaluator.id);
      const secretariat = await secretariatOf(api);

      // The evaluator proposes a question.
      const reviewer = await signedInVisitor(browser, platform.baseUrl, language, evaluator);
      await reviewer.goto(`/evaluator/assignments/${assignment}`);
      // The page's contents lead to the section; the keyboard goes on from there.
      await activate(reviewer, reviewer.getByRole('link', { name: c('title'), exact: true }));
      await typeInto(
        reviewer,
        reviewer.getByRole('textbox', { name: c('ask.question'), exact: true }),
        'How many start-ups in 2025?',
      );
      await tabTo(reviewer, reviewer.getByRole('combobox', { name: c('replyWithin') }));
      await reviewer.keyboard.press('ArrowDown');
      await activate(reviewer, reviewer.getByRole('button', { name: c('ask.propose') }));
      await reviewer
        .getByRole('status')
        .filter({ hasText: c('ask.proposed') })
        .waitFor();
      await reviewer.getByText(c('statuses.proposed'), { exact: true }).waitFor();
      await checkWidths(reviewer, SUITE, 'evaluator-proposal', language);

      // The secretariat rewords and sends it from the call's queue.
      const office = await signedInVisitor(browser, platform.baseUrl, language, secretariat);
      await office.goto(`/secretariat/calls/${callId}`);
      await activate(office, office.getByRole('link', { name: s('call.section.clarifications'), exact: true }));
      await office.getByRole('heading', { level: 1, name: c('title') }).waitFor();
      await office.getByRole('heading', { level: 3, name: 'How many start-ups in 2025?' }).waitFor();
      await checkWidths(office, SUITE, 'secretariat-queue', language);
      const reworded = 'How many start-ups completed your programme in 2025?';
      await retype(office, office.getByRole('textbox', { name: c('decide.wording') }), reworded);
      await activate(office, office.getByRole('button', { name: c('decide.send') }));
      await office.getByText(s('clarificationsPage.none')).waitFor();
      await office.goto(`/secretariat/calls/${callId}/applications/${applicationId}`);
      await office.getByRole('heading', { level: 3, name: reworded }).waitFor();
      await office.getByText(c('statuses.sent'), { exact: true }).waitFor();
      await checkWidths(office, SUITE, 'secretariat-application', language);

      // The applicant answers with a document.
      const portal = await signedInVisitor(browser, platform.baseUrl, language, applicant);
      await portal.goto(`/applicant/applications/${applicationId}`);
      await portal.getByRole('heading', { level: 3, name: reworded }).waitFor();
      await checkWidths(portal, SUITE, 'applicant-question', language);
      await typeInto(portal, portal.getByRole('textbox', { name: c('answerForm.answer') }), 'Twelve start-ups.');
      // The file itself comes from the system's picker, which a test cannot drive; the rest is keyboard.
      await portal.getByLabel(c('answerForm.file')).setInputFiles({
        name: 'cohort-2025.pdf',
        mimeType: 'application/pdf',
        buffer: SAMPLE_PDF,
      });
      await activate(portal, portal.getByRole('button', { name: c('answerForm.send') }));
      await portal.getByText(c('statuses.answered'), { exact: true }).waitFor();
      await portal.getByRole('button', { name: t('documents.downloadNamed', { name: 'cohort-2025.pdf' }) }).waitFor();
      await checkWidths(portal, SUITE, 'applicant-answered', language);

      // The evaluator reads the answer on its assignment's page.
      await reviewer.reload();
      await reviewer.getByText('Twelve start-ups.').waitFor();
      await reviewer.getByRole('button', { name: t('documents.downloadNamed', { name: 'cohort-2025.pdf' }) }).waitFor();
      await checkWidths(reviewer, SUITE, 'evaluator-answer', language);

      // Twenty more questions: the application's page shows the first twenty, the next page the last.
      for (let n = 1; n <= 20; n += 1)
        await clarificationId(api, secretariat.token, applicationId, `Follow-up question ${n}?`);
      await office.goto(`/secretariat/calls/${callId}/applications/${applicationId}`);
      await office.getByRole('heading', { level: 3, name: 'Follow-up question 19?' }).waitFor();
      expect(await office.getByRole('heading', { level: 3, name: 'Follow-up question 20?' }).count()).toBe(0);
      const pager = office.getByRole('navigation', { name: c('pages') });
      await activate(office, pager.getByRole('link', { name: t('pager.next') }));
      await office.getByRole('heading', { level: 3, name: 'Follow-up question 20?' }).waitFor();
      await pager.getByText(t('pager.page', { page: 2, pages: 2 })).waitFor();
      await checkWidths(office, SUITE, 'secretariat-second-page', language);
    },
    JOURNEY_TIMEOUT_MS,
  );
});
