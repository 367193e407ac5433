import type { Browser, Page } from 'playwright-core';
import { sql } from '../support/applications';
import {
  JOURNEY_TIMEOUT_MS,
  journeyLanguages,
  type Language,
  WebPlatform,
  checkWidths,
  expectFocused,
  launchBrowser,
  pressOn,
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
  publishCall,
  seatPanel,
} from '../support/evaluation-fixtures';
import { Actor, createStaff } from '../support/fixtures';
import { inboxOf } from '../support/notifications';

/**
 * Issue 14, discussion, with the keyboard only: the thread of an application closed to an evaluator
 * until its own evaluation is submitted (the page says why), then read (the colleague named by its
 * number, in the reader's language) and answered with a mention chosen from the participants, the
 * message edited and its earlier version shown; the secretariat's page of the application shows the
 * same thread with names, read-only once the cohort is published. In English, each state
 * checked by axe-core at 1366 and 390 px without sideways scrolling.
 */

const SUITE = 'discussion';
const ORGANISATION = 'Kigali Innovation Hub';

interface Thread {
  callId: string;
  applicationId: string;
  assignmentId: string;
  evaluator: Actor;
  colleague: Actor;
  secretariat: Actor;
}

/** The colleague's name, which only the secretariat (and a chair) read. */
const COLLEAGUE = 'Kenji Colleague';

const LANGUAGES = journeyLanguages('en');

describe('the discussion of an application, with the keyboard only', () => {
  let platform: WebPlatform;
  let browser: Browser;
  const threads = new Map<Language, Thread>();

  beforeAll(async () => {
    platform = await WebPlatform.start();
    browser = await launchBrowser();
    for (const language of LANGUAGES) threads.set(language, await seedThread(platform, language));
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it.each(LANGUAGES)(
    'closed until one’s own evaluation is submitted, then read, answered, edited; frozen at publication (%s)',
    async (language) => {
      const thread = threads.get(language)!;
      const t = textsOf(language, 'discussion');
      const page = await signedInVisitor(browser, platform.baseUrl, language, thread.evaluator);

      // Before submitting: the section says why the thread is closed, and shows nothing of it.
      await page.goto(`/evaluator/assignments/${thread.assignmentId}`);
      await page.getByText(t('closedTitle')).waitFor();
      expect(await page.getByText('The budget of year two seems thin.').count()).toBe(0);
      await checkWidths(page, SUITE, 'closed', language);

      await evaluate(platform.api, thread.evaluator.token, thread.assignmentId);
      await page.reload();
      await page.getByText('The budget of year two seems thin.').waitFor();
      await page.getByText(t('count', { count: 1 })).waitFor();
      // The colleague, assigned second, is "Evaluator 2" to the evaluator, never by name.
      const colleague = t('alias', { number: 2 });
      await page.getByRole('article').getByText(colleague, { exact: true }).waitFor();
      expect(await page.getByText(COLLEAGUE).count()).toBe(0);

      // A message with a mention of the colleague, chosen from the participants.
      await typeInto(page, page.getByLabel(t('compose.body'), { exact: true }), 'Agreed; which figures?');
      const picker = page.getByRole('combobox', { name: t('compose.mention'), exact: true });
      await tabTo(page, picker);
      await page.keyboard.type(colleague);
      await page.getByRole('option', { name: colleague, exact: true }).waitFor();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Escape');
      expect(await page.getByLabel(t('compose.body'), { exact: true }).inputValue()).toBe(
        `Agreed; which figures? @${colleague} `,
      );
      await checkWidths(page, SUITE, 'composing', language);
      await pressOn(page, page.getByRole('button', { name: t('compose.submit') }));
      await page
        .getByRole('status')
        .filter({ hasText: t('compose.posted') })
        .waitFor();
      const mine = page.getByRole('article').filter({ hasText: 'Agreed; which figures?' });
      await mine.getByText(`${t('mentions')} @${colleague}`).waitFor();
      expect(await postedMentions(platform, thread)).toEqual([[thread.colleague.id]]);
      expect(await inboxOf(platform.api, thread.colleague.token, 'discussion.mentioned_by_evaluator')).toHaveLength(1);

      // Edited by its author: the earlier text stays, shown on demand.
      await pressOn(page, mine.getByRole('button', { name: new RegExp(`^${escaped(t('edit.open'))}`) }));
      const edited = mine.getByLabel(t('edit.body'));
      await expectFocused(edited);
      await page.keyboard.press('End');
      await page.keyboard.type(' Thank you.');
      await pressOn(page, mine.getByRole('button', { name: t('edit.save') }));
      await mine.getByText(t('edited'), { exact: true }).waitFor();
      await mine.getByText('Thank you.').waitFor();
      await pressOn(page, mine.getByRole('button', { name: t('history.show', { count: 1 }) }));
      await mine.getByRole('heading', { name: t('history.title') }).waitFor();
      await mine.getByText(`Agreed; which figures? @${colleague}`, { exact: true }).waitFor();
      await checkWidths(page, SUITE, 'edited', language);

      // The secretariat reads the same thread on its page of the application, until publication.
      const secretariat = await signedInVisitor(browser, platform.baseUrl, language, thread.secretariat);
      const applicationPage = `/secretariat/calls/${thread.callId}/applications/${thread.applicationId}`;
      await secretariat.goto(`${applicationPage}#discussion`);
      await secretariat.getByText('Thank you.').waitFor();
      await secretariat.getByText(t('count', { count: 2 })).waitFor();
      await secretariat
        .getByRole('article')
        .filter({ hasText: 'The budget of year two seems thin.' })
        .getByText(COLLEAGUE, { exact: true })
        .waitFor();
      await secretariat.getByRole('heading', { name: t('compose.title') }).waitFor();
      await checkWidths(secretariat, SUITE, 'secretariat', language);

      await publishCall(platform.api, thread.callId);
      await page.reload();
      await page.getByText(t('frozenTitle')).waitFor();
      expect(await page.getByRole('heading', { name: t('compose.title') }).count()).toBe(0);
      expect(await page.getByRole('button', { name: new RegExp(`^${escaped(t('edit.open'))}`) }).count()).toBe(0);
      await checkWidths(page, SUITE, 'frozen', language);
      await closeAll([page, secretariat]);
    },
    JOURNEY_TIMEOUT_MS,
  );
});

/**
 * A closed call whose application has the browser's evaluator (not yet submitted), then a colleague
 * who has submitted and opened the thread; a secretariat member who reads it.
 */
async function seedThread(platform: WebPlatform, language: Language): Promise<Thread> {
  const { api } = platform;
  const [secretariat, [evaluator, colleague], [applicant]] = await Promise.all([
    createStaff(api, 'secretariat', { displayName: language === 'fr' ? 'Hélène Secrétariat' : 'Harriet Secretariat' }),
    createEvaluators(api, [{ countryCode: 'DE' }, { countryCode: 'JP', displayName: COLLEAGUE }]),
    createApplicantsFrom(api, [{ countryCode: 'RW', organisationName: ORGANISATION }]),
  ]);
  const { callId, applicationIds } = await callWithSubmissions(api, [applicant], { evaluatorsPerApplication: 2 });
  const [applicationId] = applicationIds;
  await seatPanel(api, callId, [evaluator, colleague]);
  const own = await assignmentId(api, callId, applicationId, evaluator.id);
  await evaluate(api, colleague.token, await assignmentId(api, callId, applicationId, colleague.id));
  const opened = await api.post(`/api/v1/applications/${applicationId}/discussion/posts`, {
    token: colleague.token,
    body: { body: 'The budget of year two seems thin.' },
  });
  if (opened.status !== 201) throw new Error(`post failed: ${opened.status} ${JSON.stringify(opened.body)}`);
  return { callId, applicationId, assignmentId: own, evaluator, colleague, secretariat };
}

/** The mentions of the evaluator's posts, as stored. */
async function postedMentions(platform: WebPlatform, thread: Thread): Promise<string[][]> {
  const rows = await sql<{ mentions: string[] }>(
    platform.api,
    `SELECT mention_ids AS mentions FROM discussion_posts WHERE application_id = $1 AND author_id = $2`,
    [thread.applicationId, thread.evaluator.id],
  );
  return rows.map((row) => row.mentions);
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

async function closeAll(pages: Page[]): Promise<void> {
  for (const page of pages) await page.context().close();
}
