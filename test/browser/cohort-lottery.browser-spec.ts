import type { Browser, Page } from 'playwright-core';
import {
  WebPlatform,
  activate,
  checkWidths,
  launchBrowser,
  newVisitor,
  signedInVisitor,
  textsOf,
  JOURNEY_TIMEOUT_MS,
} from '../support/browser';
import { eventually } from '../support/async';
import { createApplicantsFrom, createEvaluators, secretariatOf } from '../support/evaluation-fixtures';
import { Actor } from '../support/fixtures';
import { evaluatedCall } from '../support/scoring';

/**
 * Issue 16 item 3 in the browser: on a calibrated call's proposal with a grey zone, the secretariat
 * enables the lottery at the line, commits to a secret and draws, reading the commitment, the secret
 * and the lot order; once published, the public cohort page shows them with how to recompute them.
 * English for the secretariat, French for the public; axe clean, at 1366 and 390 px wide.
 */

const SUITE = 'cohort-lottery';

describe('the lottery at the line, drawn by the secretariat and read by the public', () => {
  let platform: WebPlatform;
  let browser: Browser;
  let secretariat: Actor;
  let callId: string;
  let cohortId: string;

  beforeAll(async () => {
    platform = await WebPlatform.start();
    browser = await launchBrowser();
    secretariat = await secretariatOf(platform.api);
    const [applicants, evaluators] = await Promise.all([
      createApplicantsFrom(
        platform.api,
        ['KE', 'BR', 'IN', 'EG', 'FR', 'GH', 'PE', 'VN'].map((countryCode, i) => ({
          countryCode,
          organisationName: `Lottery centre ${i + 1}`,
        })),
      ),
      createEvaluators(
        platform.api,
        ['DE', 'JP', 'MX', 'US', 'CA'].map((countryCode) => ({ countryCode })),
      ),
    ]);
    ({ callId } = await evaluatedCall(platform.api, evaluators, applicants, 3, {
      scoring: { scaleMin: 0, scaleMax: 10, normalization: 'calibrated' },
    }));
    const token = secretariat.token;
    await eventually(
      async () => (await platform.api.get(`/api/v1/calls/${callId}/statistics`, { token })).body,
      (s) => s.calibration?.uncertainty.status === 'current',
      120_000,
    );
    const proposed = await platform.api.post(`/api/v1/calls/${callId}/cohorts`, { token, body: { waitlistSize: 2 } });
    expect(proposed.status).toBe(201);
    expect(proposed.body.greyZone.length).toBeGreaterThan(0);
    cohortId = proposed.body.id;
  }, JOURNEY_TIMEOUT_MS);

  afterAll(async () => {
    await browser?.close();
    await platform?.close();
  });

  it(
    'enables, commits and draws on the proposal, then shows the published draw to anyone',
    async () => {
      const t = textsOf('en', 'secretariat');
      const page = await signedInVisitor(browser, platform.baseUrl, 'en', secretariat);
      await page.goto(`/secretariat/calls/${callId}/cohorts/${cohortId}`);
      const section = page.getByRole('region', { name: t('cohorts.lottery.title') });
      await section.waitFor();
      // A keyboard user turns the switch on; the commitment's button follows.
      await section.getByRole('switch', { name: t('cohorts.lottery.enabled') }).press('Space');
      await confirm(
        page,
        t('cohorts.lottery.commit'),
        t('cohorts.lottery.commitTitle'),
        t('cohorts.lottery.commitConfirm'),
      );
      const lottery = async () =>
        (await platform.api.get(`/api/v1/cohorts/${cohortId}/lottery`, { token: secretariat.token })).body;
      const committed = (await lottery()).commitment;
      await section.getByText(committed.commitment).waitFor();
      await confirm(page, t('cohorts.lottery.draw'), t('cohorts.lottery.drawTitle'), t('cohorts.lottery.drawConfirm'));
      const drawn = (await lottery()).commitment;
      await section.getByText(drawn.secret).waitFor();
      const order = section.getByRole('table', { name: t('cohorts.lottery.order') });
      expect(await order.getByRole('row').count()).toBe(drawn.lot.lots.length + 1);
      expect(await order.getByText(t('cohorts.lottery.seated'), { exact: true }).count()).toBe(drawn.lot.seated.length);
      await checkWidths(page, SUITE, 'proposal', 'en');
      await page.context().close();

      for (const step of ['approve', 'publish']) {
        const res = await platform.api.post(`/api/v1/cohorts/${cohortId}/${step}`, { token: secretariat.token });
        expect(res.status).toBe(200);
      }
      const p = textsOf('fr', 'public');
      const visitor = await newVisitor(browser, platform.baseUrl, 'fr');
      await visitor.goto(`/cohorts/${cohortId}`);
      const published = visitor.getByRole('region', { name: p('lottery.title') });
      await published.waitFor();
      await published.getByText(drawn.commitment).waitFor();
      await published.getByText(drawn.secret).waitFor();
      const rows = published.getByRole('table', { name: p('lottery.order') }).getByRole('row');
      expect(await rows.count()).toBe(drawn.lot.lots.length + 1);
      await checkWidths(visitor, SUITE, 'public', 'fr');
      await visitor.context().close();
    },
    JOURNEY_TIMEOUT_MS,
  );
});

/** Opens an action's confirmation and confirms it; the dialog closes once done. */
async function confirm(page: Page, button: string, title: string, confirmLabel: string): Promise<void> {
  await activate(page, page.getByRole('button', { name: button, exact: true }));
  const dialog = page.getByRole('dialog', { name: title });
  await activate(page, dialog.getByRole('button', { name: confirmLabel, exact: true }));
  await dialog.waitFor({ state: 'hidden' });
}
