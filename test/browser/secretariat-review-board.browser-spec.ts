import type { Browser, Locator } from 'playwright-core';
import { eventually } from '../support/async';
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
  evaluate,
  saveDraft,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';
import { Actor, Applicant } from '../support/fixtures';
import { inboxOf } from '../support/notifications';
import { scoringStatus } from '../support/scoring';

/**
 * The secretariat follows the panel of one call: from a ranking row to the application's page (its
 * scores, each evaluation with its total, its history), where it reopens an evaluation with a reason;
 * then the panel's progress board, where it reminds an evaluator with a message of its own (twice:
 * the second sends nothing) and moves another's open assignment to a colleague. Keyboard only, in English, each
 * page checked by axe-core at a desktop's and a phone's width without sideways scrolling.
 */

const SUITE = 'secretariat-review-board';
const [SCORED, PENDING] = ['Kigali Venture Lab', 'Accra Startup Forge'];
const [AMINA, BRUNO, CHEN] = ['Amina Diallo', 'Bruno Keller', 'Chen Wei'];

interface Round {
  callId: string;
  /** Amina's evaluation of the scored application, submitted. */
  aminaScored: string;
}

const LANGUAGES = journeyLanguages('en');

describe('the secretariat reviews an application and follows the panel', () => {
  let platform: WebPlatform;
  let browser: Browser;
  let secretariat: Actor;
  let evaluators: Record<string, Actor>;
  let applicants: Applicant[];
  const rounds = new Map<Language, Round>();

  beforeAll(async () => {
    platform = await WebPlatform.start();
    browser = await launchBrowser();
    secretariat = await secretariatOf(platform.api);
    const [people, organisations] = await Promise.all([
      createEvaluators(
        platform.api,
        [AMINA, BRUNO, CHEN].map((displayName, i) => ({ displayName, countryCode: ['FR', 'CH', 'SG'][i] })),
      ),
      createApplicantsFrom(platform.api, [
        { organisationName: SCORED, countryCode: 'RW' },
        { organisationName: PENDING, countryCode: 'GH' },
      ]),
    ]);
    evaluators = { [AMINA]: people[0]!, [BRUNO]: people[1]!, [CHEN]: people[2]! };
    applicants = organisations;
    for (const language of LANGUAGES) rounds.set(language, await round());
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  /**
   * A call whose first application Amina and Bruno evaluated (80 and 30: they disagree), and whose
   * second Amina has not started and Chen has in draft; scored before the pages are read.
   */
  async function round(): Promise<Round> {
    const api = platform.api;
    const { callId, applicationIds } = await callWithSubmissions(api, applicants, { evaluatorsPerApplication: 2 });
    const [scored, pending] = applicationIds as [string, string];
    await seatPanel(api, callId, Object.values(evaluators));
    const aminaScored = await assignmentId(api, callId, scored, evaluators[AMINA]!.id);
    const brunoScored = await assignmentId(api, callId, scored, evaluators[BRUNO]!.id);
    await assignmentId(api, callId, pending, evaluators[AMINA]!.id);
    const chenPending = await assignmentId(api, callId, pending, evaluators[CHEN]!.id);
    const scores = (impact: number, capacity: number) => [
      { criterionCode: 'IMPACT', score: impact, comment: `Impact ${impact}.` },
      { criterionCode: 'CAPACITY', score: capacity },
    ];
    await evaluate(api, evaluators[AMINA]!.token, aminaScored, scores(8, 8));
    await evaluate(api, evaluators[BRUNO]!.token, brunoScored, scores(3, 3));
    await saveDraft(api, evaluators[CHEN]!.token, chenPending, { scores: scores(5, 5).slice(0, 1) });
    await eventually(
      () => scoringStatus(api, secretariat.token, callId),
      (status) => status.upToDate,
    );
    return { callId, aminaScored };
  }

  it.each(LANGUAGES)(
    'from the ranking to an application, then the progress board (%s)',
    async (language) => {
      const { callId, aminaScored } = rounds.get(language)!;
      const t = textsOf(language, 'secretariat');
      const page = await signedInVisitor(browser, platform.baseUrl, language, secretariat);
      const number = (value: number) =>
        new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);

      // A ranking row leads to the application's page.
      await page.goto(`/secretariat/calls/${callId}/scoring`);
      await activate(page, page.getByRole('link', { name: SCORED }));
      await page.getByRole('heading', { level: 1, name: SCORED }).waitFor();

      // Its scores as the ranking has them: totals 80 and 30, mean 55, spread 50 (beyond 30).
      const scores = page.getByRole('region', { name: t('application.scores.title') });
      await scores.getByText(t('application.scores.needsModeration')).waitFor();
      expect(await facts(scores)).toMatchObject({
        [t('application.scores.rank')]: '1',
        [t('application.scores.final')]: number(55),
        [t('application.scores.raw')]: number(55),
        [t('application.scores.spread')]: number(50),
      });
      // Each evaluation with its evaluator, status, comments and total.
      const evaluations = page.getByRole('region', { name: t('application.evaluations.title') });
      const amina = evaluations.getByRole('article', { name: AMINA });
      await amina.getByText(t('application.evaluations.statuses.submitted'), { exact: true }).waitFor();
      await amina.getByText('Impact 8.').waitFor();
      const totalRow = amina.getByRole('row', { name: t('application.evaluations.total') });
      expect(await totalRow.getByRole('cell').first().innerText()).toBe(number(80));
      const bruno = evaluations.getByRole('article', { name: BRUNO });
      expect(
        await bruno
          .getByRole('row', { name: t('application.evaluations.total') })
          .getByRole('cell')
          .first()
          .innerText(),
      ).toBe(number(30));
      const history = page.getByRole('region', { name: t('application.history.title') });
      await history.getByText(t('application.history.actions.evaluationSubmitted')).first().waitFor();
      await checkWidths(page, SUITE, 'application', language);

      // Amina's evaluation reopened with a reason, by keyboard: a draft again, the reason in the history.
      const reopen = amina.getByRole('button', {
        name: `${t('application.evaluations.reopen')}${t('application.evaluations.reopenContext', { name: AMINA })}`,
      });
      await tabTo(page, reopen, 200);
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: t('application.evaluations.reopenTitle', { name: AMINA }) });
      const reason = 'The capacity score contradicts the comment.';
      await typeInto(page, dialog.getByLabel(t('application.evaluations.reopenReason')), reason);
      await activate(page, dialog.getByRole('button', { name: t('application.evaluations.reopenConfirm') }));
      await dialog.waitFor({ state: 'hidden' });
      await amina.getByText(t('application.evaluations.statuses.draft'), { exact: true }).waitFor();
      await history.getByRole('row', { name: new RegExp(reason) }).waitFor();
      expect(await history.getByRole('row', { name: new RegExp(reason) }).innerText()).toContain(
        t('application.history.actions.evaluationReopened'),
      );
      expect((await inboxOf(platform.api, evaluators[AMINA]!.token, 'evaluation.reopened_with_reason')).length).toBe(
        LANGUAGES.indexOf(language) + 1,
      );
      expect(
        (await platform.api.get(`/api/v1/assignments/${aminaScored}/evaluation`, { token: secretariat.token })).body
          .status,
      ).toBe('draft');

      // The progress board: Amina has two left (one reopened, one not started), Chen one in draft.
      await activate(page, page.getByRole('link', { name: t('call.section.progress') }));
      await page.getByRole('heading', { level: 1, name: t('call.section.progress') }).waitFor();
      const board = page.getByRole('table', { name: t('progress.caption', { count: 3, formatted: 3 }) });
      const row = (name: string) => board.getByRole('row', { name: new RegExp(name) });
      expect(await row(AMINA).getByRole('cell').allInnerTexts()).toEqual(
        expect.arrayContaining([t('progress.doneOf', { done: '0', total: '2' })]),
      );
      await checkWidths(page, SUITE, 'progress', language);

      // Amina reminded with a message after reading the reminder; reminding her again the same day sends nothing.
      const message = language === 'fr' ? 'Le jury se réunit lundi.' : 'The panel meets on Monday.';
      for (const time of [1, 2]) {
        const select = page.getByRole('checkbox', { name: t('progress.select', { name: AMINA }) });
        await tabTo(page, select, 100);
        await page.keyboard.press('Space');
        await activate(page, page.getByRole('button', { name: t('progress.remind', { count: 1 }) }));
        const writing = page.getByRole('dialog', { name: t('progress.messageTitle') });
        if (time === 1) {
          await typeInto(page, writing.getByLabel(t('progress.messageLabel')), message);
          await checkWidths(page, SUITE, 'reminder-message', language);
        }
        await activate(page, writing.getByRole('button', { name: t('progress.messageNext') }));
        const preview = page.getByRole('dialog', { name: t('progress.remindTitle') });
        if (time === 1) await preview.getByText(message).waitFor();
        else await preview.getByText(t('messages.none')).waitFor();
        await activate(page, preview.getByRole('button', { name: t('progress.remindConfirm') }));
        await preview.waitFor({ state: 'hidden' });
        await page
          .getByRole('status')
          .filter({ hasText: time === 1 ? t('progress.reminded', { count: 1 }) : t('progress.reminded_zero') })
          .waitFor();
        if (time === 1) await checkWidths(page, SUITE, 'progress-reminded', language);
      }
      const reminders = await inboxOf(platform.api, evaluators[AMINA]!.token, 'evaluation.reminder_with_message');
      expect(reminders).toHaveLength(LANGUAGES.indexOf(language) + 1);
      expect(reminders[0]!.body).toContain(message);

      // Chen's draft moved to Bruno, who has nothing left on that application.
      await activate(
        page,
        row(CHEN).getByRole('button', {
          name: `${t('progress.reassign')}${t('progress.reassignContext', { name: CHEN })}`,
        }),
      );
      const reassign = page.getByRole('dialog', { name: t('progress.reassignTitle', { name: CHEN }) });
      await reassign.getByRole('checkbox', { name: new RegExp(PENDING) }).waitFor();
      const target = reassign.getByLabel(t('progress.reassignTo'));
      // A select takes the option typed while it has the focus.
      await typeInto(page, target, BRUNO);
      expect(await target.inputValue()).toBe(evaluators[BRUNO]!.id);
      await typeInto(page, reassign.getByLabel(t('progress.reassignReason')), 'On leave until June.');
      await checkWidths(page, SUITE, 'reassign', language);
      await activate(page, reassign.getByRole('button', { name: t('progress.reassignConfirm') }));
      await page
        .getByRole('status')
        .filter({ hasText: t('progress.reassigned', { count: 1, name: BRUNO }) })
        .waitFor();
      await row(CHEN).getByText(t('progress.nothingOpen')).waitFor();
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});

/** A description list's values by label. */
async function facts(region: Locator): Promise<Record<string, string>> {
  const labels = await region.locator('dt').allInnerTexts();
  const values = await region.locator('dd').allInnerTexts();
  return Object.fromEntries(labels.map((label, i) => [label, values[i] ?? '']));
}
