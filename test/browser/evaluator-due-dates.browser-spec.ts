import type { Browser } from 'playwright-core';
import { sql } from '../support/applications';
import {
  JOURNEY_TIMEOUT_MS,
  journeyLanguages,
  type Language,
  WebPlatform,
  checkWidths,
  launchBrowser,
  signedInVisitor,
  tabTo,
  textsOf,
} from '../support/browser';
import {
  assignmentId,
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  seatPanel,
} from '../support/evaluation-fixtures';
import { Actor } from '../support/fixtures';

/**
 * Issue 14, due dates: an evaluator's assignments page says how many evaluations are overdue and
 * when the next one is due, and each row its due date, the late ones marked; a late assignment's own
 * page its due date and that it is overdue. One call's due date
 * passed two days ago (two evaluations late), another's is ten days ahead. Keyboard only, in French,
 * checked by axe-core at a desktop's and a phone's width without sideways scrolling.
 */

const SUITE = 'evaluator-due-dates';
const [LATE_CALL, COMING_CALL] = ['Call with a past due date', 'Call due in ten days'];
const ORGANISATIONS = ['Kampala Growth Hub', 'Lusaka Founders Lab'];

const LANGUAGES = journeyLanguages('fr');

describe('an evaluator reads its due dates', () => {
  let platform: WebPlatform;
  let browser: Browser;
  const evaluators = new Map<Language, Actor>();

  beforeAll(async () => {
    platform = await WebPlatform.start();
    browser = await launchBrowser();
    const api = platform.api;
    const applicants = await createApplicantsFrom(api, [
      { countryCode: 'UG', organisationName: ORGANISATIONS[0] },
      { countryCode: 'ZM', organisationName: ORGANISATIONS[1] },
    ]);
    for (const language of LANGUAGES) {
      const [evaluator] = await createEvaluators(api, [{ countryCode: 'CH' }]);
      for (const [title, dueIn] of [
        [LATE_CALL, '-2 days'],
        [COMING_CALL, '10 days'],
      ]) {
        const { callId, applicationIds } = await callWithSubmissions(api, applicants, {
          title,
          evaluatorsPerApplication: 1,
        });
        await seatPanel(api, callId, [evaluator!]);
        for (const applicationId of title === LATE_CALL ? applicationIds : applicationIds.slice(0, 1))
          await assignmentId(api, callId, applicationId, evaluator!.id);
        await sql(api, `UPDATE call_stages SET evaluation_due_at = now() + $2::interval WHERE call_id = $1`, [
          callId,
          dueIn,
        ]);
      }
      evaluators.set(language, evaluator!);
    }
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it.each(LANGUAGES)(
    'the overdue count, the next due date and each due date (%s)',
    async (language) => {
      const t = textsOf(language, 'evaluator');
      const page = await signedInVisitor(browser, platform.baseUrl, language, evaluators.get(language)!);
      await page.getByRole('heading', { level: 1, name: t('assignments.title') }).waitFor();

      const alert = page.getByRole('alert').filter({ hasText: t('assignments.overdueTitle') });
      await alert.getByText(t('assignments.overdueSummary', { count: 2 })).waitFor();
      await page.getByText(t('assignments.nextDueLabel')).waitFor();

      const late = page.getByRole('region', { name: LATE_CALL });
      await late.getByText(t('assignments.callOverdue', { count: 2 })).waitFor();
      const lateTable = late.getByRole('table');
      expect(await lateTable.getByRole('columnheader').allInnerTexts()).toContain(t('assignments.due'));
      for (const organisation of ORGANISATIONS)
        await lateTable
          .getByRole('row', { name: new RegExp(organisation) })
          .getByText(t('assignments.overdueBadge'))
          .waitFor();
      const coming = page.getByRole('region', { name: COMING_CALL });
      expect(await coming.getByText(t('assignments.overdueBadge')).count()).toBe(0);
      expect(
        await coming
          .getByRole('row', { name: new RegExp(ORGANISATIONS[0]!) })
          .locator('time')
          .count(),
      ).toBe(1);

      // The late work is reached by keyboard from the top of the page.
      const start = lateTable.getByRole('link', {
        name: `${t('assignments.open.assigned')}${t('assignments.openContext', { organisation: ORGANISATIONS[0]! })}`,
      });
      await tabTo(page, start, 120);
      await checkWidths(page, SUITE, 'assignments', language);

      // Its page says when it was due, in the reader's time and Geneva's, and that it is late.
      await page.keyboard.press('Enter');
      await page.getByRole('heading', { level: 1, name: ORGANISATIONS[0] }).waitFor();
      const due = page.getByText(t('assignment.dueAt'));
      await due.locator('time').waitFor();
      expect(await due.innerText()).toMatch(/Gen[eè]v/);
      await page.getByText(t('assignments.overdueBadge'), { exact: true }).waitFor();
      await checkWidths(page, SUITE, 'assignment', language);
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});
