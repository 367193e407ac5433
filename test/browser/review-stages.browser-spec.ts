import type { Browser, Locator, Page } from 'playwright-core';
import { eventually, inPool } from '../support/async';
import {
  JOURNEY_TIMEOUT_MS,
  journeyLanguages,
  type Language,
  WebPlatform,
  checkWidths,
  launchBrowser,
  pressOn,
  signedInVisitor,
  tabTo,
  textsOf,
  typeInto,
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
} from '../support/evaluation-fixtures';
import { scoringStatus } from '../support/scoring';

/**
 * Issue 14, review stages, with the keyboard only: on a call of two stages whose first is scored,
 * the secretariat shows the ranking of stage 1, proposes a shortlist of 8 of the 20 applications,
 * holds one back with a reason, confirms, assigns stage 2 automatically, reads stage 2's
 * progress and gives stage 2 a panel of its own. In French, each step checked by
 * axe-core at 1366 and 390 px without sideways scrolling.
 */

const SUITE = 'review-stages';
const WRITTEN = 'Written assessment';
const INTERVIEW = 'Panel interview';
const APPLICATIONS = 20;
const COUNTRIES = ['FR', 'DE', 'BR', 'IN', 'JP', 'MX', 'IT', 'ES', 'CA', 'AR', 'VN', 'KE', 'SN', 'GH', 'NG'];

interface ShortlistEntry {
  advancing: boolean;
  organisation: { name: string };
}

const LANGUAGES = journeyLanguages('fr');

describe('review stages in the browser', () => {
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

  /** A call of two stages, stage 1 evaluated twice per application and scored, by four evaluators. */
  async function scoredFirstStage(language: Language) {
    const api = platform.api;
    const evaluators = await createEvaluators(
      api,
      ['Ana', 'Bruno', 'Chloé', 'David'].map((name) => ({ displayName: `${name} ${language}` })),
    );
    const applicants = await createApplicantsFrom(
      api,
      Array.from({ length: APPLICATIONS }, (_, i) => ({
        countryCode: COUNTRIES[i % COUNTRIES.length],
        organisationName: `Centre ${i + 1} ${language}`,
      })),
    );
    const { callId, applicationIds } = await callWithSubmissions(api, applicants, {
      stages: [
        { name: WRITTEN },
        {
          name: INTERVIEW,
          evaluatorsPerApplication: 3,
          criteria: [{ code: 'PITCH', title: 'Pitch', weight: 1 }],
        },
      ],
    });
    await seatPanel(api, callId, evaluators);
    const secretariat = await secretariatOf(api);
    const assigned = await autoAssign(api, callId);
    if (assigned.status !== 200) throw new Error(`assignment failed: ${JSON.stringify(assigned.body)}`);
    // Each application its own mark, so that the ranking is plain: the first applicant best.
    await inPool(await assignmentRows(api, callId, ['assigned']), 4, async (row) => {
      const evaluator = evaluators.find((e) => e.id === row.evaluatorId)!;
      const mark = 10 - Math.floor(applicationIds.indexOf(row.applicationId) / 2);
      await evaluate(api, evaluator.token, row.id, [
        { criterionCode: 'IMPACT', score: mark },
        { criterionCode: 'CAPACITY', score: mark },
      ]);
    });
    await eventually(
      () => scoringStatus(api, secretariat.token, callId),
      (status) => status.upToDate,
      120_000,
    );
    return { callId, secretariat, evaluators };
  }

  /** Chooses a stage with the page's selector, then shows it. */
  async function showStage(page: Page, s: ReturnType<typeof textsOf>, position: number, name: string) {
    const selector = page.getByRole('combobox', { name: s('stages.selector.label') });
    await tabTo(page, selector);
    await selector.selectOption({ label: s('stages.selector.option', { position, name }) });
    await pressOn(page, page.getByRole('button', { name: s('stages.selector.show') }));
    await page.waitForURL((url) => url.searchParams.get('stage') === String(position));
  }

  const dialogButton = (dialog: Locator, name: string) => dialog.getByRole('button', { name, exact: true });

  it.each(LANGUAGES)(
    'shortlists 8 of 20 from stage 1, holds one back, confirms and assigns stage 2 (%s)',
    async (language: Language) => {
      const s = textsOf(language, 'secretariat');
      const api = platform.api;
      const { callId, secretariat, evaluators } = await scoredFirstStage(language);

      // The ranking of stage 2 is empty until stage 2 is evaluated; stage 1's is chosen on the page.
      const page = await signedInVisitor(browser, platform.baseUrl, language, secretariat);
      await page.goto(`/secretariat/calls/${callId}/scoring?stage=2`);
      await page.getByRole('heading', { level: 1, name: s('call.section.scoring') }).waitFor();
      await page.getByText(s('scoring.ranking.none')).waitFor();
      await showStage(page, s, 1, WRITTEN);
      await page.getByText(s('scoring.ranking.caption', { count: APPLICATIONS })).waitFor();
      await checkWidths(page, SUITE, 'ranking-stage-1', language);

      // The shortlist into stage 2, from the call's sections.
      await pressOn(page, page.getByRole('link', { name: s('call.section.shortlist', { name: INTERVIEW }) }));
      await page.getByRole('heading', { level: 1, name: s('stages.shortlist.title', { name: INTERVIEW }) }).waitFor();
      await typeInto(page, page.getByRole('textbox', { name: s('stages.propose.size') }), '8');
      await pressOn(page, page.getByRole('button', { name: s('stages.propose.submit') }));
      const advancing = (count: number) =>
        page.getByText(s('stages.shortlist.advancing', { count, advancing: String(count), total: '20' })).waitFor();
      await advancing(8);
      await checkWidths(page, SUITE, 'shortlist-proposed', language);

      // The last of the eight is held back, with a reason.
      const proposed = await api.get(`/api/v1/calls/${callId}/stages/2/shortlist`, { token: secretariat.token });
      const lastIn = (proposed.body.entries.items as ShortlistEntry[]).filter((e) => e.advancing).at(-1)!;
      await tabTo(
        page,
        page.getByRole('checkbox', { name: s('applications.bulk.select', { name: lastIn.organisation.name }) }),
      );
      await page.keyboard.press('Space');
      await pressOn(page, page.getByRole('button', { name: s('stages.shortlist.holdBack'), exact: true }));
      const holdBack = page.getByRole('dialog', { name: s('stages.shortlist.holdBackTitle', { count: 1 }) });
      await holdBack.waitFor();
      await typeInto(page, holdBack.getByRole('textbox', { name: s('stages.shortlist.changeReason') }), 'Withdrew.');
      await checkWidths(page, SUITE, 'hold-back-dialog', language);
      await pressOn(page, dialogButton(holdBack, s('stages.shortlist.holdBack')));
      await holdBack.waitFor({ state: 'detached' });
      await advancing(7);
      await page.getByText(s('stages.shortlist.note', { note: 'Withdrew.' })).waitFor();
      await page.getByText(s('stages.shortlist.reasons.HELD_BACK_BY_SECRETARIAT')).waitFor();

      // Confirmed, it is read only.
      await pressOn(page, page.getByRole('button', { name: s('stages.shortlist.confirm.button') }));
      const confirm = page.getByRole('dialog', { name: s('stages.shortlist.confirm.title') });
      await confirm.waitFor();
      await pressOn(page, dialogButton(confirm, s('stages.shortlist.confirm.confirm')));
      await confirm.waitFor({ state: 'detached' });
      await page.getByText(s('stages.shortlist.confirmedAt')).waitFor();
      expect(await page.getByRole('button', { name: s('stages.propose.submit') }).count()).toBe(0);
      expect(await page.getByRole('checkbox').count()).toBe(0);
      await checkWidths(page, SUITE, 'shortlist-confirmed', language);

      // Stage 2 assigned automatically: the seven shortlisted, three evaluators each (two in stage 1).
      await page.goto(`/secretariat/calls/${callId}/panel`);
      await page.getByRole('heading', { level: 1, name: s('call.section.panel') }).waitFor();
      await page.getByText(s('panel.auto.explanation', { count: 2 })).waitFor();
      await showStage(page, s, 2, INTERVIEW);
      await page.getByText(s('panel.auto.explanation', { count: 3 })).waitFor();
      await pressOn(page, page.getByRole('button', { name: s('panel.auto.run') }));
      // The report, or the problem that stopped it, said in its words.
      const created = s('panel.auto.created', { count: 21, formatted: '21' });
      const report = page.getByText(created).or(page.getByRole('alert'));
      await report.first().waitFor();
      expect(await report.first().textContent()).toBe(created);
      await checkWidths(page, SUITE, 'assigned-stage-2', language);

      // Stage 2's progress: each evaluator's stage 2 assignments, none submitted yet.
      await pressOn(page, page.getByRole('link', { name: s('call.section.progress') }));
      await page.getByRole('heading', { level: 1, name: s('call.section.progress') }).waitFor();
      await showStage(page, s, 2, INTERVIEW);
      const stageTwo = await assignmentRows(api, callId, ['assigned']);
      expect(stageTwo).toHaveLength(21);
      for (const evaluator of evaluators) {
        const load = stageTwo.filter((row) => row.evaluatorId === evaluator.id).length;
        await page
          .getByRole('row')
          .filter({ hasText: evaluator.email })
          .getByText(s('progress.doneOf', { done: '0', total: String(load) }))
          .waitFor();
      }
      await checkWidths(page, SUITE, 'progress-stage-2', language);

      // Stage 2 names a panel of its own: one evaluator, found and added on the panel page.
      await pressOn(page, page.getByRole('link', { name: s('call.section.panel'), exact: true }));
      await page.getByRole('heading', { level: 1, name: s('call.section.panel') }).waitFor();
      await showStage(page, s, 2, INTERVIEW);
      await page.getByText(s('panel.stage.call', { stage: INTERVIEW })).waitFor();
      const [chair] = evaluators;
      await typeInto(page, page.getByRole('searchbox', { name: s('panel.add.search') }), chair.email);
      await tabTo(page, page.getByRole('checkbox', { name: chair.email }));
      await page.keyboard.press('Space');
      await pressOn(page, page.getByRole('button', { name: s('panel.add.save', { count: 1 }) }));
      await page.getByText(s('panel.stage.own', { stage: INTERVIEW, count: 1, formatted: '1' })).waitFor();
      const stagePanel = await api.get(`/api/v1/calls/${callId}/panel?stage=2`, { token: secretariat.token });
      expect(stagePanel.body).toMatchObject({ stage: 2, ownPanel: true, members: [{ evaluatorId: chair.id }] });
      await checkWidths(page, SUITE, 'own-panel-stage-2', language);
      await page.close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});
