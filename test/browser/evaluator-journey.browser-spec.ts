import type { Browser, Locator, Page } from 'playwright-core';
import { uploadDocument } from '../support/applications';
import {
  journeyLanguages,
  type Language,
  WebPlatform,
  checkPage,
  checkWidths,
  expectFocused,
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
  callWithSubmissions,
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
 * Issue 13: the call with work left listed before the finished one; scores that are not whole
 * numbers of the scale refused as typed; the submission confirmed first; the way on to the next
 * application; every page at phone width without sideways scrolling, the colleagues' table
 * scrolling in its own frame.
 * In English; every main page checked by axe-core and photographed.
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
/** An earlier call whose only assignment the evaluator has already submitted. */
const FINISHED_CALL = 'Earlier call, all evaluated';
const ROUND_CALL = 'Call for accelerator centres';
/** A phone's width, and a laptop's. */
const PHONE = { width: 390, height: 844 };
const LAPTOP = { width: 1366, height: 900 };

/** The colleagues' evaluations of the scored application, each with its total (DESIGN §5.1). */
const COLLEAGUE_SCORES = [
  [
    { criterionCode: 'IMPACT', score: 5, comment: 'Best pipeline of the call.' },
    { criterionCode: 'CAPACITY', score: 2 },
    { criterionCode: 'NETWORK', score: 4 },
  ], // 72.5
  [
    { criterionCode: 'IMPACT', score: 1, comment: 'The programme described is still a plan, without any cohort yet.' },
    { criterionCode: 'CAPACITY', score: 1 },
    { criterionCode: 'NETWORK', score: 1 },
  ], // 0
  [
    { criterionCode: 'IMPACT', score: 5 },
    { criterionCode: 'CAPACITY', score: 5, comment: 'Well funded, with facilities in three cities.' },
    { criterionCode: 'NETWORK', score: 5 },
  ], // 100
];

interface Round {
  callId: string;
  applicationIds: string[];
  evaluator: Actor;
}

const LANGUAGES = journeyLanguages('en');

describe('an evaluator scores applications, with the keyboard only', () => {
  let platform: WebPlatform;
  let browser: Browser;
  let applicants: Applicant[];
  let earlierApplicant: Applicant;
  let colleagues: Actor[];
  const rounds = new Map<Language, Round>();

  beforeAll(async () => {
    platform = await WebPlatform.start();
    browser = await launchBrowser();
    applicants = await createApplicantsFrom(
      platform.api,
      ORGANISATIONS.map((organisationName, i) => ({ organisationName, countryCode: ['NG', 'KE', 'SN'][i]! })),
    );
    [earlierApplicant] = await createApplicantsFrom(platform.api, [
      { organisationName: 'Accra Startup Foundry', countryCode: 'GH' },
    ]);
    // One evaluator per language of the journey, and three colleagues.
    const evaluators = await createEvaluators(
      platform.api,
      ['DE', 'CA', 'JP', 'BR', 'IT'].slice(0, LANGUAGES.length + 3).map((countryCode) => ({ countryCode })),
    );
    colleagues = evaluators.slice(LANGUAGES.length);
    for (const [i, language] of LANGUAGES.entries()) {
      await seedFinishedCall(platform, earlierApplicant, evaluators[i]!);
      rounds.set(language, await seedRound(platform, applicants, evaluators[i]!, colleagues));
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
      await page.setViewportSize(LAPTOP);

      await expectTitle(page, t('assignments.title'));
      await page.getByText(t('assignments.progress', { count: 0, total: 3 })).waitFor();
      // The call with work left comes first, though the finished one was assigned earlier.
      expect(await page.getByRole('heading', { level: 2 }).allTextContents()).toEqual([ROUND_CALL, FINISHED_CALL]);
      await page.getByText(t('assignments.progress', { count: 1, total: 1 })).waitFor();
      await checkWidths(page, SUITE, 'assignments', language);

      // A conflict with the first applicant, declared from the list.
      const row = page.getByRole('row', { name: new RegExp(CONFLICTED) });
      await pressOn(page, row.getByRole('button', { name: t('conflict.button') }));
      const conflict = page.getByRole('dialog', { name: t('conflict.title', { organisation: CONFLICTED }) });
      await expectFocused(conflict.getByRole('textbox', { name: t('conflict.reason') }));
      await page.keyboard.type('I advised this centre on its programme last year.');
      await checkPage(page, SUITE, 'conflict-dialog', language);
      await pressOn(page, conflict.getByRole('button', { name: t('conflict.confirm') }));
      await page
        .getByRole('status')
        .filter({ hasText: t('notices.conflictReleased.title') })
        .waitFor();
      await page.getByText(t('assignments.progress', { count: 0, total: 2 })).waitFor();
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

      // What is not a whole number of the scale stays as typed, with an error saying why.
      const impact = scoreField(page, t, 'Impact');
      await typeInto(page, impact, '4.5');
      await criterion(page, 'Impact')
        .getByText(t('criterion.invalid.notWhole', { min: 1, max: 5 }))
        .waitFor();
      expect(await impact.inputValue()).toBe('4.5');
      expect(await impact.getAttribute('aria-invalid')).toBe('true');
      await replaceWith(page, '11');
      await criterion(page, 'Impact')
        .getByText(t('criterion.invalid.outOfScale', { min: 1, max: 5 }))
        .waitFor();
      expect(await impact.inputValue()).toBe('11');
      await page.getByText(t('total.partial', { points: number(0) })).waitFor();
      await replaceWith(page, '4');
      const points = (value: number) => value.toLocaleString(language, { maximumFractionDigits: 1 });
      await criterion(page, 'Impact')
        .getByText(t('criterion.points', { count: 37.5, points: points(37.5), max: points(50) }))
        .waitFor();
      expect(
        await criterion(page, 'Impact')
          .getByText(t('criterion.invalid.outOfScale', { min: 1, max: 5 }))
          .count(),
      ).toBe(0);
      await typeInto(page, commentField(page, t, 'Impact'), 'Reaches rural start-ups.');
      await typeInto(page, scoreField(page, t, 'Capacity'), '3');
      await typeInto(page, page.getByLabel(t('evaluation.overallComment')), 'A solid regional centre.');
      // 100 · (5·(4−1)/4 + 3·(3−1)/4) / 10: Network is not scored yet.
      await page.getByText(t('total.partial', { points: number(52.5) })).waitFor();
      await savedDraft(page, t);
      await checkWidths(page, SUITE, 'assignment-draft', language);

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
      await expectFocused(scoreField(page, t, 'Network'));
      await page.keyboard.type('2');
      await page.getByText(t('total.complete', { points: number(57.5) })).waitFor();

      // Submitting cannot be undone: it is asked first, and Escape leaves the draft as it is.
      await pressOn(page, page.getByRole('button', { name: t('submit.button') }));
      const confirmation = page.getByRole('dialog', { name: t('submit.confirmTitle') });
      await confirmation.getByText(t('submit.confirmExplanation')).waitFor();
      await checkPage(page, SUITE, 'submit-dialog', language);
      await page.keyboard.press('Escape');
      await confirmation.waitFor({ state: 'hidden' });
      expect(await evaluationStatus(platform, round, SCORED)).toBe('draft');
      await pressOn(page, page.getByRole('button', { name: t('submit.button') }));
      await pressOn(page, confirmation.getByRole('button', { name: t('submit.confirm') }));
      await page.getByText(t('evaluation.submittedTitle'), { exact: true }).waitFor();
      expect(await evaluationStatus(platform, round, SCORED)).toBe('submitted');
      await page.getByText(t('peers.noneYet')).waitFor();
      // The focus is on the confirmation, from which the next application is a Tab away.
      const submitted = page.getByRole('alert').filter({ hasText: t('evaluation.submittedTitle') });
      await expectFocused(submitted);
      const next = submitted.getByRole('link', { name: t('assignments.startNext', { organisation: DECLINED }) });
      const back = submitted.getByRole('link', { name: t('evaluation.backToList') });
      expect(await back.getAttribute('href')).toBe('/evaluator/assignments');
      await checkPage(page, SUITE, 'assignment-submitted', language);

      // Colleagues submit through the API; the reloaded page shows every evaluation.
      for (const [index, colleague] of colleagues.entries()) {
        await evaluate(
          platform.api,
          colleague.token,
          await assignmentOf(platform, round, colleague),
          COLLEAGUE_SCORES[index]!,
        );
      }
      await page.reload();
      const peers = page.getByRole('table', { name: t('peers.caption', { count: 4 }) });
      await peers.waitFor();
      await peers.getByText('Best pipeline of the call.').waitFor();
      // Totals 57.5 (the evaluator's), 72.5, 0 and 100.
      await page.getByText(t('peers.summary', { mean: number(57.5), spread: number(100), count: 100 })).waitFor();
      await checkWidths(page, SUITE, 'peer-scores', language);
      // On a phone the table scrolls in its own frame, which the keyboard reaches.
      const frame = page.getByRole('region', { name: t('peers.caption', { count: 4 }) });
      await page.setViewportSize(PHONE);
      expect(
        await frame.evaluate((element) => {
          const { scrollWidth, clientWidth } = element as unknown as { scrollWidth: number; clientWidth: number };
          return scrollWidth > clientWidth;
        }),
      ).toBe(true);
      await tabTo(page, frame);
      await page.setViewportSize(LAPTOP);

      // On to the next application from the submitted one; it is declined from its page.
      await pressOn(page, next);
      await expectTitle(page, DECLINED);
      await pressOn(page, page.getByRole('button', { name: t('decline.button') }));
      const decline = page.getByRole('dialog', { name: t('decline.title', { organisation: DECLINED }) });
      await expectFocused(decline.getByRole('textbox', { name: t('decline.reason') }));
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
      const roundCall = page.getByRole('region', { name: ROUND_CALL });
      await roundCall.getByText(t('assignments.progress', { count: 1, total: 1 })).waitFor();
      await roundCall.getByText(t('assignments.allSubmitted')).waitFor();
      await checkPage(page, SUITE, 'assignments-done', language);
      await page.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});

/** A call whose only application assigned to the evaluator it has evaluated, assigned before the round's. */
async function seedFinishedCall(platform: WebPlatform, applicant: Applicant, evaluator: Actor): Promise<void> {
  const { api } = platform;
  const { callId, applicationIds } = await callWithSubmissions(api, [applicant], { ...CALL, title: FINISHED_CALL });
  await seatPanel(api, callId, [evaluator]);
  const id = await assignmentId(api, callId, applicationIds[0]!, evaluator.id);
  await evaluate(api, evaluator.token, id, COLLEAGUE_SCORES[0]!);
}

/**
 * A closed call with three submitted applications (the second with a document), all three assigned
 * to the evaluator; the second also to each colleague.
 */
async function seedRound(platform: WebPlatform, applicants: Applicant[], evaluator: Actor, colleagues: Actor[]) {
  const { api } = platform;
  const { token } = await secretariatOf(api);
  const call = await createCall(api, token, { ...CALL, title: ROUND_CALL });
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
  await seatPanel(api, call.id, [evaluator, ...colleagues]);
  for (const applicationId of applicationIds) await assignmentId(api, call.id, applicationId, evaluator.id);
  for (const colleague of colleagues) await assignmentId(api, call.id, applicationIds[1]!, colleague.id);
  return { callId: call.id, applicationIds, evaluator };
}

/** The evaluator's first assignment in the round's call (the colleagues have one each). */
async function assignmentOf(platform: WebPlatform, round: Round, evaluator: Actor): Promise<string> {
  const mine = await platform.api.get('/api/v1/me/assignments', {
    token: evaluator.token,
    query: { callId: round.callId },
  });
  return (mine.body.items as Array<{ id: string }>)[0]!.id;
}

/** The status of the evaluator's assignment to the organisation's application, as the API holds it. */
async function evaluationStatus(platform: WebPlatform, round: Round, organisation: string): Promise<string> {
  const applicationId = round.applicationIds[ORGANISATIONS.indexOf(organisation)];
  const mine = await platform.api.get('/api/v1/me/assignments', {
    token: round.evaluator.token,
    query: { callId: round.callId },
  });
  const items = mine.body.items as Array<{ applicationId: string; status: string }>;
  return items.find((item) => item.applicationId === applicationId)!.status;
}

/** Selects the focused field's text and types over it, as a keyboard user corrects a value. */
async function replaceWith(page: Page, value: string): Promise<void> {
  await page.keyboard.press('Control+A');
  await page.keyboard.type(value);
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
