import { readFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  JOURNEY_TIMEOUT_MS,
  journeyLanguages,
  type Language,
  WebPlatform,
  activate,
  checkPage,
  checkWidths,
  expectFocused,
  launchBrowser,
  newVisitor,
  pressOn,
  signedInVisitor,
  tabTo,
  text,
  textsOf,
} from '../support/browser';
import { sql } from '../support/applications';
import { createApplicantsFrom, createEvaluators, secretariatOf } from '../support/evaluation-fixtures';
import { SAMPLE_PDF, SAMPLE_PNG } from '../support/fixtures';
import { evaluatedCall, publishCohort } from '../support/scoring';

/**
 * Issue 15, cooperation agreements, with the keyboard: the secretariat tries to issue before the
 * call's terms exist and is told why, writes them (too short first), and issues the agreement to the
 * centre that accepted its place; the centre downloads the agreement in its language, is refused an
 * image for its signed copy, and uploads the PDF; the secretariat returns the copy with what to correct;
 * the centre sees the copy returned, and why, and uploads a new one; the secretariat countersigns; the
 * public directory lists the centre with its country and region in the reader's language. Each page is
 * checked by axe-core, most at 1366 and 390 px without sideways scrolling.
 */

const SUITE = 'cooperation-agreements';

const LANGUAGES = journeyLanguages('en');

const TERMS = 'The centre hosts the programme of the network for two years; each party bears its own costs.';

const REASON = 'The second page is not signed: please sign and date it.';

describe('cooperation agreements in the browser', () => {
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

  /** The cohort's page is long: its agreements come after the publication and the offers. */
  async function pressFar(page: Page, target: Locator): Promise<void> {
    await tabTo(page, target, 200);
    await page.keyboard.press('Enter');
  }

  it.each(LANGUAGES)(
    'the secretariat writes the terms and issues, the centre signs, the secretariat returns the copy, the centre signs again, the secretariat countersigns, the directory lists the centre (%s)',
    async (language: Language) => {
      const t = textsOf(language, 'applicant');
      const s = textsOf(language, 'secretariat');
      const p = textsOf(language, 'public');
      const api = platform.api;
      const names = ['Centre Teranga', 'Centre Casamance'].map((name) => `${name} ${language}`);
      const applicants = await createApplicantsFrom(
        api,
        names.map((organisationName) => ({ countryCode: 'SN', organisationName, city: 'Dakar', locale: language })),
      );
      const evaluators = await createEvaluators(api, [{ countryCode: 'DE' }, { countryCode: 'JP' }]);
      const { callId, applicationIds } = await evaluatedCall(api, evaluators, applicants, 2);
      await sql(api, `UPDATE calls SET cohort_size = 1 WHERE id = $1`, [callId]);
      const secretariat = await secretariatOf(api);
      const cohortId = await publishCohort(api, secretariat.token, callId);
      const [offer] = await sql<{ id: string }>(
        api,
        'SELECT application_id AS id FROM cohort_offers WHERE cohort_id = $1',
        [cohortId],
      );
      const applicationId = offer!.id;
      const centre = applicants[applicationIds.indexOf(applicationId)]!;
      const name = names[applicationIds.indexOf(applicationId)]!;
      const accepted = await api.post(`/api/v1/applications/${applicationId}/offer/accept`, { token: centre.token });
      expect(accepted.status).toBe(200);

      // The secretariat: no agreement before the terms; terms too short, then saved; the agreement issued.
      const desk = await signedInVisitor(browser, platform.baseUrl, language, secretariat);
      await desk.goto(`/secretariat/calls/${callId}/cohorts/${cohortId}`);
      const board = desk.getByRole('region', { name: s('cohorts.agreements.title') });
      await board.getByText(s('cohorts.agreements.noTerms')).waitFor();
      await pressFar(desk, board.getByRole('button', { name: s('cohorts.agreements.issue') }));
      const early = desk.getByRole('dialog', { name: s('cohorts.agreements.issueTitle') });
      await pressOn(desk, early.getByRole('button', { name: s('cohorts.agreements.issueConfirm') }));
      await early.getByText(text(language, 'problems.AGREEMENT_TERMS_MISSING')).waitFor();
      await desk.keyboard.press('Escape');
      await early.waitFor({ state: 'detached' });

      const terms = board.getByRole('textbox', { name: s('cohorts.agreements.termsLabel') });
      await tabTo(desk, terms, 200);
      await desk.keyboard.type('Too short.');
      await pressOn(desk, board.getByRole('button', { name: s('cohorts.agreements.saveTerms') }));
      await board.getByText(s('cohorts.agreements.termsTooShort', { min: 20 })).waitFor();
      await terms.fill('');
      await tabTo(desk, terms, 200);
      await desk.keyboard.type(TERMS);
      await pressOn(desk, board.getByRole('button', { name: s('cohorts.agreements.saveTerms') }));
      await board.getByText(s('cohorts.agreements.termsSaved')).waitFor();

      await pressFar(desk, board.getByRole('button', { name: s('cohorts.agreements.issue') }));
      const issue = desk.getByRole('dialog', { name: s('cohorts.agreements.issueTitle') });
      await pressOn(desk, issue.getByRole('button', { name: s('cohorts.agreements.issueConfirm') }));
      await board.getByText(s('cohorts.agreements.issued', { count: 1 })).waitFor();
      const row = board.getByRole('row', { name: new RegExp(name) });
      await row.getByText(s('cohorts.agreements.statuses.issued')).waitFor();
      await checkWidths(desk, SUITE, 'agreements-board', language);
      await desk.context().close();

      // The centre downloads the agreement in its language and uploads its signed copy, a PDF only.
      const portal = await signedInVisitor(browser, platform.baseUrl, language, centre);
      await portal.goto(`/applicant/applications/${applicationId}`);
      const section = portal.getByRole('region', { name: t('agreement.title') });
      await section.getByText(t('agreement.statuses.issued')).waitFor();
      await section.getByText(TERMS).waitFor();
      const saved = portal.waitForEvent('download');
      await pressOn(portal, section.getByRole('button', { name: t('agreement.download') }));
      const download = await saved;
      expect(download.suggestedFilename()).toBe(`cooperation-agreement-${applicationId}-${language}.pdf`);
      expect((await readFile((await download.path())!)).subarray(0, 5).toString()).toBe('%PDF-');

      const file = section.getByLabel(t('agreement.file'));
      await file.setInputFiles({ name: 'signed.png', mimeType: 'image/png', buffer: SAMPLE_PNG });
      await pressOn(portal, section.getByRole('button', { name: t('agreement.upload') }));
      await section.getByRole('alert').waitFor();
      expect(await agreementStatus(applicationId)).toBe('issued');
      await file.setInputFiles({ name: 'signed-agreement.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF });
      await pressOn(portal, section.getByRole('button', { name: t('agreement.upload') }));
      await section.getByText(t('agreement.uploaded', { name: 'signed-agreement.pdf' })).waitFor();
      await section.getByText(t('agreement.statuses.signed')).waitFor();
      await section.getByText(t('agreement.waiting')).waitFor();
      await section.getByText(/signed-agreement\.pdf \(/).waitFor();
      await checkWidths(portal, SUITE, 'agreement-signed', language);
      expect(await agreementStatus(applicationId)).toBe('signed');

      // The secretariat returns the signed copy with what to correct.
      const office = await signedInVisitor(browser, platform.baseUrl, language, secretariat);
      await office.goto(`/secretariat/calls/${callId}/cohorts/${cohortId}`);
      const agreements = office.getByRole('region', { name: s('cohorts.agreements.title') });
      await agreements.getByRole('button', { name: 'signed-agreement.pdf' }).waitFor();
      await pressFar(office, agreements.getByRole('button', { name: s('cohorts.agreements.returnFor', { name }) }));
      const giveBack = office.getByRole('dialog', { name: s('cohorts.agreements.returnTitle', { name }) });
      await expectFocused(giveBack.getByRole('textbox', { name: s('cohorts.agreements.returnReason') }));
      await office.keyboard.type(REASON);
      await pressOn(office, giveBack.getByRole('button', { name: s('cohorts.agreements.returnConfirm') }));
      await giveBack.waitFor({ state: 'detached' });
      const line = agreements.getByRole('row', { name: new RegExp(name) });
      await line.getByText(s('cohorts.agreements.returned', { reason: REASON })).waitFor();
      await line.getByText(s('cohorts.agreements.statuses.issued')).waitFor();
      expect(await agreementStatus(applicationId)).toBe('issued');

      // The centre sees its copy returned, and why, and uploads a new signed copy.
      await portal.reload();
      await section.getByText(t('agreement.statuses.issued')).waitFor();
      const returned = section.getByRole('alert', { name: t('agreement.returnedTitle') });
      await returned.getByText(REASON).waitFor();
      await checkPage(portal, SUITE, 'agreement-returned', language);
      await file.setInputFiles({ name: 'signed-again.pdf', mimeType: 'application/pdf', buffer: SAMPLE_PDF });
      await activate(portal, section.getByRole('button', { name: t('agreement.replace') }));
      await section.getByText(t('agreement.uploaded', { name: 'signed-again.pdf' })).waitFor();
      await section.getByText(t('agreement.statuses.signed')).waitFor();
      await returned.waitFor({ state: 'detached' });
      expect(await agreementStatus(applicationId)).toBe('signed');

      // The secretariat countersigns the new copy.
      await office.reload();
      await agreements.getByRole('button', { name: 'signed-again.pdf' }).waitFor();
      await pressFar(
        office,
        agreements.getByRole('button', { name: s('cohorts.agreements.countersignFor', { name }) }),
      );
      const countersign = office.getByRole('dialog', { name: s('cohorts.agreements.countersignTitle', { name }) });
      await pressOn(office, countersign.getByRole('button', { name: s('cohorts.agreements.countersignConfirm') }));
      await agreements.getByText(s('cohorts.agreements.statuses.countersigned')).waitFor();
      expect(await agreementStatus(applicationId)).toBe('countersigned');
      await office.context().close();

      // The public directory, from the navigation, lists the centre.
      const visitor = await newVisitor(browser, platform.baseUrl, language);
      await visitor.goto('/');
      await pressOn(
        visitor,
        visitor.getByRole('navigation').getByRole('link', { name: p('nav.directory'), exact: true }),
      );
      await visitor.getByRole('heading', { level: 1, name: p('directory.title') }).waitFor();
      const entry = visitor.getByRole('row', { name: new RegExp(name) });
      await entry.getByRole('cell', { name: text(language, 'regions.AFR') }).waitFor();
      const senegal = new Intl.DisplayNames([language], { type: 'region' }).of('SN')!;
      await entry.getByRole('cell', { name: senegal, exact: true }).waitFor();
      const { total } = (await api.get('/api/v1/public/directory')).body as { total: number };
      await visitor.getByText(p('directory.count', { count: total })).waitFor();
      await checkWidths(visitor, SUITE, 'directory', language);
      await portal.context().close();
      await visitor.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  async function agreementStatus(applicationId: string): Promise<string | undefined> {
    const [row] = await sql<{ status: string }>(
      platform.api,
      'SELECT status FROM cooperation_agreements WHERE application_id = $1',
      [applicationId],
    );
    return row?.status;
  }
});
