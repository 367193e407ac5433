import { INestApplicationContext } from '@nestjs/common';
import type { Client } from 'pg';
import { expectProblem, sql } from '../support/applications';
import { eventually, withEnv } from '../support/async';
import { connectDb } from '../support/calls-e2e';
import { createApplicantsFrom, createEvaluators, evaluate, secretariatOf } from '../support/evaluation-fixtures';
import { Actor, Applicant, createCall } from '../support/fixtures';
import { RedisServer } from '../support/redis-server';
import { evaluatedCall, holdScoringLock, scoringStatus } from '../support/scoring';
import { TestApi } from '../support/test-app';
import { startWorker } from '../support/worker';

/**
 * Issue 5: cohort proposals through HTTP — the selection of DESIGN §6 on a scored call, reasons for
 * everyone left out, overrides with reasons, approval, and what is refused (changing nothing).
 */

interface Entry {
  applicationId: string;
  rank: number;
  score: number | null;
  reason?: string;
  organisation: { name: string; countryCode: string; region: string };
}

interface Ranked {
  applicationId: string;
  score: number;
}

describe('cohort proposals', () => {
  let redis: RedisServer;
  let api: TestApi;
  let worker: INestApplicationContext;
  let db: Client;
  let secretariat: Actor;
  let evaluators: Actor[];
  let applicants: Applicant[];
  let callId: string;
  let drafts: Array<{ id: string; token: string }>;
  let ranking: Array<{ applicationId: string; rank: number; organisation: { countryCode: string; region: string } }>;

  const COUNTRIES = ['KE', 'KE', 'KE', 'BR', 'BR', 'IN', 'EG', 'FR', 'FR', 'IN'];

  beforeAll(async () => {
    redis = await RedisServer.start();
    api = await withEnv({ REDIS_URL: redis.url }, () => TestApi.start());
    worker = await startWorker({ REDIS_URL: redis.url });
    db = await connectDb();
    secretariat = await secretariatOf(api);
    evaluators = await createEvaluators(
      api,
      ['DE', 'JP', 'MX', 'US'].map((countryCode) => ({ countryCode })),
    );
    applicants = await createApplicantsFrom(
      api,
      COUNTRIES.map((countryCode, i) => ({ countryCode, organisationName: `Centre ${i} of ${countryCode}` })),
    );
    ({ callId, drafts } = await evaluatedCall(api, evaluators, applicants, 2));
    ranking = (await api.get(`/api/v1/calls/${callId}/ranking`, { token: secretariat.token })).body.items;
    expect(ranking).toHaveLength(10);
  }, 180_000);

  afterAll(async () => {
    await db?.end();
    await worker?.close();
    await api?.close();
    await redis?.stop();
  });

  const propose = (body: Record<string, unknown> = {}, id = callId) =>
    api.post(`/api/v1/calls/${id}/cohorts`, { token: secretariat.token, body });
  const cohortCount = async () => (await sql<{ n: number }>(api, `SELECT count(*)::int AS n FROM cohorts`))[0].n;

  it("proposes the best cohort within the call's caps, with a reason for everyone left out", async () => {
    const res = await propose();
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ callId, status: 'proposed', unmetConstraints: [], violations: [], overrides: [] });
    expect(res.body.constraints).toEqual({ size: 3, maxPerCountry: 2, evaluatorsPerApplication: 2 });

    // The call's maxPerCountry is 2: walk the ranking and take what fits.
    const expected: string[] = [];
    const perCountry = new Map<string, number>();
    for (const item of ranking) {
      const n = perCountry.get(item.organisation.countryCode) ?? 0;
      if (expected.length < 3 && n < 2) {
        expected.push(item.applicationId);
        perCountry.set(item.organisation.countryCode, n + 1);
      }
    }
    const members = res.body.members as Entry[];
    expect(members.map((m) => m.applicationId)).toEqual(expected);
    expect(members.map((m) => m.rank)).toEqual([...members.map((m) => m.rank)].sort((a, b) => a - b));
    expect(members[0].organisation.name).toMatch(/^Centre \d of [A-Z]{2}$/);

    const excluded = res.body.excluded as Entry[];
    expect(excluded).toHaveLength(7);
    // Before the cohort filled up only the country cap kept a centre out; after it, the cohort was full.
    const lastMemberRank = members[members.length - 1].rank;
    for (const entry of excluded) {
      const sameCountry = members.filter((m) => m.organisation.countryCode === entry.organisation.countryCode);
      if (entry.rank < lastMemberRank) {
        expect(entry.reason).toBe('COUNTRY_CAP');
        expect(sameCountry).toHaveLength(2);
      } else expect(entry.reason).toBe('COHORT_FULL');
    }

    const read = await api.get(`/api/v1/cohorts/${res.body.id}`, { token: secretariat.token });
    expect(read.body).toEqual(res.body);
    const listed = await api.get(`/api/v1/calls/${callId}/cohorts`, { token: secretariat.token });
    expect(listed.body.items.map((c: { id: string }) => c.id)).toContain(res.body.id);
  });

  it('reserves seats for a regional minimum and reports one that no candidate can meet', async () => {
    const res = await propose({ size: 3, minPerRegion: { ARB: 1, CIS: 1 } });
    expect(res.status).toBe(201);
    const members = res.body.members as Entry[];
    expect(members.filter((m) => m.organisation.region === 'ARB')).toHaveLength(1);
    expect(res.body.unmetConstraints).toEqual([
      { constraint: 'minPerRegion', region: 'CIS', required: 1, achieved: 0, reason: 'NOT_ENOUGH_CANDIDATES' },
    ]);
    const egypt = ranking.find((r) => r.organisation.countryCode === 'EG');
    if (egypt && egypt.rank > 3) {
      expect((res.body.excluded as Entry[]).some((e) => e.reason === 'SEAT_RESERVED_FOR_REGION')).toBe(true);
    }
  });

  it('applies overrides with their reason, reports the caps they break, and keeps them in the audit log', async () => {
    const proposed = (await propose({ waitlistSize: 2 })).body;
    const removed = proposed.members[0].applicationId as string;
    const sameCountry = (proposed.excluded as Entry[]).filter(
      (e) => e.organisation.countryCode === 'KE' && e.reason !== 'REMOVED_BY_SECRETARIAT',
    );
    const keMembers = (proposed.members as Entry[]).filter((m) => m.organisation.countryCode === 'KE').length;
    const added = (keMembers === 2 ? sameCountry[0] : proposed.excluded[0]).applicationId as string;

    const res = await api.patch(`/api/v1/cohorts/${proposed.id}`, {
      token: secretariat.token,
      body: { add: [added], remove: [removed], reason: 'Its programme closed in October.' },
    });
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(proposed.version + 1);
    const members = res.body.members as Entry[];
    expect(members.map((m) => m.applicationId)).not.toContain(removed);
    expect(members.find((m) => m.applicationId === added)?.reason).toBe('ADDED_BY_SECRETARIAT');
    expect((res.body.excluded as Entry[]).find((e) => e.applicationId === removed)?.reason).toBe(
      'REMOVED_BY_SECRETARIAT',
    );
    expect(res.body.overrides).toEqual([
      {
        add: [added],
        remove: [removed],
        reason: 'Its programme closed in October.',
        by: secretariat.id,
        at: expect.any(String),
      },
    ]);
    if (keMembers === 2) {
      expect(res.body.violations).toContainEqual({
        constraint: 'maxPerCountry',
        countryCode: 'KE',
        limit: 2,
        actual: 3,
      });
    }
    const audit = await sql<{ action: string; after: { reason: string } }>(
      api,
      `SELECT action, after FROM audit_events WHERE entity_type = 'cohort' AND entity_id = $1 ORDER BY occurred_at`,
      [proposed.id],
    );
    expect(audit.map((a) => a.action)).toEqual(['cohort.proposed', 'cohort.amended']);
    expect(audit[1].after.reason).toBe('Its programme closed in October.');
  });

  it('refuses bad overrides with their reasons, changing nothing', async () => {
    const proposed = (await propose()).body;
    const member = proposed.members[0].applicationId as string;
    const stranger = '00000000-0000-4000-8000-000000000000';
    const patch = (body: unknown) => api.patch(`/api/v1/cohorts/${proposed.id}`, { token: secretariat.token, body });

    expect(expectProblem(await patch({ add: [member] }), 400, 'VALIDATION_FAILED').map((e) => e.field)).toContain(
      'reason',
    );
    expectProblem(await patch({ add: ['not-a-uuid'], reason: 'Because.' }), 400, 'VALIDATION_FAILED');
    const errors = expectProblem(
      await patch({ add: [member, stranger], remove: [stranger], reason: 'Because we can.' }),
      422,
      'INVALID_OVERRIDE',
    );
    // The stranger is both unknown and listed twice (added and removed): each problem is reported.
    expect(errors.map((e) => e.field)).toEqual(['add.0', 'add.1', 'remove.0', 'remove.0']);

    const after = await api.get(`/api/v1/cohorts/${proposed.id}`, { token: secretariat.token });
    expect(after.body).toEqual(proposed);
  });

  it('approves a proposal once; an approved one can no longer be amended', async () => {
    const proposed = (await propose()).body;
    const approved = await api.post(`/api/v1/cohorts/${proposed.id}/approve`, { token: secretariat.token });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', approvedAt: expect.any(String) });
    expectProblem(
      await api.post(`/api/v1/cohorts/${proposed.id}/approve`, { token: secretariat.token }),
      409,
      'INVALID_TRANSITION',
    );
    expectProblem(
      await api.patch(`/api/v1/cohorts/${proposed.id}`, {
        token: secretariat.token,
        body: { remove: [proposed.members[0].applicationId], reason: 'Too late for this.' },
      }),
      409,
      'INVALID_TRANSITION',
    );
  });

  it('approves a cohort over its seats without asking more: the added member has its reason, the audit keeps the overrun', async () => {
    const proposed = (await propose({ size: 2, waitlistSize: 1 })).body;
    // Everyone left out carries the score the ranking gave it, as the members do.
    const scores = new Map(
      ((await api.get(`/api/v1/calls/${callId}/ranking`, { token: secretariat.token })).body.items as Ranked[]).map(
        (r) => [r.applicationId, r.score],
      ),
    );
    for (const entry of proposed.excluded as Entry[]) expect(entry.score).toBe(scores.get(entry.applicationId));
    const added = (proposed.excluded as Entry[]).find((e) => e.reason === 'COHORT_FULL')!.applicationId;
    const amended = await api.patch(`/api/v1/cohorts/${proposed.id}`, {
      token: secretariat.token,
      body: { add: [added], reason: 'Its mentors cover a region nobody else does.' },
    });
    expect(amended.status).toBe(200);
    expect(amended.body.violations).toContainEqual({ constraint: 'size', required: 2, actual: 3 });

    const approved = await api.post(`/api/v1/cohorts/${proposed.id}/approve`, { token: secretariat.token });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'approved', memberCount: 3, constraints: { size: 2 } });
    expect(approved.body.violations).toEqual(amended.body.violations);
    expect(approved.body.overrides).toMatchObject([
      { add: [added], remove: [], reason: 'Its mentors cover a region nobody else does.' },
    ]);
    const [audit] = await sql<{ after: Record<string, unknown> }>(
      api,
      `SELECT after FROM audit_events WHERE entity_type = 'cohort' AND entity_id = $1 AND action = 'cohort.approved'`,
      [proposed.id],
    );
    expect(audit?.after).toEqual({ members: 3, seats: 2, violations: amended.body.violations });
  });

  it('refuses to propose while scores are not up to date, and a proposal outdated by a rescoring', async () => {
    const proposed = (await propose()).body;
    const release = await holdScoringLock(db, callId);
    const reopened = await api.post(`/api/v1/assignments/${drafts[0].id}/evaluation/reopen`, {
      token: secretariat.token,
    });
    expect(reopened.status).toBe(200);
    const before = await cohortCount();
    expectProblem(await propose(), 409, 'SCORING_IN_PROGRESS');
    expect(await cohortCount()).toBe(before);
    await release();

    await evaluate(api, drafts[0].token, drafts[0].id, [
      { criterionCode: 'IMPACT', score: 0 },
      { criterionCode: 'CAPACITY', score: 0 },
    ]);
    await eventually(
      () => scoringStatus(api, secretariat.token, callId),
      (s) => s.upToDate,
    );
    expectProblem(
      await api.post(`/api/v1/cohorts/${proposed.id}/approve`, { token: secretariat.token }),
      409,
      'COHORT_OUTDATED',
    );
    expect((await api.get(`/api/v1/cohorts/${proposed.id}`, { token: secretariat.token })).body.status).toBe(
      'proposed',
    );
    ranking = (await api.get(`/api/v1/calls/${callId}/ranking`, { token: secretariat.token })).body.items;
  });

  it("sorts the call's proposals by date, status or seats taken, either way, and refuses an unknown sort", async () => {
    const list = async (sort?: string) => {
      const res = await api.get(`/api/v1/calls/${callId}/cohorts`, {
        token: secretariat.token,
        query: sort ? { sort } : {},
      });
      expect(res.status).toBe(200);
      return res.body.items as Array<{ id: string; status: string; memberCount: number; createdAt: string }>;
    };
    expect((await propose({ size: 2 })).status).toBe(201);
    const byDate = await list('createdAt');
    // With the earlier tests' proposals: several sizes, one of them approved.
    expect(new Set(byDate.map((c) => c.memberCount)).size).toBeGreaterThan(1);
    expect(new Set(byDate.map((c) => c.status))).toEqual(new Set(['proposed', 'approved']));
    const oldestFirst = [...byDate].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    expect(byDate).toEqual(oldestFirst);
    expect(await list()).toEqual([...oldestFirst].reverse());
    expect(await list('-createdAt')).toEqual([...oldestFirst].reverse());

    const seats = (cohorts: Array<{ memberCount: number }>) => cohorts.map((c) => c.memberCount);
    const fewest = seats(byDate).sort((a, b) => a - b);
    expect(seats(await list('memberCount'))).toEqual(fewest);
    expect(seats(await list('-memberCount'))).toEqual([...fewest].reverse());
    const statuses = async (sort: string) => (await list(sort)).map((c) => c.status);
    const approvedFirst = byDate.map((c) => c.status).sort();
    expect(await statuses('status')).toEqual(approvedFirst);
    expect(await statuses('-status')).toEqual([...approvedFirst].reverse());

    const unknown = await api.get(`/api/v1/calls/${callId}/cohorts`, {
      token: secretariat.token,
      query: { sort: 'size' },
    });
    expect(expectProblem(unknown, 400, 'VALIDATION_FAILED').map((e) => e.field)).toEqual(['sort']);
  });

  it('answers problems for calls not under review, unknown ids, bad bodies and other roles', async () => {
    const before = await cohortCount();
    const open = await createCall(api, secretariat.token);
    expectProblem(await propose({}, open.id), 409, 'INVALID_TRANSITION');
    expectProblem(await propose({}, '00000000-0000-4000-8000-000000000000'), 404, 'NOT_FOUND');
    expectProblem(await propose({}, 'nope'), 400, 'VALIDATION_FAILED');
    expectProblem(await propose({ size: 0 }), 400, 'VALIDATION_FAILED');
    expectProblem(await propose({ minPerRegion: { XYZ: 1 } }), 400, 'VALIDATION_FAILED');
    expectProblem(await propose({ unknownField: 1 }), 400, 'VALIDATION_FAILED');
    expectProblem(
      await api.post(`/api/v1/calls/${callId}/cohorts`, { token: applicants[0].token, body: {} }),
      403,
      'FORBIDDEN',
    );
    expectProblem(await api.post(`/api/v1/calls/${callId}/cohorts`, { body: {} }), 401, 'UNAUTHENTICATED');
    expectProblem(
      await api.get('/api/v1/cohorts/00000000-0000-4000-8000-000000000000', { token: secretariat.token }),
      404,
      'NOT_FOUND',
    );
    expect(await cohortCount()).toBe(before);
  });
});
