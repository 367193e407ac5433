import type { Browser, Page } from 'playwright-core';
import { sql } from '../support/applications';
import {
  journeyLanguages,
  type Language,
  WebPlatform,
  activate,
  checkPage,
  checkWidths,
  launchBrowser,
  signedInVisitor,
  text,
  textsOf,
  JOURNEY_TIMEOUT_MS,
} from '../support/browser';
import { secretariatOf } from '../support/evaluation-fixtures';
import { Actor, PASSWORD, createStaff } from '../support/fixtures';

/**
 * People management and sessions in the browser: the secretariat finds a person, deactivates and
 * reactivates the account with a reason, changes a role and reads the account's history; a user
 * lists its sessions and ends one, then all the others. In English; each page and
 * dialog checked by axe-core and photographed.
 */

const SUITE = 'people-and-sessions';
/** People listed on a page of the secretariat's list. */
const PEOPLE_PAGE = 25;

const LANGUAGES = journeyLanguages('en');

describe('people and sessions in the browser', () => {
  let platform: WebPlatform;
  let browser: Browser;
  let secretariat: Actor;

  beforeAll(async () => {
    platform = await WebPlatform.start();
    browser = await launchBrowser();
    secretariat = await secretariatOf(platform.api);
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  async function expectTitle(page: Page, title: string): Promise<void> {
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
  }

  const accountOf = async (id: string) =>
    (
      await sql<{ role: string; active: boolean }>(platform.api, 'SELECT role, active FROM users WHERE id = $1', [id])
    )[0];

  it.each(LANGUAGES)(
    'the secretariat deactivates, reactivates and moves a person, with reasons kept in the history (%s)',
    async (language: Language) => {
      const t = textsOf(language, 'secretariat');
      const person = await createStaff(platform.api, 'evaluator');
      const name = 'Test evaluator';
      const page = await signedInVisitor(browser, platform.baseUrl, language, secretariat);
      await activate(page, page.getByRole('link', { name: t('nav.people'), exact: true }));
      await expectTitle(page, t('people.title'));
      await page.getByRole('searchbox', { name: t('people.search') }).fill(person.email);
      const row = page.getByRole('row').filter({ hasText: person.email });
      await row.waitFor();
      await page.getByTestId('person-row').nth(1).waitFor({ state: 'detached' });
      await checkPage(page, SUITE, 'people', language);

      await activate(page, row.getByRole('button', { name: t('people.deactivateOf', { name }) }));
      const deactivate = page.getByRole('dialog', { name: t('people.deactivateTitle', { name }) });
      await activate(page, deactivate.getByRole('button', { name: t('people.deactivateConfirm') }));
      await deactivate.getByText(text(language, 'dialog.reasonTooShort_other', { count: 3 })).waitFor();
      expect((await accountOf(person.id)).active).toBe(true);
      await deactivate.getByRole('textbox', { name: t('people.reason') }).fill(`Left the network (${language})`);
      await checkPage(page, SUITE, 'people-deactivate', language);
      await activate(page, deactivate.getByRole('button', { name: t('people.deactivateConfirm') }));
      await row.getByText(t('people.inactive'), { exact: true }).waitFor();
      expect(await accountOf(person.id)).toEqual({ role: 'evaluator', active: false });

      await activate(page, row.getByRole('button', { name: t('people.reactivateOf', { name }) }));
      const reactivate = page.getByRole('dialog', { name: t('people.reactivateTitle', { name }) });
      await reactivate.getByRole('textbox', { name: t('people.reason') }).fill(`Back for the next call (${language})`);
      await activate(page, reactivate.getByRole('button', { name: t('people.reactivateConfirm') }));
      await row.getByText(t('people.active'), { exact: true }).waitFor();

      await activate(page, row.getByRole('button', { name: t('people.changeRoleOf', { name }) }));
      const roleDialog = page.getByRole('dialog', { name: t('people.changeRoleTitle', { name }) });
      await roleDialog
        .getByRole('combobox', { name: t('people.newRole') })
        .selectOption({ label: text(language, 'roles.secretariat') });
      await roleDialog.getByRole('textbox', { name: t('people.reason') }).fill(`Joins the secretariat (${language})`);
      await checkPage(page, SUITE, 'people-role', language);
      await activate(page, roleDialog.getByRole('button', { name: t('people.changeRoleConfirm') }));
      await row.getByText(text(language, 'roles.secretariat'), { exact: true }).waitFor();
      expect(await accountOf(person.id)).toEqual({ role: 'secretariat', active: true });

      await activate(page, row.getByRole('link', { name: t('people.historyOf', { name }) }));
      const history = page.getByRole('dialog', { name: t('people.historyTitle', { name }) });
      await history.getByText(`Joins the secretariat (${language})`).waitFor();
      await history.getByText(`Left the network (${language})`).waitFor();
      expect(await history.getByTestId('history-row').count()).toBe(3);
      await checkPage(page, SUITE, 'people-history', language);
    },
    JOURNEY_TIMEOUT_MS,
  );

  it.each(LANGUAGES)(
    'the secretariat pages through people, the filter and the order kept (%s)',
    async (language: Language) => {
      const t = textsOf(language, 'secretariat');
      await Promise.all(Array.from({ length: PEOPLE_PAGE + 1 }, () => createStaff(platform.api, 'evaluator')));
      const listed = await platform.api.get(
        `/api/v1/users?role=evaluator&sort=-email&limit=${PEOPLE_PAGE}&offset=${PEOPLE_PAGE}`,
        {
          token: secretariat.token,
        },
      );
      const { items, total } = listed.body as { items: Array<{ email: string }>; total: number };
      const page = await signedInVisitor(browser, platform.baseUrl, language, secretariat);
      await page.goto('/secretariat/people?role=evaluator&sort=-email');
      await expectTitle(page, t('people.title'));
      const pager = page.getByRole('navigation', { name: t('people.pages') });
      const pages = Math.ceil(total / PEOPLE_PAGE);
      await pager.getByText(text(language, 'pager.page', { page: 1, pages })).waitFor();
      expect(await pager.getByRole('link', { name: text(language, 'pager.previous') }).count()).toBe(0);

      await activate(page, pager.getByRole('link', { name: text(language, 'pager.next') }));
      await pager.getByText(text(language, 'pager.page', { page: 2, pages })).waitFor();
      expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({
        role: 'evaluator',
        sort: '-email',
        offset: String(PEOPLE_PAGE),
      });
      await page.getByTestId('person-row').first().filter({ hasText: items[0].email }).waitFor();
      await checkWidths(page, SUITE, 'people-page-2', language);

      await activate(page, pager.getByRole('link', { name: text(language, 'pager.previous') }));
      await pager.getByText(text(language, 'pager.page', { page: 1, pages })).waitFor();
      expect(new URL(page.url()).searchParams.has('offset')).toBe(false);
    },
    JOURNEY_TIMEOUT_MS,
  );

  it.each(LANGUAGES)(
    'a user ends one session, then all the others (%s)',
    async (language: Language) => {
      const user = await createStaff(platform.api, 'evaluator');
      const signInElsewhere = async (device: string) => {
        const res = await platform.api.post('/api/v1/auth/login', {
          body: { email: user.email, password: PASSWORD },
          headers: { 'User-Agent': device },
        });
        expect(res.status).toBe(200);
      };
      const liveSessions = async () =>
        (
          await sql<{ n: number }>(
            platform.api,
            'SELECT count(DISTINCT family_id)::int AS n FROM refresh_tokens WHERE user_id = $1 AND revoked_at IS NULL',
            [user.id],
          )
        )[0].n;
      const page = await signedInVisitor(browser, platform.baseUrl, language, user);
      await signInElsewhere('Phone in the field');
      await activate(page, page.getByRole('link', { name: text(language, 'nav.sessions'), exact: true }));
      await expectTitle(page, text(language, 'sessions.title'));
      const phone = page.getByTestId('session-row').filter({ hasText: 'Phone in the field' });
      await phone.waitFor();
      await page
        .getByTestId('session-row')
        .filter({ hasText: text(language, 'sessions.current') })
        .waitFor();
      await checkPage(page, SUITE, 'sessions', language);

      await activate(
        page,
        phone.getByRole('button', { name: text(language, 'sessions.revokeOf', { device: 'Phone in the field' }) }),
      );
      const dialog = page.getByRole('dialog', { name: text(language, 'sessions.revokeTitle') });
      await activate(page, dialog.getByRole('button', { name: text(language, 'sessions.revokeConfirm') }));
      await phone.waitFor({ state: 'detached' });
      expect(await liveSessions()).toBe(2);

      await signInElsewhere('Tablet at home');
      await page.reload();
      await page.getByTestId('session-row').filter({ hasText: 'Tablet at home' }).waitFor();
      await activate(page, page.getByRole('button', { name: text(language, 'sessions.revokeOthers') }));
      const all = page.getByRole('dialog', { name: text(language, 'sessions.revokeOthersTitle') });
      await activate(page, all.getByRole('button', { name: text(language, 'sessions.revokeOthersConfirm') }));
      await page.getByTestId('session-row').nth(1).waitFor({ state: 'detached' });
      expect(await liveSessions()).toBe(1);
      await page
        .getByTestId('session-row')
        .filter({ hasText: text(language, 'sessions.current') })
        .waitFor();
    },
    JOURNEY_TIMEOUT_MS,
  );
});
