import type { Browser, FileChooser, Locator, Page } from 'playwright-core';
import {
  type Language,
  journeyLanguages,
  WebPlatform,
  checkPage,
  checkWidths,
  launchBrowser,
  newVisitor,
  pressOn,
  tabTo,
  text,
  typeInto,
  JOURNEY_TIMEOUT_MS,
} from '../support/browser';
import { accountLanguage } from '../../apps/web/src/i18n/api-languages';
import { secretariatOf } from '../support/evaluation-fixtures';
import { PASSWORD, SAMPLE_PDF, createCall, login, uniqueEmail } from '../support/fixtures';

/**
 * Issue 6, applicant part, done with the keyboard only (Tab, typing, Enter, Space, arrows): sign
 * up in the language chosen in the header, register the organisation, fill the form rendered from
 * the call's questions while it saves itself, survive a version conflict without losing a word,
 * submit too early (errors linked to their fields), upload a PDF with progress, go on typing
 * around another upload without the page taking its own upload for a conflict, submit, see the
 * status. In French, and in Arabic (right to left); every page checked by axe-core and photographed,
 * the documents' page at a desktop's and a phone's width without sideways scrolling.
 */

const SUITE = 'applicant';
const QUESTIONS = [
  { key: 'programme', label: 'Describe your programme', type: 'longtext', required: true, maxLength: 2000 },
  { key: 'startups_per_year', label: 'Start-ups supported per year', type: 'number', required: false },
  {
    key: 'stage',
    label: 'Stage of your programme',
    type: 'choice',
    required: true,
    options: ['idea', 'growth', 'scale'],
  },
  { key: 'website', label: 'Programme website', type: 'url', required: false },
];
/** About 2 MiB, so that a throttled upload shows its progress; a PDF by its magic bytes. */
const LARGE_PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.alloc(2 * 1024 * 1024, 0x20),
  Buffer.from('\n%%EOF\n'),
]);

const LANGUAGES = journeyLanguages('fr', 'ar');

describe('an applicant applies, with the keyboard only', () => {
  let platform: WebPlatform;
  let browser: Browser;
  let call: { id: string; title: string };

  beforeAll(async () => {
    platform = await WebPlatform.start();
    browser = await launchBrowser();
    const secretariat = await secretariatOf(platform.api);
    const title = 'Call for accelerator centres — keyboard journey';
    const created = await createCall(platform.api, secretariat.token, {
      title,
      questions: QUESTIONS,
      eligibility: { requiredDocuments: ['statutes'] },
      closesAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    });
    call = { id: created.id, title };
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it.each(LANGUAGES)(
    'from sign-up to a submitted application (%s)',
    async (language) => {
      // The browser prefers the other language; the applicant switches in the header.
      const page = await newVisitor(browser, platform.baseUrl, language === 'fr' ? 'en' : 'fr');
      const t = (key: string, values?: Record<string, string | number>) => text(language, key, values);
      await page.goto('/');
      await pressOn(page, page.locator(`header button[lang="${language}"]`));
      await page.locator(`html[lang="${language}"]`).waitFor({ state: 'attached' });

      await pressOn(page, page.getByRole('link', { name: call.title }).first());
      await pressOn(page, page.getByRole('link', { name: t('public:call.apply') }));
      await expectTitle(page, t('account:signIn.title'));
      await checkPage(page, SUITE, 'sign-in', language);
      await pressOn(page, page.getByRole('link', { name: t('account:signIn.register') }));

      const email = uniqueEmail(`journey-${language}`);
      await expectTitle(page, t('applicant:register.title'));
      await checkPage(page, SUITE, 'register', language);
      await typeInto(page, page.getByLabel(t('applicant:register.displayName')), 'Amina Diallo');
      await typeInto(page, page.getByLabel(t('fields.email')), email);
      await typeInto(page, page.locator('input[type="password"]').and(page.getByLabel(t('fields.password'))), PASSWORD);
      await page.keyboard.press('Enter');

      await expectTitle(page, t('applicant:organisation.title'));
      await checkPage(page, SUITE, 'organisation', language);
      await typeInto(page, page.getByLabel(t('applicant:organisation.name')), `Nairobi Hub ${language}`);
      await chooseByTyping(page, page.getByLabel(t('applicant:organisation.country')), countryName('KE', language));
      await chooseByTyping(page, page.getByLabel(t('applicant:organisation.type')), t('organisationTypes.incubator'));
      await typeInto(page, page.getByLabel(t('applicant:organisation.city')), 'Nairobi');
      await page.keyboard.press('Enter');

      await expectTitle(page, t('applicant:apply.title', { call: call.title }));
      await checkPage(page, SUITE, 'apply', language);
      await pressOn(page, page.getByRole('button', { name: t('applicant:apply.start') }));

      await expectTitle(page, call.title);
      const programme = page.getByLabel('Describe your programme');
      const first = 'A six-month programme for digital start-ups.';
      await typeInto(page, programme, first);
      await savedState(page, 'saved');
      await page.getByText(t('applicant:form.characters', { count: first.length, max: 2000 })).waitFor();
      await checkPage(page, SUITE, 'application-draft', language);

      // The same draft saved in another window: the next autosave meets 412 VERSION_CONFLICT.
      await saveElsewhere(platform, email, page, 'Written in another window.');
      await tabTo(page, programme);
      await page.keyboard.press('End');
      await page.keyboard.type(' Mentors in residence.');
      const dialog = page.getByRole('dialog', { name: t('applicant:conflict.title') });
      await dialog.waitFor();
      expect(await programme.inputValue()).toBe(`${first} Mentors in residence.`);
      await checkPage(page, SUITE, 'version-conflict', language);
      await pressOn(page, dialog.getByRole('button', { name: t('applicant:conflict.keepMine') }), 'Space');
      await savedState(page, 'saved');
      expect((await readApplication(platform, email, page)).answers.programme).toBe(`${first} Mentors in residence.`);

      // Too early: the required choice and the required document are missing.
      await pressOn(page, page.getByRole('button', { name: t('applicant:submit.button') }));
      const summary = page.getByRole('alert').filter({ hasText: t('applicant:submit.incomplete') });
      await summary.waitFor();
      const missingDocument = t('applicant:submit.missingDocument', { kind: t('documentKinds.statutes') });
      expect(await summary.getByRole('link').allTextContents()).toEqual(['Stage of your programme', missingDocument]);
      await checkPage(page, SUITE, 'submission-errors', language);

      await tabTo(page, page.getByRole('radio', { name: 'idea' }));
      await page.keyboard.press('ArrowDown');
      expect(await page.getByRole('radio', { name: 'growth' }).isChecked()).toBe(true);

      await uploadWithProgress(page, t);
      await savedState(page, 'saved');

      // Typing just before and just after another upload: the upload changed the draft's version,
      // not its answers, so the next save is no conflict with this very page.
      const website = page.getByLabel('Programme website');
      await typeInto(page, website, 'https://hub.example');
      await uploadSmall(page, t, 'letter.pdf');
      await tabTo(page, website);
      await page.keyboard.press('End');
      await page.keyboard.type('/programme');
      expect(await settledSaveState(page)).toBe('saved');
      expect((await readApplication(platform, email, page)).answers.website).toBe('https://hub.example/programme');
      // Its size in bytes, in the plural the number calls for.
      const size = new Intl.NumberFormat(language, { style: 'unit', unit: 'byte', unitDisplay: 'long' });
      const bytes = new RegExp(`^${escapeRegExp(size.format(SAMPLE_PDF.length)).replace(/\s/g, '\\s')}$`);
      await page
        .getByRole('row', { name: /letter\.pdf/ })
        .getByRole('cell', { name: bytes })
        .waitFor();
      await checkWidths(page, SUITE, 'application-documents', language);
      await pressOn(page, page.getByRole('button', { name: t('applicant:submit.button') }));
      await page.getByText(t('applicant:status.submitted'), { exact: true }).waitFor();
      await page.getByText(t('applicant:eligibility.eligible')).waitFor();
      await checkPage(page, SUITE, 'application-submitted', language);

      await pressOn(page, page.getByRole('link', { name: t('applicant:nav.applications') }));
      await expectTitle(page, t('applicant:applications.title'));
      await checkPage(page, SUITE, 'my-applications', language);
      await pressOn(page, page.getByRole('link', { name: t('nav.notifications') }));
      await expectTitle(page, t('account:inbox.title'));
      await checkPage(page, SUITE, 'notifications', language);

      const token = await login(platform.api, email);
      // The account keeps the language, once the API has it for accounts (English until then).
      expect((await platform.api.get('/api/v1/me', { token })).body.locale).toBe(accountLanguage(language));
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});

async function expectTitle(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The country's name as the form lists it in the language: the API's in English and French, else Intl's. */
function countryName(code: string, language: Language): string {
  if (language === 'en' || language === 'fr') return 'Kenya';
  return new Intl.DisplayNames([language], { type: 'region' }).of(code) ?? code;
}

/**
 * Chooses an option of a select by typing the start of its label, as a keyboard user does. The
 * keyboard sends key presses for a US keyboard's characters only (others arrive as text input,
 * which a closed select ignores): a label in another script is chosen with the arrow keys instead.
 */
async function chooseByTyping(page: Page, select: Locator, label: string): Promise<void> {
  await tabTo(page, select);
  if (/^[\x20-\x7e]+$/.test(label)) {
    await page.keyboard.type(label.slice(0, 4));
  } else {
    const labels = await select.locator('option').allTextContents();
    const steps = labels.indexOf(label) - labels.indexOf(await select.locator('option:checked').innerText());
    expect(labels).toContain(label);
    for (let i = 0; i < Math.abs(steps); i++) await page.keyboard.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
  }
  expect(await select.locator('option:checked').innerText()).toBe(label);
}

async function savedState(page: Page, status: string): Promise<void> {
  await page.locator(`[data-save-status="${status}"]`).waitFor();
}

async function readApplication(platform: WebPlatform, email: string, page: Page) {
  const id = new URL(page.url()).pathname.split('/').pop() ?? '';
  const token = await login(platform.api, email);
  const res = await platform.api.get(`/api/v1/applications/${id}`, { token });
  return res.body as { id: string; version: number; answers: Record<string, unknown> };
}

async function saveElsewhere(platform: WebPlatform, email: string, page: Page, programme: string): Promise<void> {
  const application = await readApplication(platform, email, page);
  const token = await login(platform.api, email);
  const res = await platform.api.patch(`/api/v1/applications/${application.id}`, {
    token,
    headers: { 'If-Match': `"${application.version}"` },
    body: { answers: { programme } },
  });
  expect(res.status).toBe(200);
}

/** The save state once the latest save is answered: saved, or refused as a conflict. */
async function settledSaveState(page: Page): Promise<string | null> {
  const settled = page.locator('[data-save-status="saved"], [data-save-status="conflict"]');
  await settled.waitFor();
  return settled.getAttribute('data-save-status');
}

/** Attaches a small PDF as the kind already chosen, with the keyboard, and waits until it is listed. */
async function uploadSmall(page: Page, t: (key: string, values?: Record<string, string>) => string, name: string) {
  await tabTo(page, page.locator('#document-file'));
  const chooser = await openFileChooser(page);
  await chooser.setFiles({ name, mimeType: 'application/pdf', buffer: SAMPLE_PDF });
  await pressOn(page, page.getByRole('button', { name: t('applicant:upload.button') }));
  await page.getByText(t('applicant:upload.done', { name })).waitFor();
  await page.getByRole('cell', { name, exact: true }).waitFor();
}

/** Chooses the file with Space on the file field, uploads it on a throttled link and sees it progress. */
async function uploadWithProgress(page: Page, t: (key: string) => string): Promise<void> {
  await tabTo(page, page.getByLabel(t('applicant:upload.kind')));
  expect(await page.getByLabel(t('applicant:upload.kind')).inputValue()).toBe('statutes');
  await tabTo(page, page.locator('#document-file'));
  const chooser = await openFileChooser(page);
  await chooser.setFiles({ name: 'statutes.pdf', mimeType: 'application/pdf', buffer: LARGE_PDF });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: 1024 * 1024,
  });
  await pressOn(page, page.getByRole('button', { name: t('applicant:upload.button') }));
  const progress = page.getByRole('progressbar', { name: t('applicant:upload.progress') });
  await progress.waitFor();
  await page.getByText(t('applicant:upload.done').replace('{{name}}', 'statutes.pdf')).waitFor({ timeout: 30_000 });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: -1,
  });
  await page.getByRole('cell', { name: 'statutes.pdf', exact: true }).waitFor();
}

/**
 * Space on the focused file field opens the browser's file chooser. Headless Chromium now and then
 * drops that first activation (seen once in a few dozen runs), so the key is pressed again then.
 */
async function openFileChooser(page: Page): Promise<FileChooser> {
  for (let attempt = 0; attempt < 3; attempt++) {
    const chooser = page.waitForEvent('filechooser', { timeout: 5000 }).catch(() => null);
    await page.keyboard.press('Space');
    const opened = await chooser;
    if (opened) return opened;
  }
  throw new Error('Space on the file field opened no file chooser');
}
