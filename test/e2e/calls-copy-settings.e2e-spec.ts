import { randomUUID } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { sql } from '../support/applications';
import { eventually, withEnv } from '../support/async';
import { callAuditTrail } from '../support/calls-e2e';
import { Actor, createCall, createStaff } from '../support/fixtures';
import { RedisServer } from '../support/redis-server';
import { TestApi } from '../support/test-app';
import { startWorker } from '../support/worker';

/**
 * A copied call starts from what the secretariat wrote for its source beside the rules: the results
 * circular's settings (on the call's row, copied with it) and the agreement terms (the cohorts
 * context's, copied by its job of `call.copied`). The copy's are then the secretariat's to edit.
 */

const SETTINGS = {
  reference: 'BDT/DIR/DM/013',
  place: { en: 'Geneva', fr: 'Genève' },
  addressees: ['academia', 'united-nations-agencies'],
  signatory: { name: 'A. Director', title: { en: 'Director, BDT', fr: 'Directeur du BDT' } },
  results: {
    subject: { en: 'Results of {call}', fr: 'Résultats de {call}' },
    body: { en: '{applications} applications, {selected} selected.', fr: '{selected} retenus.' },
  },
  announcement: {
    subject: { en: 'Announcing {call}', fr: 'Annonce de {call}' },
    body: { en: 'Apply by {deadline}.', fr: 'Candidatures jusqu’au {deadline}.' },
  },
  about: { en: 'The Alliance brings centres together.', fr: 'L’Alliance réunit des centres.' },
  contact: { name: 'BDT Secretariat', email: 'bdt@itu.int' },
};
const TERMS = 'The centre hosts two cohorts a year.\n\nITU lends its name to the centre’s programme.';

describe('POST /calls/:id/copy keeps the circular and the agreement terms', () => {
  let redis: RedisServer;
  let api: TestApi;
  let worker: INestApplicationContext;
  let secretariat: Actor;

  beforeAll(async () => {
    redis = await RedisServer.start();
    api = await withEnv({ REDIS_URL: redis.url }, () => TestApi.start());
    worker = await startWorker({ REDIS_URL: redis.url });
    secretariat = await createStaff(api, 'secretariat');
  }, 120_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await redis?.stop();
  });

  const copy = async (sourceId: string): Promise<string> => {
    const res = await api.post(`/api/v1/calls/${sourceId}/copy`, {
      token: secretariat.token,
      body: {
        reference: `COPY/${randomUUID().slice(0, 8)}`,
        opensAt: '2031-02-01T08:00:00.000Z',
        closesAt: '2031-03-15T11:00:00.000Z',
      },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const circular = (callId: string) => api.get(`/api/v1/calls/${callId}/circular`, { token: secretariat.token });
  const terms = (callId: string) => api.get(`/api/v1/calls/${callId}/agreement-terms`, { token: secretariat.token });
  const writeTerms = (callId: string, text: string) =>
    api.put(`/api/v1/calls/${callId}/agreement-terms`, { token: secretariat.token, body: { terms: text } });
  /** Whether the cohorts context has done its job of the copy. */
  const copyHandled = async (callId: string) => {
    const rows = await sql<{ done: boolean }>(
      api,
      `SELECT completed_at IS NOT NULL AS done FROM outbox WHERE job_name = 'call.copied' AND payload @> $1::jsonb`,
      [JSON.stringify({ callId })],
    );
    return rows.length === 1 && rows[0].done;
  };

  it('gives the copy the source’s circular settings and agreement terms, each editable on its own', async () => {
    const source = await createCall(api, secretariat.token, {}, false);
    expect(
      (await api.put(`/api/v1/calls/${source.id}/circular`, { token: secretariat.token, body: SETTINGS })).status,
    ).toBe(200);
    expect((await writeTerms(source.id, TERMS)).status).toBe(200);

    const copyId = await copy(source.id);

    expect((await circular(copyId)).body).toEqual(SETTINGS);
    const copied = await eventually(
      () => terms(copyId),
      (res) => res.status === 200,
    );
    expect(copied.body).toMatchObject({ callId: copyId, terms: TERMS });
    expect(await callAuditTrail(api, secretariat.token, copyId)).toContainEqual(
      expect.objectContaining({
        action: 'call.agreement_terms_written',
        actorId: secretariat.id,
        after: { terms: TERMS, copiedFrom: { id: source.id } },
      }),
    );

    const edited = { ...SETTINGS, reference: 'BDT/DIR/DM/014' };
    expect((await api.put(`/api/v1/calls/${copyId}/circular`, { token: secretariat.token, body: edited })).status).toBe(
      200,
    );
    expect((await writeTerms(copyId, `${TERMS}\n\nA third paragraph.`)).status).toBe(200);
    expect((await circular(source.id)).body).toEqual(SETTINGS);
    expect((await terms(source.id)).body.terms).toBe(TERMS);
  });

  it('leaves a copy of a call with neither on the defaults and without terms', async () => {
    const source = await createCall(api, secretariat.token, {}, false);
    const copyId = await copy(source.id);

    expect(await eventually(() => copyHandled(copyId), Boolean)).toBe(true);
    expect((await terms(copyId)).status).toBe(404);
    const [row] = await sql<{ circular: unknown }>(api, `SELECT circular FROM calls WHERE id = $1`, [copyId]);
    expect(row.circular).toBeNull();
    expect((await circular(copyId)).status).toBe(200);
  });
});
