import { INestApplicationContext } from '@nestjs/common';
import type { Response } from 'supertest';
import { extractPdfText } from '../../libs/cohorts/src/annex/testing/pdf-text';
import { sql } from '../support/applications';
import { withEnv } from '../support/async';
import { getBytes } from '../support/binary-get';
import { expectProblem } from '../support/calls-e2e';
import { secretariatOf } from '../support/evaluation-fixtures';
import { Actor, createApplicant, createCall } from '../support/fixtures';
import { RedisServer } from '../support/redis-server';
import { TestApi } from '../support/test-app';
import { startWorker } from '../support/worker';

/**
 * Issue 15, the circulars: the secretariat writes what a call's results circular and announcement
 * say, a text naming an unknown figure is refused whole, and the announcement is a letter the
 * secretariat reads at any status and the public once the call is open.
 */

const SETTINGS = {
  reference: 'BDT/DIR/DM/013',
  place: { en: 'Geneva', fr: 'Genève' },
  addressees: ['united-nations-agencies', 'academia', 'member-state-administrations'],
  signatory: { name: 'A. Director', title: { en: 'Director, BDT', fr: 'Directeur du BDT' } },
  results: {
    subject: { en: 'Results of {call}', fr: 'Résultats de {call}' },
    body: { en: '{applications} applications, {countries} countries, {selected} selected.', fr: '{selected} retenus.' },
  },
  announcement: {
    subject: { en: 'Announcing {call}', fr: 'Annonce de {call}' },
    body: { en: 'Apply by {deadline}.\n\nWelcome.', fr: 'Candidatures jusqu’au {deadline}.' },
  },
  about: { en: 'The Alliance brings centres together.', fr: 'L’Alliance réunit des centres.' },
};

describe('circular settings and the call announcement', () => {
  let redis: RedisServer;
  let api: TestApi;
  let worker: INestApplicationContext;
  let secretariat: Actor;
  let applicant: Actor;

  beforeAll(async () => {
    redis = await RedisServer.start();
    api = await withEnv({ REDIS_URL: redis.url }, () => TestApi.start());
    worker = await startWorker({ REDIS_URL: redis.url });
    secretariat = await secretariatOf(api);
    applicant = await createApplicant(api);
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis?.stop();
  });

  const settingsUrl = (callId: string) => `/api/v1/calls/${callId}/circular`;
  const circularRow = async (callId: string) =>
    (await sql<{ circular: unknown }>(api, `SELECT circular FROM calls WHERE id = $1`, [callId]))[0].circular;

  it('reads the defaults until the secretariat writes its own, then reads those, audited', async () => {
    const call = await createCall(api, secretariat.token, {}, false);
    const defaults = await api.get(settingsUrl(call.id), { token: secretariat.token });
    expect(defaults.status).toBe(200);
    expect(defaults.body).toMatchObject({
      reference: call.body.reference,
      place: { en: 'Geneva', fr: 'Genève' },
      addressees: [
        'member-state-administrations',
        'sector-members',
        'academia',
        'regulators',
        'regional-international-organizations',
        'united-nations-agencies',
      ],
      about: null,
    });

    const saved = await api.put(settingsUrl(call.id), { token: secretariat.token, body: SETTINGS });
    expect(saved.status).toBe(200);
    // Addressees come back in the letters' order; no contact was given.
    expect(saved.body).toEqual({
      ...SETTINGS,
      addressees: ['member-state-administrations', 'academia', 'united-nations-agencies'],
      contact: null,
    });
    expect((await api.get(settingsUrl(call.id), { token: secretariat.token })).body).toEqual(saved.body);
    const [audit] = await sql<{ action: string }>(
      api,
      `SELECT action FROM audit_events WHERE entity_id = $1 AND action = 'call.circular_changed'`,
      [call.id],
    );
    expect(audit?.action).toBe('call.circular_changed');
  });

  it('refuses a text naming an unknown placeholder with 422 UNKNOWN_PLACEHOLDER, naming each, and keeps what was saved', async () => {
    const call = await createCall(api, secretariat.token, {}, false);
    expect((await api.put(settingsUrl(call.id), { token: secretariat.token, body: SETTINGS })).status).toBe(200);
    const before = await circularRow(call.id);

    const res = await api.put(settingsUrl(call.id), {
      token: secretariat.token,
      body: {
        ...SETTINGS,
        results: { ...SETTINGS.results, body: { en: '{selected} of {aplications}', fr: '{deadline}' } },
      },
    });
    expectProblem(res, 422, 'UNKNOWN_PLACEHOLDER');
    expect(res.body.errors).toEqual([
      expect.objectContaining({
        field: 'results.body.en',
        params: expect.objectContaining({ placeholder: '{aplications}' }),
      }),
      expect.objectContaining({
        field: 'results.body.fr',
        params: expect.objectContaining({ placeholder: '{deadline}' }),
      }),
    ]);
    expect(await circularRow(call.id)).toEqual(before);
  });

  it('refuses malformed settings with 400, strangers with 401 or 403, an unknown call with 404, and changes nothing', async () => {
    const call = await createCall(api, secretariat.token, {}, false);
    for (const bad of [
      { ...SETTINGS, addressees: ['everyone'] },
      { ...SETTINGS, addressees: [] },
      { ...SETTINGS, reference: '' },
      { ...SETTINGS, place: { en: 'Geneva' } },
      { ...SETTINGS, results: { subject: SETTINGS.results.subject } },
      { ...SETTINGS, signatory: { name: 'X', title: 'Director' } },
      { ...SETTINGS, contact: { name: 'BDT', email: 'bdt.itu.int' } },
    ])
      expectProblem(
        await api.put(settingsUrl(call.id), { token: secretariat.token, body: bad }),
        400,
        'VALIDATION_FAILED',
      );
    expectProblem(await api.put(settingsUrl(call.id), { token: applicant.token, body: SETTINGS }), 403, 'FORBIDDEN');
    expectProblem(await api.get(settingsUrl(call.id), { token: applicant.token }), 403, 'FORBIDDEN');
    expectProblem(await api.get(settingsUrl(call.id)), 401, 'UNAUTHENTICATED');
    expectProblem(
      await api.put(settingsUrl('00000000-0000-4000-8000-000000000000'), { token: secretariat.token, body: SETTINGS }),
      404,
      'NOT_FOUND',
    );
    expect(await circularRow(call.id)).toBeNull();
  });

  it('keeps the settings a published call was published with', async () => {
    const call = await createCall(api, secretariat.token, {}, false);
    await sql(api, `UPDATE calls SET status = 'published' WHERE id = $1`, [call.id]);
    expectProblem(
      await api.put(settingsUrl(call.id), { token: secretariat.token, body: SETTINGS }),
      409,
      'COHORT_PUBLISHED',
    );
    expect(await circularRow(call.id)).toBeNull();
  });

  const fetchLetter = (path: string, token?: string): Promise<Response> =>
    getBytes(api, path, token ? { Authorization: `Bearer ${token}` } : {});

  it('renders the announcement for the secretariat before opening, and for anyone once the call is open', async () => {
    const call = await createCall(api, secretariat.token, {}, false);
    expect((await api.put(settingsUrl(call.id), { token: secretariat.token, body: SETTINGS })).status).toBe(200);
    const pdfUrl = `/api/v1/calls/${call.id}/announcement.pdf?lang=en`;

    expectProblem(await api.get(pdfUrl), 404, 'NOT_FOUND');
    const draft = await fetchLetter(pdfUrl, secretariat.token);
    expect(draft.status).toBe(200);
    expect(draft.headers['content-type']).toBe('application/pdf');
    const { text } = await extractPdfText(draft.body as Buffer);
    for (const expected of [
      'Ref.: BDT/DIR/DM/013',
      `Announcing ${call.body.title as string}`,
      'Administrations of ITU Member States',
      'ITU Academia',
      'United Nations agencies',
      'Welcome.',
      'Annex I – About the programme',
      'The Alliance brings centres together.',
      `/calls/${call.id}`,
    ])
      expect(text).toContain(expected);
    expect(text).not.toContain('ITU-D Sector Members');

    expect((await api.post(`/api/v1/calls/${call.id}/open`, { token: secretariat.token })).status).toBe(200);
    const html = await fetchLetter(`/api/v1/calls/${call.id}/announcement.html?lang=fr`);
    expect(html.status).toBe(200);
    expect(html.headers['content-type']).toBe('text/html; charset=utf-8');
    const page = (html.body as Buffer).toString('utf8');
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain('Candidatures jusqu’au');
    expect(page).toContain(`<h1>Objet\u202f: Annonce de ${call.body.title as string}</h1>`);

    expectProblem(await api.get(`/api/v1/calls/${call.id}/announcement.pdf?lang=de`), 400, 'VALIDATION_FAILED');
  });
});
