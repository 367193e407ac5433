import { createHash } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import type { Response } from 'supertest';
import { extractPdfText } from '../../libs/cohorts/src/annex/testing/pdf-text';
import { sql } from '../support/applications';
import { withEnv } from '../support/async';
import { expectAccessible, launchBrowser } from '../support/browser';
import { getBytes } from '../support/binary-get';
import { expectProblem } from '../support/calls-e2e';
import { secretariatOf } from '../support/evaluation-fixtures';
import { RedisServer } from '../support/redis-server';
import { renderPdfPage } from '../support/pdf-png';
import { publishedCohortOf } from '../support/published-cohort';
import { TestApi } from '../support/test-app';
import { startWorker } from '../support/worker';

/**
 * Issue 15, the results circular: the letter announcing a published cohort, with the reference, the
 * addressees the secretariat chose, the figures and every selected centre; stored at publication
 * beside the annexes and served as stored, as PDF and as accessible HTML, in English and French.
 */

const CENTRES = [
  { countryCode: 'KE', organisationName: 'Nairobi Technology Enterprise Centre', city: 'Nairobi' },
  { countryCode: 'BR', organisationName: 'Incubadora Tecnológica de São Paulo', city: 'São Paulo' },
  { countryCode: 'IN', organisationName: 'Deep Tech Incubator', city: 'Bengaluru' },
  { countryCode: 'EG', organisationName: 'Cairo Innovation Hub', city: 'Cairo' },
  { countryCode: 'PL', organisationName: 'Poznański Park Naukowo-Technologiczny', city: 'Poznań' },
];
const ADDRESSEES = { 'sector-members': 'ITU-D Sector Members', regulators: 'National regulatory authorities' };
const SETTINGS = {
  reference: 'BDT/DIR/DM/013',
  place: { en: 'Geneva', fr: 'Genève' },
  addressees: Object.keys(ADDRESSEES),
  signatory: { name: 'A. Director', title: { en: 'Director, BDT', fr: 'Directeur du BDT' } },
  results: {
    subject: { en: 'Results of the call {call}', fr: 'Résultats de l’appel {call}' },
    body: {
      en: 'The call received {applications} applications from {countries} countries.\n\n{selected} centres were selected.',
      fr: 'L’appel a reçu {applications} candidatures de {countries} pays.\n\n{selected} centres ont été retenus.',
    },
  },
  announcement: {
    subject: { en: 'Call {call}', fr: 'Appel {call}' },
    body: { en: 'Apply by {deadline}.', fr: 'Candidatures jusqu’au {deadline}.' },
  },
  about: null,
};
/** The PDF's side margins (annex-pdf-layout's PAGE_MARGINS), less a little for glyphs' overhang. */
const SIDE_MARGIN_POINTS = 50;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('the results circular of a published cohort', () => {
  let redis: RedisServer;
  let api: TestApi;
  let worker: INestApplicationContext;
  let cohortId: string;
  let callTitle: string;

  beforeAll(async () => {
    redis = await RedisServer.start();
    api = await withEnv({ REDIS_URL: redis.url }, () => TestApi.start());
    worker = await startWorker({ REDIS_URL: redis.url });
    const secretariat = await secretariatOf(api);
    ({ cohortId } = await publishedCohortOf(api, secretariat, CENTRES, async (callId) => {
      const saved = await api.put(`/api/v1/calls/${callId}/circular`, { token: secretariat.token, body: SETTINGS });
      if (saved.status !== 200) throw new Error(`circular settings: ${saved.status} ${JSON.stringify(saved.body)}`);
      callTitle = (await api.get(`/api/v1/calls/${callId}`, { token: secretariat.token })).body.title as string;
    }));
  }, 180_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis?.stop();
  });

  const fetchCircular = (path: string, headers: Record<string, string> = {}): Promise<Response> =>
    getBytes(api, `/api/v1/public/cohorts/${cohortId}/${path}`, headers);

  it('prints the reference, every addressee chosen, the figures and every centre', async () => {
    const res = await fetchCircular('circular.pdf?lang=en');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { text } = await extractPdfText(res.body as Buffer);
    expect(text).toContain('Ref.: BDT/DIR/DM/013');
    for (const addressee of Object.values(ADDRESSEES)) expect(text).toContain(addressee);
    for (const other of ['ITU Academia', 'United Nations agencies', 'Administrations of ITU Member States'])
      expect(text).not.toContain(other);
    expect(text).toContain(`Results of the call ${callTitle}`);
    expect(text).toContain(`The call received ${CENTRES.length} applications from ${CENTRES.length} countries.`);
    expect(text).toContain(`${CENTRES.length} centres were selected.`);
    for (const centre of CENTRES) expect(text).toContain(centre.organisationName);
    for (const annex of [
      'Annex I – About the programme',
      'Annex II – Evaluation process',
      'Annex III – Selected centres',
    ])
      expect(text).toContain(annex);
  });

  it('prints the French circular with the French figures and centres', async () => {
    const { text } = await extractPdfText((await fetchCircular('circular.pdf?lang=fr')).body as Buffer);
    expect(text).toContain('BDT/DIR/DM/013');
    expect(text).toContain('Membres du Secteur UIT-D');
    expect(text).toContain('Genève, le');
    expect(text).toContain(`${CENTRES.length} centres ont été retenus.`);
    for (const centre of CENTRES) expect(text).toContain(centre.organisationName);
  });

  it('lays the letter out inside its margins: its first page rendered to PNG', async () => {
    const pdf = (await fetchCircular('circular.pdf?lang=en')).body as Buffer;
    const page = await renderPdfPage(pdf, 1, 'results-circular-en-page-1', SIDE_MARGIN_POINTS);
    // A4 at 2 pixels per point.
    expect([page.width, page.height]).toEqual([1191, 1684]);
    expect(page.ink).toBeGreaterThan(0.005);
    expect(page.marginInk).toEqual({ left: 0, right: 0, top: 0 });
  }, 120_000);

  it('serves the same letter as accessible HTML, stored at publication, under a strong ETag', async () => {
    const res = await fetchCircular('circular.html?lang=en');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    const bytes = res.body as Buffer;
    expect(res.headers.etag).toBe(`"${sha256(bytes)}"`);
    const html = bytes.toString('utf8');
    expect(html).toContain('<html lang="en-GB">');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    for (const centre of CENTRES) expect(html).toContain(`<th scope="row">${centre.organisationName}</th>`);
    const [stored] = await sql<{ sha256: string }>(
      api,
      `SELECT sha256 FROM cohort_annexes WHERE cohort_id = $1 AND format = 'circular-html' AND locale = 'en'`,
      [cohortId],
    );
    expect(stored.sha256).toBe(sha256(bytes));
    expect((await fetchCircular('circular.html?lang=en', { 'If-None-Match': res.headers.etag })).status).toBe(304);
  });

  it.each(['en', 'fr'])(
    'passes axe-core as a web page in %s',
    async (lang) => {
      const html = ((await fetchCircular(`circular.html?lang=${lang}`)).body as Buffer).toString('utf8');
      const browser = await launchBrowser();
      try {
        const page = await browser.newPage();
        await page.setContent(html);
        await expectAccessible(page, `results circular (${lang})`);
      } finally {
        await browser.close();
      }
    },
    120_000,
  );

  it('refuses an unknown language and an unknown cohort, as problems', async () => {
    expectProblem(await api.get(`/api/v1/public/cohorts/${cohortId}/circular.pdf?lang=de`), 400, 'VALIDATION_FAILED');
    expectProblem(
      await api.get('/api/v1/public/cohorts/00000000-0000-4000-8000-000000000000/circular.html'),
      404,
      'NOT_FOUND',
    );
  });
});
