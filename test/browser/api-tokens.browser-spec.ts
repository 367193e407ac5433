import type { Browser, Page } from 'playwright-core';
import {
  JOURNEY_TIMEOUT_MS,
  journeyLanguages,
  WebPlatform,
  activate,
  checkPage,
  launchBrowser,
  signedInVisitor,
  text,
} from '../support/browser';
import { Actor, createStaff } from '../support/fixtures';

/**
 * A secretariat member's API tokens: none at first; one created with a name, a lifetime and the
 * calls scope, its secret shown once and copied, then used by an integration (the list shows when);
 * revoked after confirming, and refused from then on. In French; each state of the
 * page checked by axe-core and photographed.
 */

const SUITE = 'api-tokens';

const LANGUAGES = journeyLanguages('fr');

describe('a secretariat member manages API tokens', () => {
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
    'creates a token, sees its secret once, and revokes it (%s)',
    async (language) => {
      const t = (key: string, values?: Record<string, string | number>) => text(language, key, values);
      const member: Actor = await createStaff(platform.api, 'secretariat');
      const page = await signedInVisitor(browser, platform.baseUrl, language, member);
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: platform.baseUrl });

      await activate(page, page.getByRole('link', { name: t('nav.apiTokens'), exact: true }));
      await expectTitle(page, t('account:apiTokens.title'));
      await page.getByText(t('account:apiTokens.none')).waitFor();
      await checkPage(page, SUITE, 'empty', language);

      // Created with a name, 30 days and the calls scope beside reading.
      const name = `Grants CRM (${language})`;
      await page.getByLabel(t('account:apiTokens.name')).fill(name);
      await page.getByLabel(t('account:apiTokens.lifetime')).selectOption('30');
      await page.getByRole('checkbox', { name: t('account:apiTokens.scope.callsWrite') }).check();
      await activate(page, page.getByRole('button', { name: t('account:apiTokens.create') }));
      await page.getByText(t('account:apiTokens.createdTitle', { name })).waitFor();
      const secret = (await page.getByTestId('api-token-secret').textContent())!.trim();
      expect(secret).toMatch(/^bdt_pat_[A-Za-z0-9_-]{43}$/);
      await activate(page, page.getByRole('button', { name: t('account:apiTokens.copy') }));
      await page.getByRole('button', { name: t('account:apiTokens.copied') }).waitFor();
      expect(await page.evaluate('navigator.clipboard.readText()')).toBe(secret);
      const row = page.getByRole('row').filter({ hasText: name });
      await row.getByText(t('account:apiTokens.state.active')).waitFor();
      await row.getByText(t('account:apiTokens.neverUsed')).waitFor();
      await checkPage(page, SUITE, 'created', language);

      // An integration reads with it; the page, reloaded, shows that use and no longer the secret.
      expect((await platform.api.get('/api/v1/calls', { token: secret })).status).toBe(200);
      await page.reload();
      await expectTitle(page, t('account:apiTokens.title'));
      await row.waitFor();
      expect(await row.getByText(t('account:apiTokens.neverUsed')).count()).toBe(0);
      expect(await page.getByTestId('api-token-secret').count()).toBe(0);
      expect(await page.content()).not.toContain(secret.slice(14));

      // Revoked after confirming: refused at once.
      await activate(page, row.getByRole('button', { name: t('account:apiTokens.revoke') }));
      const dialog = page.getByRole('dialog', { name: t('account:apiTokens.revokeTitle', { name }) });
      await dialog.getByText(t('account:apiTokens.revokeExplanation')).waitFor();
      await checkPage(page, SUITE, 'revoke-dialog', language);
      await activate(page, dialog.getByRole('button', { name: t('account:apiTokens.revokeConfirm') }));
      await row.getByText(t('account:apiTokens.state.revoked')).waitFor();
      expect(await row.getByRole('button', { name: t('account:apiTokens.revoke') }).count()).toBe(0);
      expect((await platform.api.get('/api/v1/calls', { token: secret })).status).toBe(401);
      await checkPage(page, SUITE, 'revoked', language);
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );

  it('is not offered to an evaluator', async () => {
    const evaluator = await createStaff(platform.api, 'evaluator');
    const page = await signedInVisitor(browser, platform.baseUrl, 'en', evaluator);
    await page.getByRole('link', { name: text('en', 'nav.notifications'), exact: true }).waitFor();
    expect(await page.getByRole('link', { name: text('en', 'nav.apiTokens'), exact: true }).count()).toBe(0);
    await page.context().close();
  });
});

async function expectTitle(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}
