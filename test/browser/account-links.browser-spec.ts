import type { Browser, Page } from 'playwright-core';
import { accountLinkFragment } from '../support/account-links';
import { sql } from '../support/applications';
import {
  journeyLanguages,
  type Language,
  WebPlatform,
  activate,
  checkPage,
  launchBrowser,
  newVisitor,
  signIn,
  signedInVisitor,
  switchLanguage,
  text,
  textsOf,
  JOURNEY_TIMEOUT_MS,
} from '../support/browser';
import { secretariatOf } from '../support/evaluation-fixtures';
import { Actor, PASSWORD, createStaff, uniqueEmail } from '../support/fixtures';

/**
 * The pages of e-mailed links: the secretariat's invitations (invite, withdraw), accepting an
 * invitation, asking for a password reset from the sign-in page and choosing the new password,
 * changing one's password, and a link that is not valid. In French; each page checked
 * by axe-core and photographed. The link the e-mail would carry is signed here from the link's id
 * (the e-mails themselves are followed in test/e2e/invitations and password-reset).
 */

const SUITE = 'account-links';

/** The field of exactly this label (a required field's label ends with an asterisk). */
function labelled(page: Page, label: string) {
  return page.getByLabel(new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\*?$`));
}
const NEW_PASSWORD = 'a brand new passphrase';

const LANGUAGES = journeyLanguages('fr');

describe('invitations and passwords in the browser', () => {
  let platform: WebPlatform;
  let browser: Browser;
  let secretariat: Actor;

  const linkFragment = (userId: string, purpose: string) => accountLinkFragment(platform.api, userId, purpose);

  async function expectTitle(page: Page, title: string): Promise<void> {
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  beforeAll(async () => {
    platform = await WebPlatform.start();
    browser = await launchBrowser();
    secretariat = await secretariatOf(platform.api);
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it.each(LANGUAGES)(
    'the secretariat invites and withdraws; the invited evaluator accepts and is signed in (%s)',
    async (language: Language) => {
      const t = textsOf(language, 'secretariat');
      const page = await signedInVisitor(browser, platform.baseUrl, language, secretariat);
      await activate(page, page.getByRole('link', { name: t('nav.invitations'), exact: true }));
      await expectTitle(page, t('invitations.title'));

      const invite = async (email: string, name: string) => {
        await page.getByLabel(t('invitations.form.email'), { exact: false }).fill(email);
        await page.getByLabel(t('invitations.form.displayName'), { exact: false }).fill(name);
        await activate(page, page.getByRole('button', { name: t('invitations.form.submit') }));
        await page.getByRole('status').filter({ hasText: email }).waitFor();
      };
      const accepted = uniqueEmail(`invited-${language}`);
      const withdrawn = uniqueEmail(`withdrawn-${language}`);
      await invite(accepted, `Accepting evaluator ${language}`);
      await invite(withdrawn, `Withdrawn evaluator ${language}`);
      const row = page.getByRole('row').filter({ hasText: withdrawn });
      await row.getByText(t('invitations.statuses.pending'), { exact: true }).waitFor();
      await checkPage(page, SUITE, 'invitations', language);

      await activate(page, row.getByRole('button', { name: t('invitations.revoke') }));
      const dialog = page.getByRole('dialog', {
        name: t('invitations.revokeTitle', { name: `Withdrawn evaluator ${language}` }),
      });
      await activate(page, dialog.getByRole('button', { name: t('invitations.revoke'), exact: true }));
      await row.getByText(t('invitations.statuses.revoked'), { exact: true }).waitFor();

      const [invited] = await sql<{ id: string }>(platform.api, `SELECT id FROM users WHERE email = $1`, [accepted]);
      const visitor = await newVisitor(browser, platform.baseUrl, language);
      await visitor.goto(`/accept-invitation${await linkFragment(invited.id, 'invitation')}`);
      await switchLanguage(visitor, language);
      await expectTitle(visitor, text(language, 'account:invitation.title'));
      await visitor.getByText(accepted, { exact: false }).waitFor();
      await checkPage(visitor, SUITE, 'accept-invitation', language);
      await labelled(visitor, text(language, 'account:passwords.new')).fill(NEW_PASSWORD);
      await labelled(visitor, text(language, 'account:passwords.confirmation')).fill(NEW_PASSWORD);
      await activate(visitor, visitor.getByRole('button', { name: text(language, 'account:invitation.submit') }));
      await visitor.getByTestId('signed-in-as').waitFor();
      await visitor.waitForURL(/\/evaluator\/assignments$/);

      // The withdrawn invitation's link now tells why it does not work.
      const [gone] = await sql<{ id: string }>(platform.api, `SELECT id FROM users WHERE email = $1`, [withdrawn]);
      const late = await newVisitor(browser, platform.baseUrl, language);
      await late.goto(`/accept-invitation${await linkFragment(gone.id, 'invitation')}`);
      await switchLanguage(late, language);
      await late
        .getByRole('alert')
        .filter({ hasText: text(language, 'problems.LINK_REVOKED') })
        .waitFor();
      await checkPage(late, SUITE, 'accept-invitation-refused', language);
    },
    JOURNEY_TIMEOUT_MS,
  );

  it.each(LANGUAGES)(
    'a user who forgot the password asks for a link from the sign-in page and chooses a new one (%s)',
    async (language: Language) => {
      const user = await createStaff(platform.api, 'evaluator');
      const page = await newVisitor(browser, platform.baseUrl, language);
      await page.goto('/sign-in');
      await switchLanguage(page, language);
      await activate(page, page.getByRole('link', { name: text(language, 'account:signIn.forgotPassword') }));
      await expectTitle(page, text(language, 'account:passwords.forgot.title'));
      await page.getByLabel(text(language, 'fields.email'), { exact: false }).fill(user.email);
      await activate(page, page.getByRole('button', { name: text(language, 'account:passwords.forgot.submit') }));
      await page.getByRole('status').filter({ hasText: user.email }).waitFor();
      await checkPage(page, SUITE, 'forgot-password', language);

      await page.goto(`/reset-password${await linkFragment(user.id, 'password_reset')}`);
      await expectTitle(page, text(language, 'account:passwords.reset.title'));
      await checkPage(page, SUITE, 'reset-password', language);
      await labelled(page, text(language, 'account:passwords.new')).fill(NEW_PASSWORD);
      await labelled(page, text(language, 'account:passwords.confirmation')).fill('not the same one');
      await activate(page, page.getByRole('button', { name: text(language, 'account:passwords.reset.submit') }));
      await page.getByText(text(language, 'account:passwords.mismatch')).waitFor();
      await labelled(page, text(language, 'account:passwords.confirmation')).fill(NEW_PASSWORD);
      await activate(page, page.getByRole('button', { name: text(language, 'account:passwords.reset.submit') }));
      await page
        .getByRole('status')
        .filter({ hasText: text(language, 'account:passwords.reset.doneTitle') })
        .waitFor();

      await signIn(page, user.email, NEW_PASSWORD);
    },
    JOURNEY_TIMEOUT_MS,
  );

  it.each(LANGUAGES)('a signed-in user changes the password (%s)', async (language: Language) => {
    const user = await createStaff(platform.api, 'evaluator');
    const page = await signedInVisitor(browser, platform.baseUrl, language, user);
    await activate(page, page.getByRole('link', { name: text(language, 'nav.password'), exact: true }));
    await expectTitle(page, text(language, 'account:passwords.change.title'));
    await labelled(page, text(language, 'account:passwords.current')).fill('not my password');
    await labelled(page, text(language, 'account:passwords.new')).fill(NEW_PASSWORD);
    await labelled(page, text(language, 'account:passwords.confirmation')).fill(NEW_PASSWORD);
    await activate(page, page.getByRole('button', { name: text(language, 'account:passwords.change.submit') }));
    await page
      .getByRole('alert')
      .filter({ hasText: text(language, 'problems.WRONG_PASSWORD') })
      .waitFor();
    await checkPage(page, SUITE, 'change-password', language);
    await labelled(page, text(language, 'account:passwords.current')).fill(PASSWORD);
    await activate(page, page.getByRole('button', { name: text(language, 'account:passwords.change.submit') }));
    await page
      .getByRole('status')
      .filter({ hasText: text(language, 'account:passwords.change.doneTitle') })
      .waitFor();
    const login = await platform.api.post('/api/v1/auth/login', {
      body: { email: user.email, password: NEW_PASSWORD },
    });
    expect(login.status).toBe(200);
  });
});
