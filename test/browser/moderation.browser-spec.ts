import type { Browser } from 'playwright-core';
import { eventually } from '../support/async';
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
  assignmentId,
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  evaluate,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';
import { scoringStatus } from '../support/scoring';

/**
 * Issue 14, moderation, with the keyboard only: the secretariat reads the call's queue (the
 * application its evaluators disagree on), names a panel member chair, records a consensus score in
 * its dialog and sees the ranking mark it; the chair then finds the queue from its assignments, asks
 * the other evaluator to revisit, and follows the queue's link to the application's discussion. In
 * French, every page and dialog checked by axe-core at 1366 and 390 px without sideways
 * scrolling.
 */

const SUITE = 'moderation';

const marks = (mark: number) => [
  { criterionCode: 'IMPACT', score: mark },
  { criterionCode: 'CAPACITY', score: mark },
];

const LANGUAGES = journeyLanguages('fr');

describe('moderation in the browser', () => {
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

  it.each(LANGUAGES)(
    'resolves a disagreement with a consensus score, then the chair asks for a revisit from its own page (%s)',
    async (language: Language) => {
      const m = textsOf(language, 'moderation');
      const s = textsOf(language, 'secretariat');
      const e = textsOf(language, 'evaluator');
      const d = textsOf(language, 'discussion');
      const api = platform.api;
      const [ana, bruno] = await createEvaluators(api, [
        { displayName: `Ana ${language}` },
        { displayName: `Bruno ${language}` },
      ]);
      const organisation = `Hub de Dakar ${language}`;
      const applicants = await createApplicantsFrom(api, [
        { countryCode: 'SN', organisationName: organisation },
        { countryCode: 'GH', organisationName: `Accra Labs ${language}` },
      ]);
      const { callId, applicationIds } = await callWithSubmissions(api, applicants, {
        scoring: { scaleMin: 0, scaleMax: 10, normalization: 'none' },
      });
      await seatPanel(api, callId, [ana, bruno]);
      // Ana and Bruno disagree on the first application (100 and 0), agree on the second (70 and 60).
      for (const [applicationId, anaMark, brunoMark] of [
        [applicationIds[0]!, 10, 0],
        [applicationIds[1]!, 7, 6],
      ] as const) {
        await evaluate(api, ana.token, await assignmentId(api, callId, applicationId, ana.id), marks(anaMark));
        await evaluate(api, bruno.token, await assignmentId(api, callId, applicationId, bruno.id), marks(brunoMark));
      }
      const secretariat = await secretariatOf(api);
      const scored = () =>
        eventually(
          () => scoringStatus(api, secretariat.token, callId),
          (status) => status.upToDate,
          120_000,
        );
      await scored();

      const page = await signedInVisitor(browser, platform.baseUrl, language, secretariat);
      await page.goto(`/secretariat/calls/${callId}/moderation`);
      await page.getByRole('heading', { level: 1, name: m('title') }).waitFor();
      await page
        .getByRole('status')
        .filter({ hasText: m('count', { count: 1, formatted: '1' }) })
        .waitFor();
      await checkWidths(page, SUITE, 'queue', language);

      // Bruno, a member of the panel, is named chair: typing his name picks him in the list.
      await tabTo(page, page.getByRole('combobox', { name: m('chair.label') }));
      await page.keyboard.type(`Bruno ${language}`);
      await pressOn(page, page.getByRole('button', { name: m('chair.save') }));
      await eventually(
        async () => (await api.get(`/api/v1/calls/${callId}/moderation/chair`, { token: secretariat.token })).body,
        (body) => body.chair?.id === bruno.id,
      );

      // A consensus score, typed into its dialog with a reason.
      const action = (outcome: string) =>
        page.getByRole('button', { name: m('actions.for', { action: m(`actions.${outcome}`), organisation }) });
      await pressOn(page, action('consensus'));
      const dialog = page.getByRole('dialog', { name: m('dialogs.consensus.title') });
      await dialog.waitFor();
      await typeInto(page, dialog.getByRole('textbox', { name: m('dialogs.consensus.score') }), '80');
      await typeInto(page, dialog.getByRole('textbox', { name: m('dialogs.consensus.note') }), 'Agreed in panel.');
      await checkWidths(page, SUITE, 'consensus-dialog', language);
      await pressOn(page, dialog.getByRole('button', { name: m('dialogs.consensus.confirm') }));
      await dialog.waitFor({ state: 'detached' });
      // The row's current resolution (its action button carries the same words).
      await page.getByText(m('outcomes.consensus'), { exact: true }).and(page.locator('p')).waitFor();

      // The ranking marks the consensus score that ranks the application.
      await scored();
      await page.goto(`/secretariat/calls/${callId}/scoring`);
      const eighty = language === 'fr' ? '80,0' : '80.0';
      await page.getByText(s('scoring.ranking.consensus', { score: eighty })).waitFor();
      await checkWidths(page, SUITE, 'ranking', language);

      // The queue links the application to its discussion thread on the secretariat's page of it.
      await page.goto(`/secretariat/calls/${callId}/moderation`);
      const thread = page.getByRole('link', { name: m('discussion.for', { organisation }) });
      expect(await thread.getAttribute('href')).toBe(
        `/secretariat/calls/${callId}/applications/${applicationIds[0]}#discussion`,
      );

      // The application's history states the resolution in words, with the moderator's note.
      await pressOn(page, thread);
      const history = page.getByRole('region', { name: s('application.history.title') });
      const resolved = history.getByRole('row', { name: /Agreed in panel\./ });
      await resolved.waitFor();
      expect(await resolved.innerText()).toContain(
        s('application.history.actions.moderationConsensus', { score: eighty }),
      );
      expect(await history.innerText()).not.toContain('moderation.');
      await checkWidths(page, SUITE, 'application-history', language);
      await page.close();

      // Bruno, the chair, finds the call's queue from his assignments and moderates it there.
      const chair = await signedInVisitor(browser, platform.baseUrl, language, bruno);
      await chair.goto('/evaluator/assignments');
      const { title } = (await api.get(`/api/v1/calls/${callId}`, { token: secretariat.token })).body as {
        title: string;
      };
      await pressOn(chair, chair.getByRole('link', { name: e('chaired.for', { call: title }) }));
      await chair.getByRole('heading', { level: 1, name: m('title') }).waitFor();
      await chair.getByText(m('chairIntro', { call: title })).waitFor();
      await chair.getByText(m('outcomes.consensus'), { exact: true }).and(chair.locator('p')).waitFor();
      await checkWidths(chair, SUITE, 'chair-queue', language);

      // A revisit of Ana's evaluation, chosen among the evaluators by keyboard.
      const chairAction = (outcome: string) =>
        chair.getByRole('button', { name: m('actions.for', { action: m(`actions.${outcome}`), organisation }) });
      await pressOn(chair, chairAction('revisit'));
      const revisit = chair.getByRole('dialog', { name: m('dialogs.revisit.title') });
      await revisit.waitFor();
      await tabTo(chair, revisit.getByRole('checkbox', { name: `Ana ${language}` }));
      await chair.keyboard.press('Space');
      await typeInto(chair, revisit.getByRole('textbox', { name: m('dialogs.revisit.note') }), 'Please look again.');
      await checkWidths(chair, SUITE, 'revisit-dialog', language);
      await pressOn(chair, revisit.getByRole('button', { name: m('dialogs.revisit.confirm') }));
      await revisit.waitFor({ state: 'detached' });
      await chair.getByText(m('outcomes.revisit'), { exact: true }).waitFor();
      await chair.getByText('Please look again.', { exact: true }).waitFor();
      await eventually(
        async () => (await api.get(`/api/v1/me/assignments`, { token: ana.token })).body.items,
        (items: Array<{ applicationId: string; status: string }>) =>
          items.some((a) => a.applicationId === applicationIds[0] && a.status === 'draft'),
      );

      // From the queue to the application's discussion, on his own assignment's page.
      await pressOn(chair, chair.getByRole('link', { name: m('discussion.for', { organisation }) }));
      await chair.getByRole('heading', { level: 2, name: d('title') }).waitFor();
      expect(new URL(chair.url()).hash).toBe('#discussion');
      await chair.close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});
