import type { Browser } from 'playwright-core';
import { eventually } from '../support/async';
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
  secretariatOf,
} from '../support/evaluation-fixtures';

/**
 * Issue 14, confidence and blind review, with the keyboard only: an evaluator of a blind call reads
 * the application under its pseudonym, never the centre's name or city, and states its confidence on
 * the scoring form; the secretariat reads the confidence beside the scores and the pseudonym beside
 * the real name. In English, every page checked by axe-core at 1366 and 390 px without
 * sideways scrolling.
 */

const SUITE = 'blind-review';

const LANGUAGES = journeyLanguages('en');

describe('blind review and confidence in the browser', () => {
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
    'shows the evaluator a pseudonym and takes its confidence by keyboard (%s)',
    async (language: Language) => {
      const e = textsOf(language, 'evaluator');
      const s = textsOf(language, 'secretariat');
      const api = platform.api;
      const centre = `Centre Lumière ${language}`;
      const [evaluator] = await createEvaluators(api, [{ displayName: `Blind evaluator ${language}` }]);
      const [applicant] = await createApplicantsFrom(api, [
        { countryCode: 'SN', organisationName: centre, city: 'Thiès', locale: language },
      ]);
      const { callId, applicationIds } = await callWithSubmissions(api, [applicant], { blind: true });
      const applicationId = applicationIds[0]!;
      await seatPanel(api, callId, [evaluator]);
      const assignment = await assignmentId(api, callId, applicationId, evaluator.id);
      const secretariat = await secretariatOf(api);
      const { pseudonym } = (await api.get(`/api/v1/applications/${applicationId}`, { token: secretariat.token }))
        .body as { pseudonym: string };
      expect(pseudonym).toMatch(/^A-\d{3,}$/);

      // The list of assignments names the application by its pseudonym only.
      const reviewer = await signedInVisitor(browser, platform.baseUrl, language, evaluator);
      await reviewer.goto('/evaluator/assignments');
      await reviewer.getByText(pseudonym, { exact: true }).first().waitFor();
      expect(await reviewer.content()).not.toContain(centre);
      await checkWidths(reviewer, SUITE, 'assignments', language);

      // The assignment's page: the pseudonym as its title, the blind notice, no name nor city.
      await reviewer.goto(`/evaluator/assignments/${assignment}`);
      await reviewer.getByRole('heading', { level: 1, name: pseudonym }).waitFor();
      await reviewer.getByText(e('application.blind', { pseudonym })).waitFor();
      const page = await reviewer.content();
      expect([page.includes(centre), page.includes('Thiès')]).toEqual([false, false]);

      // The confidence, chosen from the keyboard: Tab to the group, then the arrows choose.
      await tabTo(reviewer, reviewer.getByRole('radio', { name: e('confidence.levels.low'), exact: true }));
      await reviewer.keyboard.press('Space');
      await reviewer.keyboard.press('ArrowRight');
      await reviewer.keyboard.press('ArrowRight');
      await reviewer.getByRole('radio', { name: e('confidence.levels.high'), exact: true, checked: true }).waitFor();
      const saved = await eventually(
        async () =>
          (await api.get(`/api/v1/assignments/${assignment}/evaluation`, { token: evaluator.token })).body as {
            confidence: string | null;
          },
        (evaluation) => evaluation.confidence === 'high',
      );
      expect(saved.confidence).toBe('high');
      await checkWidths(reviewer, SUITE, 'scoring-form', language);

      // The secretariat reads the confidence beside the scores and the pseudonym beside the real name.
      const office = await signedInVisitor(browser, platform.baseUrl, language, secretariat);
      await office.goto(`/secretariat/calls/${callId}/applications/${applicationId}`);
      await office.getByRole('heading', { level: 1, name: centre }).waitFor();
      await office.getByText(pseudonym, { exact: true }).waitFor();
      await office
        .getByText(
          s('application.evaluations.confidence', { level: s('application.evaluations.confidenceLevels.high') }),
        )
        .waitFor();
      await checkWidths(office, SUITE, 'secretariat-application', language);
    },
    JOURNEY_TIMEOUT_MS,
  );
});
