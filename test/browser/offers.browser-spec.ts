import type { Browser, Page } from 'playwright-core';
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
  textsOf,
} from '../support/browser';
import { sql } from '../support/applications';
import { createApplicantsFrom, createEvaluators, secretariatOf } from '../support/evaluation-fixtures';
import { evaluatedCall, publishCohort } from '../support/scoring';

/**
 * Issue 15, offers, with the keyboard only: a selected centre reads its offer and the date to answer
 * by on its application's page, and declines it with a reason; the secretariat sees the freed seat
 * on the cohort's page and offers it to the proposed replacement; a second centre accepts. Each page
 * is checked by axe-core at 1366 and 390 px without sideways scrolling.
 */

const SUITE = 'offers';

const LANGUAGES = journeyLanguages('fr');

describe('offers in the browser', () => {
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

  async function openApplication(page: Page, applicationId: string): Promise<void> {
    await page.goto(`/applicant/applications/${applicationId}`);
  }

  it.each(LANGUAGES)(
    'a centre declines its place with a reason, the secretariat gives it to the proposed replacement, another accepts (%s)',
    async (language: Language) => {
      const t = textsOf(language, 'applicant');
      const s = textsOf(language, 'secretariat');
      const api = platform.api;
      const names = ['Centre Baobab', 'Centre Fleuve', 'Centre Sahel'].map((name) => `${name} ${language}`);
      const applicants = await createApplicantsFrom(
        api,
        names.map((organisationName) => ({ countryCode: 'SN', organisationName, city: 'Dakar', locale: language })),
      );
      const evaluators = await createEvaluators(api, [{ countryCode: 'DE' }, { countryCode: 'JP' }]);
      const { callId, applicationIds } = await evaluatedCall(api, evaluators, applicants, 2);
      await sql(api, `UPDATE calls SET cohort_size = 2 WHERE id = $1`, [callId]);
      const secretariat = await secretariatOf(api);
      const cohortId = await publishCohort(api, secretariat.token, callId);
      const offered = new Set(
        (
          await sql<{ id: string }>(api, 'SELECT application_id AS id FROM cohort_offers WHERE cohort_id = $1', [
            cohortId,
          ])
        ).map((o) => o.id),
      );
      const [declining, accepting] = applicationIds.filter((id) => offered.has(id));
      const waiting = applicationIds.find((id) => !offered.has(id))!;
      const applicantOf = (id: string) => applicants[applicationIds.indexOf(id)]!;
      const nameOf = (id: string) => names[applicationIds.indexOf(id)]!;

      const page = await signedInVisitor(browser, platform.baseUrl, language, applicantOf(declining!));
      await openApplication(page, declining!);
      const section = page.getByRole('region', { name: t('offer.title') });
      await section.getByText(t('offer.invitation')).waitFor();
      await section.getByText(t('offer.respondBy')).waitFor();
      await checkWidths(page, SUITE, 'offer', language);

      await pressOn(page, section.getByRole('button', { name: t('offer.decline') }));
      const dialog = page.getByRole('dialog', { name: t('offer.declineTitle') });
      await expectFocused(dialog.getByRole('textbox', { name: t('offer.declineReason') }));
      await page.keyboard.type('Nos mentors ne sont pas disponibles.');
      await pressOn(page, dialog.getByRole('button', { name: t('offer.decline') }));
      await section.getByText(t('offer.declined')).waitFor();
      expect(await section.getByRole('button').count()).toBe(0);
      expect(await offerRow(declining!)).toEqual({
        status: 'declined',
        reason: 'Nos mentors ne sont pas disponibles.',
      });
      await page.context().close();

      // The secretariat sees the freed seat and the proposed replacement, and offers it the seat.
      const desk = await signedInVisitor(browser, platform.baseUrl, language, secretariat);
      await desk.goto(`/secretariat/calls/${callId}/cohorts/${cohortId}`);
      const offers = desk.getByRole('region', { name: s('cohorts.offers.title') });
      await offers.getByText(s('cohorts.offers.statuses.declined')).waitFor();
      await offers.getByText(s('cohorts.offers.freeSeats', { count: 1 })).waitFor();
      const waitingName = nameOf(waiting);
      await checkWidths(desk, SUITE, 'offers-board', language);
      await pressOn(desk, offers.getByRole('button', { name: s('cohorts.offers.promote', { name: waitingName }) }));
      const confirm = desk.getByRole('dialog', { name: s('cohorts.offers.promoteTitle', { name: waitingName }) });
      await pressOn(desk, confirm.getByRole('button', { name: s('cohorts.offers.promoteConfirm') }));
      await offers.getByText(s('cohorts.offers.allHeld')).waitFor();
      expect(await offerRow(waiting)).toEqual({ status: 'offered', reason: null });
      await desk.context().close();

      const other = await signedInVisitor(browser, platform.baseUrl, language, applicantOf(accepting!));
      await openApplication(other, accepting!);
      const offer = other.getByRole('region', { name: t('offer.title') });
      await pressOn(other, offer.getByRole('button', { name: t('offer.accept') }));
      const accept = other.getByRole('dialog', { name: t('offer.acceptTitle') });
      await accept.getByText(t('offer.acceptExplanation')).waitFor();
      await pressOn(other, accept.getByRole('button', { name: t('offer.accept') }));
      await offer.getByText(t('offer.accepted')).waitFor();
      expect(await offerRow(accepting!)).toEqual({ status: 'accepted', reason: null });
      // The public list shows the change beside the published one.
      const current = await api.get(`/api/v1/public/cohorts/${cohortId}/current`);
      expect(current.body.members.map((m: { name: string }) => m.name).sort()).toEqual(
        [nameOf(accepting!), waitingName].sort(),
      );
      await other.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  async function offerRow(applicationId: string): Promise<{ status: string; reason: string | null }> {
    const [row] = await sql<{ status: string; reason: string | null }>(
      platform.api,
      'SELECT status, decline_reason AS reason FROM cohort_offers WHERE application_id = $1',
      [applicationId],
    );
    return row!;
  }
});
