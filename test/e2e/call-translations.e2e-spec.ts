import { INestApplicationContext } from '@nestjs/common';
import { extractPdfText } from '../../libs/cohorts/src/annex/testing/pdf-text';
import { withEnv } from '../support/async';
import { getBytes } from '../support/binary-get';
import { errorFields, expectProblem, patchCall } from '../support/calls-e2e';
import { secretariatOf } from '../support/evaluation-fixtures';
import { Actor, callBody, createCall, createStaff } from '../support/fixtures';
import { publishedCohortOf } from '../support/published-cohort';
import { RedisServer } from '../support/redis-server';
import { TestApi } from '../support/test-app';
import { startWorker } from '../support/worker';

/**
 * Issue 17, item 4: a call's texts in several languages. The secretariat writes translations beside
 * the English; readers get their language (`lang`, else Accept-Language) in `localized`, English
 * where a text is not translated, named in `fallback`; the annex and the circular in French print
 * the French title.
 */

const FRENCH = {
  title: 'Appel aux centres d’accélération',
  criteria: { IMPACT: { title: 'Impact attendu' } },
  questions: {
    programme: { label: 'Décrivez votre programme' },
    stage: { label: 'Stade', options: ['Idée', 'Croissance'] },
  },
};

const body = (overrides: Record<string, unknown> = {}) =>
  callBody({
    questions: [
      { key: 'programme', label: 'Describe your programme', type: 'longtext', required: true },
      { key: 'stage', label: 'Stage', type: 'choice', required: false, options: ['Idea', 'Growth'] },
    ],
    ...overrides,
  });

describe('call translations', () => {
  let api: TestApi;
  let secretariat: Actor;

  beforeAll(async () => {
    api = await TestApi.start();
    secretariat = await createStaff(api, 'secretariat');
  });
  afterAll(async () => {
    await api.close();
  });

  it('keeps the translations written and reports, per language, what is missing', async () => {
    const created = await api.post('/api/v1/calls', {
      token: secretariat.token,
      body: body({ translations: { fr: FRENCH } }),
    });
    expect(created.status).toBe(201);
    expect(created.body.translations).toEqual({ fr: FRENCH });
    // The English fields keep their meaning.
    expect(created.body.title).toBe('Call for accelerator centres');
    expect(created.body.missingTranslations.fr).toEqual(['description', 'criteria.CAPACITY.title']);
    expect(created.body.missingTranslations.ar).toEqual([
      'title',
      'description',
      'criteria.IMPACT.title',
      'criteria.CAPACITY.title',
      'questions.programme.label',
      'questions.stage.label',
      'questions.stage.options',
    ]);
  });

  describe('as readers see an open call', () => {
    let callId: string;
    beforeAll(async () => {
      ({ id: callId } = await createCall(api, secretariat.token, body({ translations: { fr: FRENCH } })));
    });

    it('serves a French reader the French texts, the rest in English marked as fallen back', async () => {
      const res = await api.get(`/api/v1/calls/${callId}`, { headers: { 'Accept-Language': 'fr-CH, fr;q=0.9' } });
      expect(res.status).toBe(200);
      expect(res.body.title).toBe('Call for accelerator centres');
      expect(res.body.localized).toEqual({
        language: 'fr',
        title: 'Appel aux centres d’accélération',
        description: 'Join the network of accelerator centres.',
        criteria: [
          { stage: 1, code: 'IMPACT', title: 'Impact attendu', description: '' },
          { stage: 1, code: 'CAPACITY', title: 'Capacity', description: '' },
        ],
        questions: [
          { key: 'programme', label: 'Décrivez votre programme' },
          { key: 'stage', label: 'Stade', options: ['Idée', 'Croissance'] },
        ],
        sessions: [],
        fallback: ['description', 'criteria.CAPACITY.title'],
      });
    });

    it('serves an Arabic reader English throughout, every field marked, until Arabic is written', async () => {
      const before = await api.get(`/api/v1/calls/${callId}?lang=ar`);
      expect(before.body.localized.language).toBe('ar');
      expect(before.body.localized.title).toBe('Call for accelerator centres');
      expect(before.body.localized.fallback).toContain('title');

      const current = await api.get(`/api/v1/calls/${callId}`, { token: secretariat.token });
      const arabic = { title: 'دعوة مراكز التسريع', description: 'الانضمام إلى شبكة مراكز التسريع.' };
      const patched = await patchCall(api, secretariat.token, callId, current.body.version, {
        translations: { fr: FRENCH, ar: arabic },
      });
      expect(patched.status).toBe(200);

      const after = await api.get(`/api/v1/calls/${callId}`, { headers: { 'Accept-Language': 'ar' } });
      expect(after.body.localized).toMatchObject({ language: 'ar', ...arabic });
      expect(after.body.localized.fallback).not.toContain('title');
      expect(after.body.localized.fallback).toContain('criteria.IMPACT.title');
      // The list answers in the reader's language too; an explicit lang wins over the header.
      const list = await api.get(`/api/v1/calls?limit=500&lang=fr`, { headers: { 'Accept-Language': 'ar' } });
      const listed = (list.body.items as Array<{ id: string; localized: { title: string } }>).find(
        (c) => c.id === callId,
      );
      expect(listed?.localized.title).toBe(FRENCH.title);
    });

    it('answers English to an English reader, with nothing fallen back', async () => {
      const res = await api.get(`/api/v1/calls/${callId}`);
      expect(res.body.localized).toMatchObject({ language: 'en', title: 'Call for accelerator centres', fallback: [] });
    });
  });

  it('refuses unknown languages, codes and keys, options not one per option and texts too long, each on its field', async () => {
    const res = await api.post('/api/v1/calls', {
      token: secretariat.token,
      body: body({
        translations: {
          de: { title: 'Aufruf' },
          fr: {
            title: 'x'.repeat(501),
            criteria: { NOPE: { title: 'Non' } },
            questions: { stage: { options: ['Un'] } },
          },
        },
      }),
    });
    expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(res.body.errors.map((e: { field: string; code: string }) => [e.field, e.code])).toEqual([
      ['translations.de', 'UNKNOWN_LANGUAGE'],
      ['translations.fr.title', 'TOO_LONG'],
    ]);

    const unknown = await api.post('/api/v1/calls', {
      token: secretariat.token,
      body: body({
        translations: {
          fr: { criteria: { NOPE: { title: 'Non' } }, questions: { nope: {}, stage: { options: ['Un'] } } },
        },
      }),
    });
    expectProblem(unknown, 400, 'VALIDATION_FAILED');
    expect(errorFields(unknown)).toEqual(['translations.fr.criteria.NOPE', 'translations.fr.questions.stage.options']);
    expect(unknown.body.errors.map((e: { code: string }) => e.code)).toEqual(['UNKNOWN_CRITERION', 'OPTIONS_MISMATCH']);
  });

  it('lets translations change once the call is open, and drops those of a criterion a draft removes', async () => {
    const opened = await createCall(api, secretariat.token, body());
    const res = await patchCall(api, secretariat.token, opened.id, opened.version, {
      translations: { es: { title: 'Convocatoria' } },
    });
    expect(res.status).toBe(200);
    expect(res.body.changeable).toContain('translations');
    expect(res.body.translations).toEqual({ es: { title: 'Convocatoria' } });

    const draft = await createCall(api, secretariat.token, body({ translations: { fr: FRENCH } }), false);
    const pruned = await patchCall(api, secretariat.token, draft.id, draft.version, {
      criteria: [{ code: 'REACH', title: 'Reach', weight: 1 }],
    });
    expect(pruned.status).toBe(200);
    expect(pruned.body.translations.fr.criteria).toBeUndefined();
    expect(pruned.body.translations.fr.title).toBe(FRENCH.title);
  });
});

describe('the annex and circular of a cohort whose call is translated', () => {
  let redis: RedisServer;
  let api: TestApi;
  let worker: INestApplicationContext;
  let cohortId: string;

  beforeAll(async () => {
    redis = await RedisServer.start();
    api = await withEnv({ REDIS_URL: redis.url }, () => TestApi.start());
    worker = await startWorker({ REDIS_URL: redis.url });
    const secretariat = await secretariatOf(api);
    const centres = [
      { countryCode: 'KE', organisationName: 'Nairobi Technology Enterprise Centre', city: 'Nairobi' },
      { countryCode: 'SN', organisationName: 'Centre d’incubation de Dakar', city: 'Dakar' },
    ];
    ({ cohortId } = await publishedCohortOf(api, secretariat, centres, async (callId) => {
      const call = await api.get(`/api/v1/calls/${callId}`, { token: secretariat.token });
      const codes = (call.body.criteria as Array<{ code: string }>).map((c) => c.code);
      const translations = {
        fr: { title: 'Centres d’accélération : appel de test', criteria: { [codes[0]]: { title: 'Critère traduit' } } },
      };
      const saved = await patchCall(api, secretariat.token, callId, call.body.version, { translations });
      if (saved.status !== 200) throw new Error(`translations: ${saved.status} ${JSON.stringify(saved.body)}`);
    }));
  }, 240_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis?.stop();
  });

  const text = async (path: string) =>
    (await extractPdfText((await getBytes(api, `/api/v1/public/cohorts/${cohortId}/${path}`)).body as Buffer)).text;

  it('prints the French title and criteria in the French annex and circular, the English in the English ones', async () => {
    const annexFr = await text('annex.pdf?lang=fr');
    expect(annexFr).toContain('Centres d’accélération : appel de test');
    expect(annexFr).toContain('Critère traduit');
    const circularFr = await text('circular.pdf?lang=fr');
    expect(circularFr).toContain('Centres d’accélération : appel de test');
    const annexEn = await text('annex.pdf?lang=en');
    expect(annexEn).not.toContain('Centres d’accélération : appel de test');
  }, 120_000);
});
