import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { accountLinkFragment } from '../support/account-links';
import { sql } from '../support/applications';
import { withEnv } from '../support/async';
import {
  JOURNEY_TIMEOUT_MS,
  journeyLanguages,
  WEB_BUILD,
  checkPage,
  launchBrowser,
  newVisitor,
  text,
} from '../support/browser';
import { createStaff } from '../support/fixtures';
import { OidcProviderProcess } from '../support/oidc-provider-server';
import { freePort } from '../support/redis-server';
import { TestApi } from '../support/test-app';

/**
 * Issue 12, single sign-on in the browser: the sign-in page offers "Sign in with <provider>" when
 * the platform has a provider, which signs a new visitor in through the provider's own pages (a
 * real oidc-provider process) and back; a refused attempt is told in the reader's language. An
 * invitation's page offers it too, and signing in there with the invited address accepts.
 */

const SUITE = 'sign-in-sso';
const PROVIDER_NAME = 'Alliance Identity';

const LANGUAGES = journeyLanguages('fr');

describe('sign-in with single sign-on', () => {
  let provider: OidcProviderProcess;
  let api: TestApi;
  let baseUrl: string;
  let browser: Browser;

  beforeAll(async () => {
    const port = await freePort();
    const redirectUri = `http://127.0.0.1:${port}/api/v1/auth/sso/callback`;
    const client = { clientId: 'selection-platform', clientSecret: 'platform-client-secret' };
    provider = await OidcProviderProcess.start({ redirectUri, clients: [client], otherAudience: client.clientId });
    api = await withEnv(
      {
        OIDC_ISSUER_URL: provider.issuer,
        OIDC_CLIENT_ID: client.clientId,
        OIDC_CLIENT_SECRET: client.clientSecret,
        OIDC_REDIRECT_URL: redirectUri,
        OIDC_DISPLAY_NAME: PROVIDER_NAME,
      },
      () => TestApi.start({ webRoot: WEB_BUILD }),
    );
    baseUrl = await api.listen(port);
    browser = await launchBrowser();
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await api?.close();
    await provider?.stop();
  });

  it.each(LANGUAGES)(
    'signs a new visitor in through the provider (%s)',
    async (language) => {
      const login = `sso-browser-${randomUUID()}`;
      const email = `${login}@test.example`;
      await provider.addAccount(login, { email, email_verified: true, name: `Visitor ${language}` });
      const page = await newVisitor(browser, baseUrl, language);
      await page.goto('/sign-in');
      const button = page.getByRole('link', {
        name: text(language, 'account:signIn.sso', { provider: PROVIDER_NAME }),
      });
      await button.waitFor();
      await checkPage(page, SUITE, 'sign-in', language);

      await button.click();
      await throughProvider(page, login);

      // Back in the app, signed in as the new applicant, on the applicant's home page.
      await page.waitForURL((url) => url.pathname === '/applicant/applications');
      expect(await page.getByTestId('signed-in-as').textContent()).toContain(`Visitor ${language}`);
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  /** Signs in on the provider's own pages and consents. */
  async function throughProvider(page: Page, login: string): Promise<void> {
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password');
    await page.locator('button[type="submit"]').click();
    await page.locator('form input[name="prompt"][value="consent"]').waitFor({ state: 'attached' });
    await page.locator('button[type="submit"]').click();
  }

  it.each(LANGUAGES)(
    'accepts an invitation through the provider from the invitation page (%s)',
    async (language) => {
      const secretariat = await createStaff(api, 'secretariat');
      const login = `sso-invited-${randomUUID()}`;
      const email = `${login}@test.example`;
      const invited = await api.post('/api/v1/invitations', {
        token: secretariat.token,
        body: { email, displayName: `Invited ${language}`, role: 'evaluator', locale: language },
      });
      expect(invited.status).toBe(201);
      await provider.addAccount(login, { email, email_verified: true, name: `Invited ${language}` });

      const page = await newVisitor(browser, baseUrl, language);
      await page.goto(`/accept-invitation${await accountLinkFragment(api, invited.body.id, 'invitation')}`);
      const button = page.getByRole('link', {
        name: text(language, 'account:signIn.sso', { provider: PROVIDER_NAME }),
      });
      await button.waitFor();
      await checkPage(page, SUITE, 'accept-invitation', language);
      await button.click();
      await throughProvider(page, login);

      await page.waitForURL((url) => url.pathname.startsWith('/evaluator'));
      expect(await page.getByTestId('signed-in-as').textContent()).toContain(`Invited ${language}`);
      const [account] = await sql<{ active: boolean; invited: boolean }>(
        api,
        'SELECT active, invited FROM users WHERE id = $1',
        [invited.body.id],
      );
      expect(account).toEqual({ active: true, invited: false });
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it.each(LANGUAGES)(
    'tells why an attempt was refused (%s)',
    async (language) => {
      const page = await newVisitor(browser, baseUrl, language);
      await page.goto('/sign-in?ssoError=SSO_EMAIL_UNVERIFIED');
      await page.getByRole('alert').getByText(text(language, 'problems.SSO_EMAIL_UNVERIFIED')).waitFor();
      await checkPage(page, SUITE, 'sign-in-refused', language);

      // A spent or unknown code on the way back is refused too, with the way back to the sign-in page.
      await page.goto('/sso/complete#code=not-a-code');
      await page.getByRole('alert').getByText(text(language, 'problems.SSO_CODE_INVALID')).waitFor();
      expect(new URL(page.url()).hash).toBe('');
      await page.getByRole('link', { name: text(language, 'account:ssoComplete.again') }).waitFor();
      await checkPage(page, SUITE, 'complete-refused', language);
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});
