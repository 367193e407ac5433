import type { Response } from 'supertest';
import { download, expectProblem, sql } from '../support/applications';
import {
  assignmentId,
  auditEvents,
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  evaluate,
  saveDraft,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';
import { Actor, createApplicant } from '../support/fixtures';
import { SeededName, seedListedCall } from '../support/listed-call';
import { csvRecords, workbookRecords } from '../support/spreadsheets';
import { TestApi } from '../support/test-app';

type Row = Record<string, string>;

/** What GET /calls/:id/applications answers of an application, as far as the export holds it. */
interface ListedApplication {
  id: string;
  organisation: { name: string; city: string | null };
  countryCode: string;
  region: string;
  status: string;
  eligibility: { eligible: boolean; reasons: Array<{ code: string; message: string }> } | null;
  submittedAt: string | null;
  withdrawnAt: string | null;
  createdAt: string;
}

interface RankingItem {
  rank: number;
  applicationId: string;
  organisation: { name: string; countryCode: string; region: string };
  score: number;
  rawScore: number;
  normalizedScore: number;
  evaluationCount: number;
  spread: number;
  stdDev: number;
  needsModeration: boolean;
  consensusScore: number | null;
}

/** The CSV export, checked to start with the UTF-8 byte-order mark, as records by header. */
function readCsv(res: Response): Row[] {
  const bytes = res.body as Buffer;
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return csvRecords(bytes);
}

const readXlsx = (res: Response) => workbookRecords(res.body as Buffer);

const CSV_TYPE = /^text\/csv; charset=utf-8/;
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The secretariat's exports (CSV and workbook) of a call's applications, ranking and evaluations,
 * read back and compared with what the API's lists answer.
 */
describe('exports of applications, ranking and evaluations', () => {
  let api: TestApi;
  let secretariat: Actor;

  beforeAll(async () => {
    api = await TestApi.start();
    secretariat = await secretariatOf(api);
  });
  afterAll(() => api.close());

  const get = (url: string, query: Record<string, string | number> = {}) =>
    api.get(url, { token: secretariat.token, query });
  const exported = (url: string, query: Record<string, string>) =>
    download(api, `${url}?${new URLSearchParams(query).toString()}`, secretariat.token);

  describe('a listed call', () => {
    let callId: string;
    let ids: Map<SeededName, string>;

    beforeAll(async () => {
      ({ callId, ids } = await seedListedCall(secretariat.id));
      // A name that a spreadsheet would run as a formula, with an accent to survive the encoding.
      await sql(
        api,
        `UPDATE organisations SET name = '=1+2 Québec' WHERE id = (SELECT organisation_id FROM applications WHERE id = $1)`,
        [ids.get('Quito 100% Startups')],
      );
    }, 60_000);

    const applicationsUrl = () => `/api/v1/calls/${callId}/applications/export`;
    const rankingUrl = () => `/api/v1/calls/${callId}/ranking/export`;

    it('exports the applications as the list answers them, in its order, as CSV in UTF-8 with formulas neutralised', async () => {
      const list = await get(`/api/v1/calls/${callId}/applications`, { limit: 500 });
      const res = await exported(applicationsUrl(), { format: 'csv' });

      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(CSV_TYPE);
      expect(res.headers['content-disposition']).toBe(`attachment; filename="applications-${callId}.csv"`);
      const rows = readCsv(res);
      expect(rows).toEqual(
        list.body.items.map((a: ListedApplication) => ({
          application_id: a.id,
          organisation: a.organisation.name.startsWith('=') ? `'${a.organisation.name}` : a.organisation.name,
          city: a.organisation.city ?? '',
          country_code: a.countryCode,
          region: a.region,
          status: a.status,
          eligible: a.eligibility === null ? '' : String(a.eligibility.eligible),
          eligibility_reasons: (a.eligibility?.reasons ?? []).map((r) => `${r.code}: ${r.message}`).join('; '),
          submitted_at: a.submittedAt ?? '',
          withdrawn_at: a.withdrawnAt ?? '',
          created_at: a.createdAt,
        })),
      );
      expect(rows.map((r) => r.organisation)).toContain("'=1+2 Québec");
    });

    it("keeps the list's filters and order", async () => {
      const query = { status: 'submitted', sort: '-organisation' };
      const list = await get(`/api/v1/calls/${callId}/applications`, query);
      const rows = readCsv(await exported(applicationsUrl(), query));

      expect(rows.map((r) => r.application_id)).toEqual(list.body.items.map((a: { id: string }) => a.id));
      expect(rows.map((r) => r.organisation)).toEqual(['Nairobi Innovation Hub', 'Lyon Accelerator', 'Dakar Tech Lab']);
    });

    it('exports the applications as a workbook: dates as dates, eligibility as booleans', async () => {
      const list = await get(`/api/v1/calls/${callId}/applications`, { limit: 500 });
      const res = await exported(applicationsUrl(), { format: 'xlsx' });

      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe(XLSX_TYPE);
      const rows = await readXlsx(res);
      expect(rows.map((r) => [r.application_id, r.organisation, r.status, r.eligible, r.submitted_at])).toEqual(
        list.body.items.map((a: ListedApplication) => [
          a.id,
          a.organisation.name.startsWith('=') ? `'${a.organisation.name}` : a.organisation.name,
          a.status,
          a.eligibility?.eligible ?? null,
          a.submittedAt === null ? null : new Date(a.submittedAt),
        ]),
      );
    });

    it('exports every score of the ranking with eligibility and status, numbers as numbers in the workbook', async () => {
      const ranking = await get(`/api/v1/calls/${callId}/ranking`, { limit: 500 });
      const csv = readCsv(await exported(rankingUrl(), { format: 'csv' }));
      const xlsx = await readXlsx(await exported(rankingUrl(), { format: 'xlsx' }));

      const expected = ranking.body.items.map((r: RankingItem) => ({
        rank: r.rank,
        application_id: r.applicationId,
        organisation: r.organisation.name,
        country_code: r.organisation.countryCode,
        region: r.organisation.region,
        score: r.score,
        raw_score: r.rawScore,
        normalized_score: r.normalizedScore,
        evaluation_count: r.evaluationCount,
        spread: r.spread,
        std_dev: r.stdDev,
        needs_moderation: r.needsModeration,
        consensus_score: r.consensusScore,
        eligible: r.applicationId !== ids.get('Lyon Accelerator'),
        status: 'submitted',
        // Not calibrated: no rank interval.
        probability_in_cohort: null,
        rank_interval_lower: null,
        rank_interval_upper: null,
        mean_rank: null,
      }));
      expect(expected).toHaveLength(3);
      expect(xlsx).toEqual(expected);
      // No consensus score here: an empty cell in the text file.
      expect(csv).toEqual(
        expected.map((row: Record<string, unknown>) =>
          Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value === null ? '' : String(value)])),
        ),
      );
    });

    it('keeps the search and order of the ranking', async () => {
      const rows = readCsv(await exported(rankingUrl(), { search: 'a', sort: '-spread' }));
      const ranking = await get(`/api/v1/calls/${callId}/ranking`, { search: 'a', sort: '-spread' });

      expect(rows.map((r) => r.application_id)).toEqual(
        ranking.body.items.map((r: { applicationId: string }) => r.applicationId),
      );
      expect(rows.map((r) => r.organisation)).toEqual(['Lyon Accelerator', 'Nairobi Innovation Hub', 'Dakar Tech Lab']);
    });

    it('audits who exported what', async () => {
      await exported(rankingUrl(), { format: 'xlsx', sort: 'country' });

      const events = await auditEvents(api, 'call', callId);
      expect(events).toContainEqual({
        action: 'call.ranking_exported',
        actorId: secretariat.id,
        before: null,
        after: { format: 'xlsx', sort: { key: 'country', descending: false } },
      });
      expect(events.filter((e) => e.action === 'call.applications_exported').length).toBeGreaterThanOrEqual(3);
    });

    it('refuses an unknown format, naming it, and an applicant', async () => {
      const applicant = await createApplicant(api, 'KE');

      expect(expectProblem(await exported(applicationsUrl(), { format: 'pdf' }), 400, 'VALIDATION_FAILED')).toEqual([
        expect.objectContaining({ field: 'format' }),
      ]);
      expectProblem(await download(api, rankingUrl(), applicant.token), 403, 'FORBIDDEN');
      expectProblem(
        await download(api, `/api/v1/calls/${callId}/evaluations/export`, applicant.token),
        403,
        'FORBIDDEN',
      );
    });
  });

  it.each(['applications', 'ranking', 'evaluations'])('answers 404 for the %s of an unknown call', async (table) => {
    const res = await download(
      api,
      `/api/v1/calls/00000000-0000-4000-8000-000000000000/${table}/export`,
      secretariat.token,
    );

    expectProblem(res, 404, 'NOT_FOUND');
  });

  describe('a call under evaluation', () => {
    let callId: string;
    let applicationIds: string[];
    let evaluators: Actor[];

    beforeAll(async () => {
      evaluators = await createEvaluators(api, [{}, {}]);
      const applicants = await createApplicantsFrom(api, [
        { countryCode: 'SN', organisationName: 'Centre de Saint-Louis' },
        { countryCode: 'KE', organisationName: 'Kisumu Hub' },
      ]);
      ({ callId, applicationIds } = await callWithSubmissions(api, applicants));
      await seatPanel(api, callId, evaluators);
      const [first, second] = evaluators;
      await evaluate(api, first.token, await assignmentId(api, callId, applicationIds[0], first.id), [
        { criterionCode: 'IMPACT', score: 8, comment: '=Réseau rural, "solide"' },
        { criterionCode: 'CAPACITY', score: 6 },
      ]);
      const drafted = await saveDraft(
        api,
        second.token,
        await assignmentId(api, callId, applicationIds[0], second.id),
        {
          scores: [{ criterionCode: 'CAPACITY', score: 3, comment: 'Équipe réduite' }],
          overallComment: 'À revoir',
        },
      );
      expect(drafted.status).toBe(200);
      await assignmentId(api, callId, applicationIds[1], first.id);
    }, 120_000);

    it('exports every evaluation with each criterion’s score and comment, as the API answers them', async () => {
      const evaluations = (
        await Promise.all(applicationIds.map((id) => get(`/api/v1/applications/${id}/evaluations`)))
      ).flatMap((res) => res.body.items);
      const rows = readCsv(await exported(`/api/v1/calls/${callId}/evaluations/export`, { format: 'csv' }));

      expect(rows).toHaveLength(3);
      expect(rows.map((r) => r.organisation)).toEqual(['Centre de Saint-Louis', 'Centre de Saint-Louis', 'Kisumu Hub']);
      for (const row of rows) {
        const evaluation = evaluations.find((e: { assignmentId: string }) => e.assignmentId === row.assignment_id);
        const score = (code: string) =>
          evaluation.scores.find((s: { criterionCode: string }) => s.criterionCode === code);
        const neutralised = (text: string | null | undefined) => (text?.startsWith('=') ? `'${text}` : (text ?? ''));
        expect(row).toEqual({
          assignment_id: evaluation.assignmentId,
          evaluator_id: evaluation.evaluatorId,
          evaluator: 'Test evaluator',
          application_id: evaluation.applicationId,
          organisation: row.organisation,
          country_code: evaluation.applicationId === applicationIds[0] ? 'SN' : 'KE',
          status: evaluation.status,
          confidence: evaluation.confidence ?? '',
          'IMPACT.score': String(score('IMPACT')?.score ?? ''),
          'IMPACT.comment': neutralised(score('IMPACT')?.comment),
          'CAPACITY.score': String(score('CAPACITY')?.score ?? ''),
          'CAPACITY.comment': neutralised(score('CAPACITY')?.comment),
          overall_comment: evaluation.overallComment ?? '',
          submitted_at: evaluation.submittedAt ?? '',
        });
      }
      expect(rows.map((r) => [r.status, r['IMPACT.comment'], r['CAPACITY.score']])).toEqual(
        expect.arrayContaining([
          ['submitted', `'=Réseau rural, "solide"`, '6'],
          ['draft', '', '3'],
          ['assigned', '', ''],
        ]),
      );
    });

    it('exports the evaluations as a workbook with scores as numbers', async () => {
      const rows = await readXlsx(await exported(`/api/v1/calls/${callId}/evaluations/export`, { format: 'xlsx' }));

      const submitted = rows.find((r) => r.status === 'submitted');
      expect(submitted).toMatchObject({ 'IMPACT.score': 8, 'CAPACITY.score': 6, 'CAPACITY.comment': null });
      expect(submitted?.submitted_at).toBeInstanceOf(Date);
    });

    it('exports the answers of the applications, a column per question', async () => {
      const rows = readCsv(await exported(`/api/v1/calls/${callId}/applications/export`, { format: 'csv' }));

      expect(rows.map((r) => [r['answer.programme'], r['answer.startups_per_year']])).toEqual([
        ['A six-month programme for digital start-ups.', ''],
        ['A six-month programme for digital start-ups.', ''],
      ]);
    });
  });
});
