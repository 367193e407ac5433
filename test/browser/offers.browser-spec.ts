import type { Browser, Page } from 'playwright-core';
import {
  JOURNEY_TIMEOUT_MS,
  journeyLanguages,
  type Language,
  WebPlatform,
  checkWidths,
  expectFocused,
  launchBrowser,
  newVisitor,
  pressOn,
  signedInVisitor,
  textsOf,
  typeInto,
} from '../support/browser';
import { sql } from '../support/applications';
import { createApplicantsFrom, createEvaluators, secretariatOf } from '../support/evaluation-fixtures';
import { evaluatedCall, publishCohort } from '../support/scoring';

/**
 * Issue 15, offers, with the keyboard only: a selected centre reads its offer and the date to answer
 * by on its application's page, and declines it with a reason; the secretariat sees the freed seat
 * on the cohort's page and offers it to another centre than the proposed one, with a reason; a
 * second centre accepts, then the secretariat withdraws it with a reason and gives its seat to the
 * proposed replacement; the public page shows the list today and each change with its reason and
 * hash. Each page is checked by axe-core at 1366 and 390 px without sideways scrolling.
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
    'a centre declines, the secretariat promotes another centre, withdraws one that accepted and refills its seat; the public page shows the history (%s)',
    async (language: Language) => {
      const t = textsOf(language, 'applicant');
      const s = textsOf(language, 'secretariat');
      const api = platform.api;
      const p = textsOf(language, 'public');
      const names = ['Centre Baobab', 'Centre Fleuve', 'Centre Sahel', 'Centre Niokolo'].map(
        (name) => `${name} ${language}`,
      );
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
      const waitlist = applicationIds.filter((id) => !offered.has(id));
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

      // The secretariat sees the freed seat and the proposed replacement, and offers the seat to the other one.
      const replacement = await api.get(`/api/v1/cohorts/${cohortId}/replacement`, { token: secretariat.token });
      const proposed = replacement.body.proposed.applicationId as string;
      const chosen = waitlist.find((id) => id !== proposed)!;
      const desk = await signedInVisitor(browser, platform.baseUrl, language, secretariat);
      await desk.goto(`/secretariat/calls/${callId}/cohorts/${cohortId}`);
      const offers = desk.getByRole('region', { name: s('cohorts.offers.title') });
      await offers.getByText(s('cohorts.offers.statuses.declined')).waitFor();
      await offers.getByText(s('cohorts.offers.freeSeats', { count: 1 })).waitFor();
      await offers.getByRole('button', { name: s('cohorts.offers.promote', { name: nameOf(proposed) }) }).waitFor();
      await checkWidths(desk, SUITE, 'offers-board', language);
      await pressOn(desk, offers.getByRole('button', { name: s('cohorts.offers.promoteOther') }));
      const other = desk.getByRole('dialog', { name: s('cohorts.offers.promoteOtherTitle') });
      const centre = other.getByRole('combobox', { name: s('cohorts.offers.centreToPromote') });
      await expectFocused(centre);
      await centre.selectOption({ value: chosen });
      await typeInto(
        desk,
        other.getByRole('textbox', { name: s('cohorts.offers.promoteOtherReason') }),
        'Closer to the start-ups of the region.',
      );
      await pressOn(desk, other.getByRole('button', { name: s('cohorts.offers.promoteConfirm') }));
      await offers.getByText(s('cohorts.offers.allHeld')).waitFor();
      expect(await offerRow(chosen)).toEqual({ status: 'offered', reason: null });
      await desk.context().close();

      const centrePage = await signedInVisitor(browser, platform.baseUrl, language, applicantOf(accepting!));
      await openApplication(centrePage, accepting!);
      const offer = centrePage.getByRole('region', { name: t('offer.title') });
      await pressOn(centrePage, offer.getByRole('button', { name: t('offer.accept') }));
      const accept = centrePage.getByRole('dialog', { name: t('offer.acceptTitle') });
      await accept.getByText(t('offer.acceptExplanation')).waitFor();
      await pressOn(centrePage, accept.getByRole('button', { name: t('offer.accept') }));
      await offer.getByText(t('offer.accepted')).waitFor();
      expect(await offerRow(accepting!)).toEqual({ status: 'accepted', reason: null });
      await centrePage.context().close();

      // The secretariat withdraws the centre that accepted, with a reason, and refills its seat.
      const board = await signedInVisitor(browser, platform.baseUrl, language, secretariat);
      await board.goto(`/secretariat/calls/${callId}/cohorts/${cohortId}`);
      const seats = board.getByRole('region', { name: s('cohorts.offers.title') });
      const withdrawnName = nameOf(accepting!);
      await pressOn(
        board,
        seats.getByRole('button', { name: s('cohorts.offers.withdrawFor', { name: withdrawnName }) }),
      );
      const withdrawal = board.getByRole('dialog', {
        name: s('cohorts.offers.withdrawTitle', { name: withdrawnName }),
      });
      await expectFocused(withdrawal.getByRole('textbox', { name: s('cohorts.offers.withdrawReason') }));
      const reason = 'The centre closed its programme.';
      await board.keyboard.type(reason);
      await pressOn(board, withdrawal.getByRole('button', { name: s('cohorts.offers.withdrawConfirm') }));
      await seats.getByText(s('cohorts.offers.statuses.withdrawn')).waitFor();
      expect(await offerRow(accepting!)).toEqual({ status: 'withdrawn', reason: null });
      await pressOn(
        board,
        seats.getByRole('button', { name: s('cohorts.offers.promote', { name: nameOf(proposed) }) }),
      );
      const confirm = board.getByRole('dialog', { name: s('cohorts.offers.promoteTitle', { name: nameOf(proposed) }) });
      await pressOn(board, confirm.getByRole('button', { name: s('cohorts.offers.promoteConfirm') }));
      await seats.getByText(s('cohorts.offers.allHeld')).waitFor();
      // The board shows the list's history as the public reads it.
      const boardHistory = board.getByRole('region', { name: p('history.title') });
      await boardHistory.getByText(p('history.kinds.withdrawn', { name: withdrawnName })).waitFor();
      await boardHistory.getByRole('cell', { name: reason }).waitFor();
      await board.context().close();

      // The public page keeps the published list and shows the list today, with each change.
      const visitor = await newVisitor(browser, platform.baseUrl, language);
      await visitor.goto(`/cohorts/${cohortId}`);
      const today = visitor.getByRole('region', { name: p('history.currentTitle') });
      await today.getByRole('cell', { name: nameOf(chosen) }).waitFor();
      const history = visitor.getByRole('region', { name: p('history.title') });
      const rows = history.getByRole('row');
      await rows.nth(4).waitFor();
      expect(await rows.count()).toBe(5);
      await history.getByText(p('history.kinds.withdrawn', { name: withdrawnName })).waitFor();
      await history.getByRole('cell', { name: reason }).waitFor();
      const { items } = (await api.get(`/api/v1/public/cohorts/${cohortId}/amendments`)).body;
      expect(items.map((a: { kind: string }) => a.kind)).toEqual(['declined', 'promoted', 'withdrawn', 'promoted']);
      for (const amendment of items as Array<{ hash: string }>) await history.getByText(amendment.hash).waitFor();
      await checkWidths(visitor, SUITE, 'public-history', language);
      const current = await api.get(`/api/v1/public/cohorts/${cohortId}/current`);
      expect(current.body.members.map((m: { name: string }) => m.name).sort()).toEqual(
        [nameOf(chosen), nameOf(proposed)].sort(),
      );
      await visitor.context().close();
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
