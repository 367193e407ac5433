import type { Browser, Locator, Page } from 'playwright-core';
import { uploadDocument } from '../support/applications';
import {
  LANGUAGES,
  type Language,
  WebPlatform,
  checkPage,
  launchBrowser,
  pressOn,
  signedInVisitor,
  tabTo,
  text,
  textsOf,
  typeInto,
  JOURNEY_TIMEOUT_MS,
} from '../support/browser';
import {
  assignmentId,
  createApplicantsFrom,
  createEvaluators,
  evaluate,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';
import { Actor, Applicant, SAMPLE_PDF, createCall } from '../support/fixtures';

/**
 * Issue 6, evaluator part, done with the keyboard only: the assignments of a call with their
 * progress, a conflict of interest declared on one, another one scored criterion by criterion
 * while the draft saves itself (and survives a reload), a submission refused for a missing score
 * (shown on that criterion), then accepted, then the colleagues' scores; the last one declined.
 * In English and in French; every main page checked by axe-core and photographed.
 */

const SUITE = 'evaluator';
/** Scale 1–5, so that the total's "− min" matters; weights that do not add up to 1. */
const CALL = {
  scoring: { scaleMin: 1, scaleMax: 5, normalization: 'none' },
  criteria: [
    { code: 'IMPACT', title: 'Impact', description: 'Reach of the programme among start-ups.', weight: 5 },
    { code: 'CAPACITY', title: 'Capacity', description: 'Team, funding and facilities.', weight: 3 },
    { code: 'NETWORK', title: 'Network', description: 'Partners in the region and beyond.', weight: 2 },
  ],
};
const ORGANISATIONS = ['Lagos Tech Hub', 'Nairobi Innovation Centre', 'Dakar Digital Lab'];
const [CONFLICTED, SCORED, DECLINED] = ORGANISATIONS;

interface Round {
  callId: string;
  applicationIds: string[];
  evaluator: Actor;
  colleague: Actor;
}

describe('an evaluator scores applications, with the keyboard only', () => {
  let platform: WebPlatform;
  let browser: Browser;
  let applicants: Applicant[];
  const rounds = new Map<Language, Round>();

  beforeAll(async () => {
    platform = await WebPlatform.start();
    browser = await launchBrowser();
    applicants = await createApplicantsFrom(
      platform.api,
      ORGANISATIONS.map((organisationName, i) => ({ organisationName, countryCode: ['NG', 'KE', 'SN'][i]! })),
    );
    const [evaluatorEn, evaluatorFr, colleague] = await createEvaluators(platform.api, [
      { countryCode: 'DE' },
      { countryCode: 'CA' },
      { countryCode: 'JP' },
    ]);
    for (const [language, evaluator] of [
      ['en', evaluatorEn],
      ['fr', evaluatorFr],
    ] as const) {
      rounds.set(language, await seedRound(platform, applicants, evaluator!, colleague!));
    }
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it.each(LANGUAGES)(
    'from the assignments to the colleagues’ scores (%s)',
    async (language) => {
      const round = rounds.get(language)!;
      const t = textsOf(language, 'evaluator');
      const number = (value: number) => value.toLocaleString(language, { minimumFractionDigits: 1 });
      const page = await signedInVisitor(browser, platform.baseUrl, language, round.evaluator);

      await expectTitle(page, t('assignments.title'));
      await page.getByText(t('assignments.progress', { submitted: 0, total: 3 })).waitFor();
      await checkPage(page, SUITE, 'assignments', language);

      // A conflict with the first applicant, declared from the list.
      const row = page.getByRole('row', { name: new RegExp(CONFLICTED) });
      await pressOn(page, row.getByRole('button', { name: t('conflict.button') }));
      const conflict = page.getByRole('dialog', { name: t('conflict.title', { organisation: CONFLICTED }) });
      await conflict.waitFor();
      await page.keyboard.type('I advised this centre on its programme last year.');
      await checkPage(page, SUITE, 'conflict-dialog', language);
      await pressOn(page, conflict.getByRole('button', { name: t('conflict.confirm') }));
      await page
        .getByRole('status')
        .filter({ hasText: t('notices.conflictReleased.title') })
        .waitFor();
      await page.getByText(t('assignments.progress', { submitted: 0, total: 2 })).waitFor();
      expect(await page.getByRole('row', { name: new RegExp(CONFLICTED) }).count()).toBe(0);
      expect(await conflictsOf(platform, round)).toEqual([
        { evaluatorId: round.evaluator.id, applicationId: round.applicationIds[0], source: 'declared' },
      ]);

      // The next one to evaluate, scored with the keyboard.
      await pressOn(page, page.getByRole('link', { name: t('assignments.startNext', { organisation: SCORED }) }));
      await expectTitle(page, SCORED);
      await page.getByText('Reach of the programme among start-ups.').waitFor();
      await page.getByText(t('criterion.weight', { share: percent(50, language) })).waitFor();
      await page.getByText(t('peers.hidden')).waitFor();
      await expectDownload(page, text(language, 'documents.downloadNamed', { name: 'business-plan.pdf' }));

      await typeInto(page, scoreField(page, t, 'Impact'), '4');
      await typeInto(page, commentField(page, t, 'Impact'), 'Reaches rural start-ups.');
      await typeInto(page, scoreField(page, t, 'Capacity'), '3');
      await typeInto(page, page.getByLabel(t('evaluation.overallComment')), 'A solid regional centre.');
      // 100 · (5·(4−1)/4 + 3·(3−1)/4) / 10: Network is not scored yet.
      await page.getByText(t('total.partial', { points: number(52.5) })).waitFor();
      await savedDraft(page, t);
      await checkPage(page, SUITE, 'assignment-draft', language);

      // What this browser kept is forgotten: the reloaded form comes from the API.
      await page.evaluate(
        "Object.keys(localStorage).filter((k) => k.startsWith('accelerator.evaluation.')).forEach((k) => localStorage.removeItem(k))",
      );
      await page.reload();
      await expectTitle(page, SCORED);
      expect(await scoreField(page, t, 'Impact').inputValue()).toBe('4');
      expect(await commentField(page, t, 'Impact').inputValue()).toBe('Reaches rural start-ups.');
      expect(await scoreField(page, t, 'Capacity').inputValue()).toBe('3');
      expect(await scoreField(page, t, 'Network').inputValue()).toBe('');
      await savedDraft(page, t);

      // Too early: Network has no score; the summary links to its field, which shows the error.
      await pressOn(page, page.getByRole('button', { name: t('submit.button') }));
      const summary = page.getByRole('alert').filter({ hasText: t('submit.incomplete') });
      await summary.waitFor();
      expect(await summary.getByRole('link').allTextContents()).toEqual(['Network']);
      await criterion(page, 'Network').getByText(t('criterion.missing')).waitFor();
      await checkPage(page, SUITE, 'submission-errors', language);
      await pressOn(page, summary.getByRole('link', { name: 'Network' }));
      await page.keyboard.type('2');
      await page.getByText(t('total.complete', { points: number(57.5) })).waitFor();
      await pressOn(page, page.getByRole('button', { name: t('submit.button') }));
      await page.getByText(t('evaluation.submittedTitle'), { exact: true }).waitFor();
      await page.getByText(t('peers.noneYet')).waitFor();
      await checkPage(page, SUITE, 'assignment-submitted', language);

      // A colleague submits through the API; the reloaded page shows both evaluations.
      await evaluate(platform.api, round.colleague.token, await colleagueAssignment(platform, round), [
        { criterionCode: 'IMPACT', score: 5, comment: 'Best pipeline of the call.' },
        { criterionCode: 'CAPACITY', score: 2 },
        { criterionCode: 'NETWORK', score: 4 },
      ]);
      await page.reload();
      const peers = page.getByRole('table', { name: t('peers.caption_other', { count: 2 }) });
      await peers.waitFor();
      await peers.getByText('Best pipeline of the call.').waitFor();
      await page.getByText(t('peers.summary', { mean: number(65), spread: number(15) })).waitFor();
      await checkPage(page, SUITE, 'peer-scores', language);

      // The last one is declined from its page.
      await pressOn(page, page.getByRole('link', { name: t('nav.assignments') }));
      await page.getByText(t('assignments.progress', { submitted: 1, total: 2 })).waitFor();
      await pressOn(page, page.getByRole('link', { name: t('assignments.startNext', { organisation: DECLINED }) }));
      await expectTitle(page, DECLINED);
      await pressOn(page, page.getByRole('button', { name: t('decline.button') }));
      const decline = page.getByRole('dialog', { name: t('decline.title', { organisation: DECLINED }) });
      await decline.waitFor();
      await page.keyboard.type('No');
      await pressOn(page, decline.getByRole('button', { name: t('decline.confirm') }));
      await decline.getByText(text(language, 'dialog.reasonTooShort_other', { count: 3 })).waitFor();
      await page.keyboard.type(' time before the deadline.');
      await checkPage(page, SUITE, 'decline-dialog', language);
      await pressOn(page, decline.getByRole('button', { name: t('decline.confirm') }));
      await page
        .getByRole('status')
        .filter({ hasText: t('notices.declined.title') })
        .waitFor();
      await page.getByText(t('assignments.progress', { submitted: 1, total: 1 })).waitFor();
      await page.getByText(t('assignments.allSubmitted')).waitFor();
      await checkPage(page, SUITE, 'assignments-done', language);
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});

/** A closed call with three submitted applications (the second with a document), all three assigned to the evaluator. */
async function seedRound(platform: WebPlatform, applicants: Applicant[], evaluator: Actor, colleague: Actor) {
  const { api } = platform;
  const { token } = await secretariatOf(api);
  const call = await createCall(api, token, CALL);
  const applicationIds: string[] = [];
  for (const [index, applicant] of applicants.entries()) {
    const draft = await api.post(`/api/v1/calls/${call.id}/applications`, {
      token: applicant.token,
      body: { answers: { programme: `The programme of ${ORGANISATIONS[index]}.`, startups_per_year: 12 + index } },
    });
    if (index === 1) {
      const file = { buffer: SAMPLE_PDF, filename: 'business-plan.pdf', contentType: 'application/pdf' };
      expect((await uploadDocument(api, applicant.token, draft.body.id, 'other', file)).status).toBe(201);
    }
    expect((await api.post(`/api/v1/applications/${draft.body.id}/submit`, { token: applicant.token })).status).toBe(
      200,
    );
    applicationIds.push(draft.body.id as string);
  }
  expect((await api.post(`/api/v1/calls/${call.id}/close`, { token })).status).toBe(200);
  await seatPanel(api, call.id, [evaluator, colleague]);
  for (const applicationId of applicationIds) await assignmentId(api, call.id, applicationId, evaluator.id);
  await assignmentId(api, call.id, applicationIds[1]!, colleague.id);
  return { callId: call.id, applicationIds, evaluator, colleague };
}

async function colleagueAssignment(platform: WebPlatform, round: Round): Promise<string> {
  const mine = await platform.api.get('/api/v1/me/assignments', {
    token: round.colleague.token,
    query: { callId: round.callId },
  });
  return (mine.body.items as Array<{ id: string }>)[0]!.id;
}

async function conflictsOf(platform: WebPlatform, round: Round) {
  const { token } = await secretariatOf(platform.api);
  const res = await platform.api.get(`/api/v1/calls/${round.callId}/conflicts`, { token });
  return (res.body.items as Array<Record<string, unknown>>).map(({ evaluatorId, applicationId, source }) => ({
    evaluatorId,
    applicationId,
    source,
  }));
}

async function expectTitle(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** A criterion's fieldset, named by its legend. */
function criterion(page: Page, title: string): Locator {
  return page.getByRole('group', { name: title, exact: true });
}

function scoreField(page: Page, t: (key: string, values?: Record<string, number>) => string, title: string): Locator {
  return criterion(page, title).getByLabel(t('criterion.score', { min: 1, max: 5 }));
}

function commentField(page: Page, t: (key: string) => string, title: string): Locator {
  return criterion(page, title).getByLabel(t('criterion.comment'));
}

/** The save status says when the API confirmed the draft. */
async function savedDraft(page: Page, t: (key: string) => string): Promise<void> {
  const status = page.locator('[data-save-status="saved"]');
  await status.waitFor();
  expect(await status.textContent()).toContain(t('save.savedAt').split('{{time}}')[0]!.trim());
}

/** Enter on the document's button hands the browser the file. */
async function expectDownload(page: Page, name: string): Promise<void> {
  const downloaded = page.waitForEvent('download');
  await tabTo(page, page.getByRole('button', { name }));
  await page.keyboard.press('Enter');
  expect((await downloaded).suggestedFilename()).toBe('business-plan.pdf');
}

/** "50 %" the way the app writes it (Intl: a narrow no-break space in French). */
function percent(value: number, language: Language): string {
  return new Intl.NumberFormat(language, { style: 'percent' }).format(value / 100);
}
