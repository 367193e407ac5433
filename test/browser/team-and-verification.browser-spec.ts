import type { Browser, Page } from 'playwright-core';
import { accountLinkFragment } from '../support/account-links';
import { sql } from '../support/applications';
import { withEnv } from '../support/async';
import {
  JOURNEY_TIMEOUT_MS,
  journeyLanguages,
  type Language,
  WebPlatform,
  activate,
  checkPage,
  launchBrowser,
  signedInVisitor,
  textsOf,
} from '../support/browser';
import { createApplicant } from '../support/fixtures';
import { joinedColleague } from '../support/team';

/**
 * An applicant's unconfirmed address (the banner and its "send again", the page the e-mailed link
 * opens) and the organisation's team page (members, a colleague invited, leaving), in English,
 * each page checked by axe-core and photographed. The platform requires confirmed addresses
 * (APPLICANT_EMAIL_VERIFICATION=required); the link is signed here from the link's id, as the e-mail
 * carries it (the e-mails themselves are followed in test/e2e/email-verification).
 */

const SUITE = 'team-and-verification';

const LANGUAGES = journeyLanguages('en');

describe('e-mail verification and teams in the browser', () => {
  let platform: WebPlatform;
  let browser: Browser;

  async function expectTitle(page: Page, title: string): Promise<void> {
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  const verificationFragment = (userId: string) => accountLinkFragment(platform.api, userId, 'email_verification');

  beforeAll(async () => {
    platform = await withEnv({ APPLICANT_EMAIL_VERIFICATION: 'required' }, () => WebPlatform.start());
    browser = await launchBrowser();
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it.each(LANGUAGES)(
    'an unconfirmed applicant sees the banner, asks for the link again and confirms its address (%s)',
    async (language: Language) => {
      const t = textsOf(language, 'applicant');
      const applicant = await createApplicant(platform.api, 'KE', {}, language);
      const page = await signedInVisitor(browser, platform.baseUrl, language, applicant);
      await page.goto('/applicant/applications');
      await expectTitle(page, t('applications.title'));
      await page.getByText(t('verification.bannerTitle')).waitFor();
      await activate(page, page.getByRole('button', { name: t('verification.resend') }));
      await page
        .getByRole('status')
        .filter({ hasText: t('verification.resent') })
        .waitFor();
      await checkPage(page, SUITE, 'verification-banner', language);

      await page.goto(`/verify-email${await verificationFragment(applicant.id)}`);
      await expectTitle(page, t('verification.title'));
      await checkPage(page, SUITE, 'verify-email', language);
      await activate(page, page.getByRole('button', { name: t('verification.confirm') }));
      await page
        .getByRole('status')
        .filter({ hasText: t('verification.confirmedTitle') })
        .waitFor();
      await checkPage(page, SUITE, 'verify-email-confirmed', language);
      const me = await platform.api.get('/api/v1/me', { token: applicant.token });
      expect(me.body).toMatchObject({ emailVerified: true });

      await activate(page, page.getByRole('link', { name: t('verification.continue') }));
      await expectTitle(page, t('applications.title'));
      expect(await page.getByText(t('verification.bannerTitle')).count()).toBe(0);

      // The same link, once used, is refused in words the reader understands.
      await page.goto(`/verify-email#token=not-a-valid-token`);
      await activate(page, page.getByRole('button', { name: t('verification.confirm') }));
      await page.getByRole('alert').waitFor();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it.each(LANGUAGES)(
    'a member sees its team, invites a colleague; the colleague leaves (%s)',
    async (language: Language) => {
      const t = textsOf(language, 'applicant');
      const member = await createApplicant(platform.api, 'SN', {}, language);
      const colleague = await joinedColleague(platform.api, member, { displayName: 'Awa Diop' });
      const page = await signedInVisitor(browser, platform.baseUrl, language, member);
      await page.goto('/applicant/organisation');
      await activate(page, page.getByRole('link', { name: t('organisation.toTeam') }));
      await expectTitle(page, t('team.title'));
      await page.getByRole('cell', { name: 'Awa Diop' }).waitFor();
      await page.getByRole('heading', { name: t('team.members_other', { count: 2 }) }).waitFor();

      const email = `invited-${language}-${Date.now()}@colleagues.example`;
      await page.getByLabel(t('team.name'), { exact: false }).fill('Moussa Ndiaye');
      await page.getByLabel(textsOf(language, 'common')('fields.email'), { exact: false }).fill(email);
      await activate(page, page.getByRole('button', { name: t('team.invite') }));
      await page.getByRole('status').filter({ hasText: email }).waitFor();
      await checkPage(page, SUITE, 'team', language);
      const [invited] = await sql<{ role: string; invited: boolean }>(
        platform.api,
        `SELECT role, invited FROM users WHERE email = $1`,
        [email],
      );
      expect(invited).toEqual({ role: 'applicant', invited: true });

      const leaving = await signedInVisitor(browser, platform.baseUrl, language, colleague);
      await leaving.goto('/applicant/organisation/team');
      await expectTitle(leaving, t('team.title'));
      await activate(leaving, leaving.getByRole('button', { name: t('team.leave') }));
      await leaving.getByRole('dialog').waitFor();
      await checkPage(leaving, SUITE, 'team-leave', language);
      await activate(leaving, leaving.getByRole('dialog').getByRole('button', { name: t('team.leave') }));
      await expectTitle(leaving, t('organisation.title'));
      const [row] = await sql<{ organisationId: string | null }>(
        platform.api,
        `SELECT organisation_id AS "organisationId" FROM users WHERE id = $1`,
        [colleague.id],
      );
      expect(row.organisationId).toBeNull();
    },
    JOURNEY_TIMEOUT_MS,
  );
});
