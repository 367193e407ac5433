import { randomUUID } from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  JOURNEY_TIMEOUT_MS,
  journeyLanguages,
  type Language,
  WebPlatform,
  checkWidths,
  expectFocused,
  launchBrowser,
  pressOn,
  signedInVisitor,
  tabTo,
  textsOf,
  typeInto,
} from '../support/browser';
import { secretariatOf } from '../support/evaluation-fixtures';
import { Actor } from '../support/fixtures';

/**
 * Review stages in the call builder, with the keyboard only: the secretariat adds a panel interview
 * after the written assessment, with its own evaluators, scale, normalisation, criteria and due date,
 * and ranks finally by a weighted mean of the two stages' scores, explained in words as it is typed.
 * The call read back through the API has the stages as entered; its overview lists them; once open,
 * the builder shows them without a way to change them. In French, the builder and the
 * overview checked by axe-core at 1366 and 390 px without sideways scrolling.
 */

const SUITE = 'call-builder-stages';

const LANGUAGES = journeyLanguages('fr');

describe('review stages in the call builder', () => {
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

  it.each(LANGUAGES)(
    'creates a call in two stages ranked by a weighted mean of their scores (%s)',
    async (language: Language) => {
      const t = textsOf(language, 'secretariat');
      const percent = (fraction: number) =>
        new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(fraction);
      const page = await signedInVisitor(browser, platform.baseUrl, language, secretariat);
      await page.goto('/secretariat/calls/new');
      await expectTitle(page, t('builder.newTitle'));

      const reference = `STAGES/${randomUUID().slice(0, 8)}`;
      await typeInto(page, page.getByLabel(t('builder.basics.reference')), reference);
      await typeInto(
        page,
        page.getByRole('textbox', { name: t('builder.basics.callTitle'), exact: true }),
        `Call in two stages (${language})`,
      );
      const criteria = page.getByRole('group', { name: t('builder.criteria.title') });
      await typeInto(page, criteria.getByLabel(t('builder.criteria.code')), 'IMPACT');
      await typeInto(page, criteria.getByLabel(t('builder.criteria.criterionTitle')), 'Impact');

      // A second stage: its name takes the focus, then its own evaluators, scale and criteria.
      const stages = page.getByRole('group', { name: t('builder.stages.title') });
      await pressOn(page, stages.getByRole('button', { name: t('builder.stages.add') }));
      const interview = stages.getByRole('group', { name: t('builder.stages.number', { number: 2 }), exact: true });
      await expectFocused(interview.getByLabel(t('builder.stages.name')));
      await page.keyboard.type('Panel interview');
      // A date field's segments follow the browser's own locale: its value is set whole.
      await interview.getByLabel(t('builder.stages.evaluationDueAt')).fill('2040-03-15T14:30');
      await replaceIn(page, interview.getByLabel(t('builder.basics.evaluatorsPerApplication')), '4');
      await replaceIn(page, interview.getByLabel(t('builder.scoring.scaleMin')), '1');
      await replaceIn(page, interview.getByLabel(t('builder.scoring.scaleMax')), '5');
      await tabTo(page, interview.getByRole('radio', { name: t('builder.scoring.normalization.none') }));
      await page.keyboard.press('ArrowDown');
      await typeInto(page, interview.getByLabel(t('builder.criteria.code')), 'PITCH');
      await typeInto(page, interview.getByLabel(t('builder.criteria.criterionTitle')), 'Pitch');
      await replaceIn(page, interview.getByLabel(t('builder.criteria.weight')), '2');
      await pressOn(page, interview.getByRole('button', { name: t('builder.criteria.add') }));
      await typeAt(page, interview.getByLabel(t('builder.criteria.code')).nth(1), 'PLAN');
      await typeInto(page, interview.getByLabel(t('builder.criteria.criterionTitle')).nth(1), 'Plan');
      await interview.getByText(t('builder.criteria.total', { total: 3 }), { exact: true }).waitFor();

      // Stage 1 is named; its criteria and scale are the call's, above.
      const written = stages.getByRole('group', { name: t('builder.stages.number', { number: 1 }), exact: true });
      await typeAt(page, written.getByLabel(t('builder.stages.name')), 'Written assessment');

      // The final ranking: weighted 1 and 3, the rule said in words as the weights are typed.
      const explanation = stages.getByTestId('final-ranking-rule');
      expect(await explanation.innerText()).toBe(
        t('builder.stages.finalRanking.explainLastStage', { last: 'Panel interview' }),
      );
      await tabTo(page, stages.getByRole('radio', { name: t('builder.stages.finalRanking.lastStage') }));
      await page.keyboard.press('ArrowDown');
      await explanation.getByText(t('builder.errors.stageWeightRequired')).waitFor();
      const weightOf = (name: string) => stages.getByLabel(t('builder.stages.finalRanking.weightOf', { name }));
      await typeInto(page, weightOf('Written assessment'), '1');
      await typeInto(page, weightOf('Panel interview'), '3');
      const parts = new Intl.ListFormat(language, { type: 'conjunction' }).format([
        t('builder.stages.finalRanking.part', { name: 'Written assessment', share: percent(0.25) }),
        t('builder.stages.finalRanking.part', { name: 'Panel interview', share: percent(0.75) }),
      ]);
      const weighted = t('builder.stages.finalRanking.explainWeighted', { last: 'Panel interview', parts });
      await explanation.getByText(weighted, { exact: true }).waitFor();
      await checkWidths(page, SUITE, 'builder', language);

      await pressOn(page, page.getByRole('button', { name: t('builder.create') }));
      await expectTitle(page, t('call.section.overview'));
      const callId = /\/secretariat\/calls\/([^/?]+)/.exec(page.url())![1]!;
      const call = await platform.api.get(`/api/v1/calls/${callId}`, { token: secretariat.token });
      expect(call.body).toMatchObject({ reference, status: 'draft' });
      expect(call.body.stages).toMatchObject([
        { position: 1, name: 'Written assessment', evaluationDueAt: null },
        {
          position: 2,
          name: 'Panel interview',
          // 14:30 in Geneva (winter time, UTC+1).
          evaluationDueAt: '2040-03-15T13:30:00.000Z',
          evaluatorsPerApplication: 4,
          scoring: { scaleMin: 1, scaleMax: 5, normalization: 'zscore', disagreementThreshold: 30 },
          criteria: [
            { code: 'PITCH', title: 'Pitch', description: '', weight: 2 },
            { code: 'PLAN', title: 'Plan', description: '', weight: 1 },
          ],
        },
      ]);
      expect(call.body.finalRanking).toEqual({ rule: 'weighted', weights: { '1': 1, '2': 3 } });

      // The overview lists the stages and says the rule.
      const overview = page.getByRole('region', { name: t('overview.stages') });
      await overview.getByText(t('overview.stageCriteria', { count: 2 }), { exact: false }).waitFor();
      await overview.getByText(weighted, { exact: true }).waitFor();
      await checkWidths(page, SUITE, 'overview', language);

      // Once open, the builder shows the stages as they are, with no way to change them.
      await platform.api.post(`/api/v1/calls/${callId}/open`, { token: secretariat.token });
      await page.goto(`/secretariat/calls/${callId}/edit`);
      await expectTitle(page, t('builder.editTitle'));
      const name = interview.getByLabel(t('builder.stages.name'));
      expect([await name.inputValue(), await name.isDisabled()]).toEqual(['Panel interview', true]);
      for (const button of [t('builder.stages.add'), t('builder.stages.remove', { name: 'Panel interview' })]) {
        expect(await stages.getByRole('button', { name: button }).count()).toBe(0);
      }
      await page.close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});

async function expectTitle(page: Page, title: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
}

/** Moves the focus to a field, as a keyboard user arriving from elsewhere, and types. */
async function typeAt(page: Page, field: Locator, text: string): Promise<void> {
  await field.focus();
  await page.keyboard.type(text);
}

/** Tabs to a field holding a value, selects it and types another over it. */
async function replaceIn(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text);
}
