import type { Response } from 'supertest';
import {
  createApplicants,
  createDraft,
  createStaffPair,
  draftId,
  expectProblem,
  intakeCallOverrides,
  patchAnswers,
  sql,
  uploadDocument,
  waitUntil,
} from '../support/applications';
import { SAMPLE_PDF, createApplicant, createCall } from '../support/fixtures';
import { TestApi } from '../support/test-app';

// The races need dozens of applicants, each costing two argon2 computations.
jest.setTimeout(180_000);

const RACERS = 50;
/** More concurrent submissions than the API's database pool has connections (10 by default). */
const RUSH = 25;

describe('submission deadline', () => {
  let api: TestApi;
  let secretariatToken: string;

  beforeAll(async () => {
    api = await TestApi.start();
    secretariatToken = (await createStaffPair(api)).secretariat.token;
  });
  afterAll(() => api.close());

  const submit = (token: string, id: string) => api.post(`/api/v1/applications/${id}/submit`, { token });

  /** Moves an open call's deadline later (the only way it may move once open). */
  async function extendDeadline(callId: string, closesAt: number): Promise<void> {
    const current = await api.get(`/api/v1/calls/${callId}`, { token: secretariatToken });
    const res = await api.patch(`/api/v1/calls/${callId}`, {
      token: secretariatToken,
      headers: { 'If-Match': `"${current.body.version}"` },
      body: { closesAt: new Date(closesAt).toISOString() },
    });
    if (res.status !== 200) throw new Error(`extension failed: ${res.status} ${JSON.stringify(res.body)}`);
  }

  it('accepts a rush of submissions well inside the window, more than the connection pool holds', async () => {
    const applicants = await createApplicants(api, RUSH);
    const call = await createCall(api, secretariatToken, intakeCallOverrides());
    const ids = await Promise.all(applicants.map((a) => draftId(api, a.token, call.id)));

    const responses = await Promise.all(applicants.map((a, i) => submit(a.token, ids[i]!)));

    expect(responses.map((r) => r.status)).toEqual(ids.map(() => 200));
    const [row] = await sql(
      api,
      `SELECT count(*)::int AS n FROM applications WHERE call_id = $1 AND status = 'submitted'`,
      [call.id],
    );
    expect(row).toEqual({ n: RUSH });
  });

  it(`accepts exactly the submissions decided before closesAt among ${RACERS} racing it`, async () => {
    const applicants = await createApplicants(api, RACERS + 1);
    const warmUp = applicants.pop()!;
    const call = await createCall(
      api,
      secretariatToken,
      // Time enough to prepare every draft even on a loaded machine (beside other suites, 50 drafts
      // have taken more than 8 s); the race waits for what is left.
      intakeCallOverrides({ closesAt: new Date(Date.now() + 30_000).toISOString() }),
    );
    const ids = await Promise.all(applicants.map((a) => draftId(api, a.token, call.id)));

    // A first submission elsewhere warms the code paths up and shows how slow the machine is now;
    // the race starts early enough for the first submissions to get in, however loaded it is (with
    // other suites beside it, 50 submissions at once can take ten times longer than one, and a
    // lead of one second once let none in).
    const other = await createCall(api, secretariatToken, intakeCallOverrides());
    const warmUpId = await draftId(api, warmUp.token, other.id);
    const started = Date.now();
    expect((await submit(warmUp.token, warmUpId)).status).toBe(200);
    const lead = Math.min(Math.max(20 * (Date.now() - started), 5_000), 20_000);
    let closesAt = new Date(call.body.closesAt as string).getTime();
    if (closesAt < Date.now() + lead + 500) {
      closesAt = Date.now() + lead + 1_000;
      await extendDeadline(call.id, closesAt);
    }

    // Fired evenly from `lead` before the deadline to half of it after: the last third cannot get in.
    const pending: Array<Promise<Response>> = [];
    for (let i = 0; i < RACERS; i++) {
      await waitUntil(closesAt - lead + Math.round((i * 1.5 * lead) / (RACERS - 1)));
      pending.push(submit(applicants[i]!.token, ids[i]!));
    }
    const responses = await Promise.all(pending);

    const accepted = new Set<string>();
    responses.forEach((res, i) => {
      if (res.status === 200) {
        expect(res.body.status).toBe('submitted');
        expect(new Date(res.body.submittedAt as string).getTime()).toBeLessThan(closesAt);
        accepted.add(ids[i]!);
      } else {
        expectProblem(res, 409, 'DEADLINE_PASSED');
      }
    });
    expect(accepted.size).toBeGreaterThan(0);
    expect(accepted.size).toBeLessThan(RACERS);

    const rows = await sql<{ id: string; status: string; submitted_at: Date | null; eligible: boolean | null }>(
      api,
      `SELECT a.id, a.status, a.submitted_at, (a.eligibility ->> 'eligible')::boolean AS eligible,
              a.submitted_at < c.closes_at AS in_time
         FROM applications a JOIN calls c ON c.id = a.call_id WHERE a.call_id = $1`,
      [call.id],
    );
    expect(rows).toHaveLength(RACERS);
    for (const row of rows) {
      if (accepted.has(row.id)) expect(row).toMatchObject({ status: 'submitted', eligible: true, in_time: true });
      else expect(row).toMatchObject({ status: 'draft', submitted_at: null, eligible: null });
    }

    const audited = await sql<{ entity_id: string; n: number }>(
      api,
      `SELECT entity_id, count(*)::int AS n FROM audit_events
        WHERE action = 'application.submitted' AND entity_id = ANY($1::uuid[]) GROUP BY entity_id`,
      [ids],
    );
    expect(new Map(audited.map((r) => [r.entity_id, r.n]))).toEqual(new Map([...accepted].map((id) => [id, 1])));
  });

  it('refuses every change after the deadline of a call still open, until the deadline is extended', async () => {
    const applicant = await createApplicant(api);
    const late = await createApplicant(api);
    const closesAt = Date.now() + 3_000;
    const call = await createCall(
      api,
      secretariatToken,
      intakeCallOverrides({ closesAt: new Date(closesAt).toISOString() }),
    );
    const id = await draftId(api, applicant.token, call.id);
    await waitUntil(closesAt + 50);

    expectProblem(await submit(applicant.token, id), 409, 'DEADLINE_PASSED');
    expectProblem(await patchAnswers(api, applicant.token, id, 1, { motto: 'Late' }), 409, 'DEADLINE_PASSED');
    const upload = await uploadDocument(api, applicant.token, id, 'annex', { buffer: SAMPLE_PDF, filename: 'a.pdf' });
    expectProblem(upload, 409, 'DEADLINE_PASSED');
    expectProblem(await createDraft(api, late.token, call.id), 409, 'DEADLINE_PASSED');
    const [row] = await sql(api, 'SELECT status, version, submitted_at FROM applications WHERE id = $1', [id]);
    expect(row).toEqual({ status: 'draft', version: 1, submitted_at: null });

    await extendDeadline(call.id, Date.now() + 60_000);
    const res = await submit(applicant.token, id);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('submitted');
  });

  it('refuses submissions to a call closed early with CALL_NOT_OPEN, keeping those already made', async () => {
    const early = await createApplicant(api);
    const tardy = await createApplicant(api);
    const newcomer = await createApplicant(api);
    const call = await createCall(api, secretariatToken, intakeCallOverrides());
    const earlyId = await draftId(api, early.token, call.id);
    const tardyId = await draftId(api, tardy.token, call.id);
    const submitted = await submit(early.token, earlyId);

    const closed = await api.post(`/api/v1/calls/${call.id}/close`, { token: secretariatToken });
    expect(closed.body.status).toBe('closed');

    expectProblem(await submit(tardy.token, tardyId), 409, 'CALL_NOT_OPEN');
    expectProblem(await createDraft(api, newcomer.token, call.id), 409, 'CALL_NOT_OPEN');
    const again = await submit(early.token, earlyId);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ status: 'submitted', submittedAt: submitted.body.submittedAt });
    const [row] = await sql(api, 'SELECT status, submitted_at FROM applications WHERE id = $1', [tardyId]);
    expect(row).toEqual({ status: 'draft', submitted_at: null });
  });

  it('answers DEADLINE_PASSED for a call closed once its deadline has passed', async () => {
    const applicant = await createApplicant(api);
    const closesAt = Date.now() + 3_000;
    const call = await createCall(
      api,
      secretariatToken,
      intakeCallOverrides({ closesAt: new Date(closesAt).toISOString() }),
    );
    const id = await draftId(api, applicant.token, call.id);
    await waitUntil(closesAt + 50);
    expect((await api.post(`/api/v1/calls/${call.id}/close`, { token: secretariatToken })).status).toBe(200);

    expectProblem(await submit(applicant.token, id), 409, 'DEADLINE_PASSED');
  });
});
