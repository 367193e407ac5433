import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { Response } from 'supertest';
import { sql } from '../support/applications';
import { eventually, withEnv } from '../support/async';
import { getBytes } from '../support/binary-get';
import { secretariatOf } from '../support/evaluation-fixtures';
import { Actor } from '../support/fixtures';
import { publishedCohortOf } from '../support/published-cohort';
import { RedisServer } from '../support/redis-server';
import { TestApi } from '../support/test-app';
import { WorkerProcess } from '../support/worker';

/**
 * Issue 10, annexes: what applicants named their centres cannot run as a formula in the public CSV,
 * and the annexes of a published cohort are rendered once, stored, and served with a strong ETag.
 */

const CENTRES = [
  { countryCode: 'KE', organisationName: '=HYPERLINK("http://evil.example","Click")', city: 'Nairobi' },
  { countryCode: 'BR', organisationName: '+55 Campus', city: '=1+1' },
  { countryCode: 'IN', organisationName: '-2+3 Deep Tech', city: 'Bengaluru' },
  { countryCode: 'EG', organisationName: '@SUM(A1:A9) Incubator', city: 'Cairo' },
];
const FORMULA_START = /^[=+\-@\t\r\n]/;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('annexes of a published cohort', () => {
  let redis: RedisServer;
  let api: TestApi;
  let worker: WorkerProcess;
  let secretariat: Actor;
  let cohortId: string;

  beforeAll(async () => {
    redis = await RedisServer.start();
    api = await withEnv({ REDIS_URL: redis.url }, () => TestApi.start());
    // A process of its own, as in production: rendering nineteen documents holds its CPU for seconds.
    worker = await WorkerProcess.start({ REDIS_URL: redis.url, COHORT_DOCUMENTS_AT_PUBLICATION: 'true' });
    secretariat = await secretariatOf(api);
    ({ cohortId } = await publishedCohortOf(api, secretariat, CENTRES));
  }, 480_000);

  afterAll(async () => {
    await worker?.stop('SIGTERM', 30_000);
    await api?.close();
    await redis?.stop();
  });

  /** A GET of an annex, its body kept as bytes, checked against the OpenAPI document. */
  const fetchAnnex = (path: string, headers: Record<string, string> = {}): Promise<Response> =>
    getBytes(api, `/api/v1/public/cohorts/${cohortId}/${path}`, headers);
  const storedAnnexes = () =>
    sql<{ format: string; locale: string; sha256: string; content: Buffer }>(
      api,
      `SELECT format, locale, sha256, content FROM cohort_annexes WHERE cohort_id = $1 ORDER BY format, locale`,
      [cohortId],
    );

  it('has the worker store every annex after publication, before anyone asks for one', async () => {
    // In each of the six languages, in the order the database sorts them; the CSV once, in English.
    const languages = ['ar', 'en', 'es', 'fr', 'ru', 'zh'];
    const renderingDone = () =>
      sql<{ completed_at: Date | null }>(
        api,
        `SELECT completed_at FROM outbox WHERE job_name = 'cohorts.render-annexes' AND payload->>'cohortId' = $1`,
        [cohortId],
      );
    const jobs = await eventually(renderingDone, (rows) => rows[0]?.completed_at != null, 280_000);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].completed_at).not.toBeNull();
    const stored = await storedAnnexes();
    expect(stored.map(({ format, locale }) => [format, locale])).toEqual([
      ...languages.map((language) => ['circular-html', language]),
      ...languages.map((language) => ['circular-pdf', language]),
      ['csv', 'en'],
      ...languages.map((language) => ['pdf', language]),
    ]);
  }, 300_000);

  it('neutralises in the public CSV every name and city that a spreadsheet would run as a formula', async () => {
    const res = await fetchAnnex('annex.csv');
    expect(res.status).toBe(200);
    const [header, ...rows] = parse(res.body as Buffer, { bom: true }) as string[][];
    expect(header).toEqual(['region', 'country_code', 'country', 'centre', 'city']);
    expect(rows.map((row) => [row[3], row[4]]).sort()).toEqual(
      CENTRES.map((c) => [`'${c.organisationName}`, FORMULA_START.test(c.city) ? `'${c.city}` : c.city]).sort(),
    );
    expect(rows.flat().filter((cell) => FORMULA_START.test(cell))).toEqual([]);
  });

  it.each(['en', 'fr', 'ar', 'zh'])(
    'serves the %s PDF as stored, the same bytes every time, under a strong ETag of their SHA-256',
    async (lang) => {
      const first = await fetchAnnex(`annex.pdf?lang=${lang}`);
      const second = await fetchAnnex(`annex.pdf?lang=${lang}`);
      expect([first.status, second.status]).toEqual([200, 200]);
      const bytes = first.body as Buffer;
      expect(Buffer.compare(bytes, second.body as Buffer)).toBe(0);
      expect(first.headers.etag).toBe(`"${sha256(bytes)}"`);
      expect(first.headers['cache-control']).toBe('public, max-age=31536000, immutable, no-transform');
      const stored = (await storedAnnexes()).find((a) => a.format === 'pdf' && a.locale === lang);
      expect(Buffer.compare(bytes, stored?.content ?? Buffer.alloc(0))).toBe(0);
    },
  );

  it('answers 304 without a body to a client that holds the current copy, and the bytes to any other', async () => {
    const { etag } = (await fetchAnnex('annex.pdf?lang=fr')).headers;
    const cached = await fetchAnnex('annex.pdf?lang=fr', { 'If-None-Match': `"0000", ${etag}` });
    expect(cached.status).toBe(304);
    expect(cached.headers.etag).toBe(etag);
    expect((cached.body as Buffer).length).toBe(0);

    const csvEtag = (await fetchAnnex('annex.csv')).headers.etag;
    expect((await fetchAnnex('annex.csv', { 'If-None-Match': csvEtag })).status).toBe(304);
    const stale = await fetchAnnex('annex.pdf?lang=en', { 'If-None-Match': etag });
    expect(stale.status).toBe(200);
    expect(stale.headers.etag).not.toBe(etag);
  });

  it('refuses any change to a stored annex in the database itself', async () => {
    for (const statement of [
      `UPDATE cohort_annexes SET content = '\\x00', sha256 = encode(sha256('\\x00'::bytea), 'hex') WHERE cohort_id = $1`,
      `DELETE FROM cohort_annexes WHERE cohort_id = $1`,
    ]) {
      await expect(sql(api, statement, [cohortId])).rejects.toMatchObject({ driverError: { code: 'CP409' } });
    }
    expect(await storedAnnexes()).toHaveLength(19);
  });

  it('renders once, on first request, an annex not stored yet (a cohort published before annexes were stored)', async () => {
    const before = await storedAnnexes();
    // As a cohort published before annexes were stored: its rows are not there.
    await sql(api, `ALTER TABLE cohort_annexes DISABLE TRIGGER cohort_annexes_written_once`);
    await sql(api, `DELETE FROM cohort_annexes WHERE cohort_id = $1`, [cohortId]);
    await sql(api, `ALTER TABLE cohort_annexes ENABLE TRIGGER cohort_annexes_written_once`);

    const answers = await Promise.all([1, 2, 3].map(() => fetchAnnex('annex.pdf?lang=en')));
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200]);
    // The document asked for, and no other, rendered again to the very same bytes.
    const stored = await storedAnnexes();
    const englishPdf = before.find(({ format, locale }) => format === 'pdf' && locale === 'en');
    expect(stored.map(({ format, locale, sha256: hash }) => [format, locale, hash])).toEqual([
      ['pdf', 'en', englishPdf?.sha256],
    ]);
    for (const res of answers) expect(res.headers.etag).toBe(`"${englishPdf?.sha256}"`);
  });
});
