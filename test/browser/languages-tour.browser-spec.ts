import type { Browser, Page } from 'playwright-core';
import { directionOf } from '../../apps/web/src/i18n/languages';
import {
  JOURNEY_TIMEOUT_MS,
  LANGUAGES,
  WebPlatform,
  checkWidths,
  launchBrowser,
  openInApp,
  screenshot,
  signedInVisitor,
} from '../support/browser';
import { createApplicantsFrom, createEvaluators, secretariatOf } from '../support/evaluation-fixtures';
import type { Actor, Applicant } from '../support/fixtures';
import { evaluatedCall, publishCohort } from '../support/scoring';

/**
 * Issue 17: every main page of the signed-in areas in each of the six languages, photographed
 * (artifacts/screenshots/languages/<page>-<language>.png), in the direction of its language; in
 * Arabic, each page at a desktop's and a phone's width, where none may scroll sideways, with the
 * accessibility check. The pages are visited, not used: the journeys (applicant, secretariat, in
 * Arabic besides English and French) use them, and the public pages and the page shell are walked
 * in every language by their own suites.
 */

const SUITE = 'languages';
/** Centres whose countries each language names its own way (Intl's names outside English and French). */
const CENTRES = [
  { countryCode: 'EG', organisationName: 'Alexandria Tech Foundry', city: 'Alexandria' },
  { countryCode: 'CN', organisationName: 'Shenzhen Hardware Accelerator', city: 'Shenzhen' },
  { countryCode: 'KE', organisationName: 'Mombasa Coast Incubator', city: 'Mombasa' },
  { countryCode: 'PE', organisationName: 'Arequipa Startup Studio', city: 'Arequipa' },
];

interface Round {
  secretariat: Actor;
  evaluator: Actor;
  applicant: Applicant;
  callId: string;
  applicationId: string;
  assignmentId: string;
  cohortId: string;
}

describe('every main page in each language', () => {
  let platform: WebPlatform;
  let browser: Browser;
  let round: Round;

  beforeAll(async () => {
    platform = await WebPlatform.start();
    browser = await launchBrowser();
    const { api } = platform;
    const secretariat = await secretariatOf(api);
    const evaluators = await createEvaluators(api, [
      { countryCode: 'DE' },
      { countryCode: 'JP' },
      { countryCode: 'MX' },
    ]);
    const applicants = await createApplicantsFrom(api, CENTRES);
    const { callId, applicationIds } = await evaluatedCall(api, evaluators, applicants, 2);
    const cohortId = await publishCohort(api, secretariat.token, callId);
    const evaluator = evaluators[0]!;
    const assignments = await api.get('/api/v1/me/assignments', { token: evaluator.token });
    expect(assignments.status).toBe(200);
    round = {
      secretariat,
      evaluator,
      applicant: applicants[0]!,
      callId,
      applicationId: applicationIds[0]!,
      assignmentId: (assignments.body.items as Array<{ id: string }>)[0]!.id,
      cohortId,
    };
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  /** The main pages of each area, by who reads them: a name for the screenshot and the page's path. */
  const pages = (r: Round): Array<[user: Actor | Applicant, name: string, path: string]> => {
    const call = `/secretariat/calls/${r.callId}`;
    return [
      [r.applicant, 'applicant-applications', '/applicant/applications'],
      [r.applicant, 'applicant-application', `/applicant/applications/${r.applicationId}`],
      [r.applicant, 'applicant-organisation', '/applicant/organisation'],
      [r.applicant, 'applicant-team', '/applicant/organisation/team'],
      [r.applicant, 'notifications', '/notifications'],
      [r.evaluator, 'evaluator-assignments', '/evaluator/assignments'],
      [r.evaluator, 'evaluator-assignment', `/evaluator/assignments/${r.assignmentId}`],
      [r.evaluator, 'account-sessions', '/account/sessions'],
      [r.secretariat, 'secretariat-calls', '/secretariat/calls'],
      [r.secretariat, 'secretariat-builder', '/secretariat/calls/new'],
      [r.secretariat, 'secretariat-overview', call],
      [r.secretariat, 'secretariat-applications', `${call}/applications`],
      [r.secretariat, 'secretariat-application', `${call}/applications/${r.applicationId}`],
      [r.secretariat, 'secretariat-panel', `${call}/panel`],
      [r.secretariat, 'secretariat-progress', `${call}/progress`],
      [r.secretariat, 'secretariat-scoring', `${call}/scoring`],
      [r.secretariat, 'secretariat-cohorts', `${call}/cohorts`],
      [r.secretariat, 'secretariat-cohort', `${call}/cohorts/${r.cohortId}`],
      [r.secretariat, 'secretariat-people', '/secretariat/people'],
      [r.secretariat, 'secretariat-invitations', '/secretariat/invitations'],
      [r.secretariat, 'account-api-tokens', '/account/api-tokens'],
    ];
  };

  it.each(LANGUAGES)(
    'shows each main page in %s, in its direction; in Arabic none scrolls sideways at 1366 or 390 pixels',
    async (language) => {
      const visitors = new Map<Actor | Applicant, Page>();
      for (const [user, name, path] of pages(round)) {
        let page = visitors.get(user);
        if (!page) {
          page = await signedInVisitor(browser, platform.baseUrl, language, user);
          visitors.set(user, page);
        }
        // From page to page as the app's links go, without loading it again: in Arabic, what an
        // earlier page left behind may make the next one scroll sideways (it once did).
        await openInApp(page, path);
        await page.locator('h1').first().waitFor();
        // The data's loading indicator gone: the page as the reader reads it.
        await page.locator('[role="status"] .mantine-Progress-root').waitFor({ state: 'detached' });
        expect({ name, lang: await langOf(page), dir: await dirOf(page) }).toEqual({
          name,
          lang: language,
          dir: directionOf(language),
        });
        if (language === 'ar') await checkWidths(page, SUITE, name, language);
        else await screenshot(page, SUITE, name, language);
      }
      for (const page of visitors.values()) await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});

function langOf(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('lang');
}

function dirOf(page: Page): Promise<string | null> {
  return page.locator('html').getAttribute('dir');
}
