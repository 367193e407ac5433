import { getQueueToken } from '@nestjs/bullmq';
import { INestApplicationContext } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { Test } from '@nestjs/testing';
import { Metrics } from '@app/platform';
import { SCORING_QUEUE } from '@app/scoring';
import { ScoringProcessor } from '@app/scoring/jobs';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { Actor, Applicant } from '../support/fixtures';
import {
  autoAssign,
  callWithSubmissions,
  createApplicantsFrom,
  createEvaluators,
  evaluate,
  seatPanel,
  secretariatOf,
} from '../support/evaluation-fixtures';
import { expectRankingReflectsEvaluations, independentScores, scoringStatus } from '../support/scoring';
import { TestApi } from '../support/test-app';
import { eventually } from '../support/async';

describe('scoring through the outbox, BullMQ and the worker', () => {
  let api: TestApi;
  let worker: INestApplicationContext | undefined;
  let secretariat: Actor;
  let evaluators: Actor[];
  let applicants: Applicant[];

  beforeAll(async () => {
    api = await TestApi.start();
    secretariat = await secretariatOf(api);
    evaluators = await createEvaluators(api, [{ countryCode: 'DE' }, { countryCode: 'JP' }, { countryCode: 'MX' }]);
    applicants = await createApplicantsFrom(
      api,
      ['KE', 'BR', 'IN', 'EG', 'FR'].map((countryCode) => ({ countryCode })),
    );
  });

  afterAll(async () => {
    await worker?.close();
    await api.close();
  });

  const status = (callId: string) => scoringStatus(api, secretariat.token, callId);

  it('reflects every submitted evaluation, exactly, once the worker has run; reopening is reflected too', async () => {
    const { callId, applicationIds } = await callWithSubmissions(api, applicants, {
      scoring: { scaleMin: 0, scaleMax: 10, normalization: 'zscore' },
    });
    await seatPanel(api, callId, evaluators);
    expect((await autoAssign(api, callId)).status).toBe(200);
    const submitted: string[] = [];
    for (const [e, evaluator] of evaluators.entries()) {
      const mine = await api.get('/api/v1/me/assignments', { token: evaluator.token, query: { callId } });
      for (const [i, assignment] of (mine.body.items as Array<{ id: string }>).entries()) {
        // Evaluator 0 is lenient, evaluator 2 harsh: normalisation has something to correct.
        const base = [8, 5, 3][e];
        await evaluate(api, evaluator.token, assignment.id, [
          { criterionCode: 'IMPACT', score: Math.min(10, base + (i % 3)) },
          { criterionCode: 'CAPACITY', score: Math.max(0, base - (i % 2)) },
        ]);
        submitted.push(assignment.id);
      }
    }
    expect(submitted).toHaveLength(10);
    // No worker yet: every request is recorded and pending, none lost.
    expect(await status(callId)).toEqual({ upToDate: false, pending: 10, lastComputedAt: null });

    process.env.SCORING_CONCURRENCY = '3';
    worker = await (await Test.createTestingModule({ imports: [WorkerModule] }).compile()).init();
    delete process.env.SCORING_CONCURRENCY;
    expect(worker.get(ScoringProcessor).worker.concurrency).toBe(3);
    const done = await eventually(
      () => status(callId),
      (s) => s.upToDate,
    );
    expect(done).toMatchObject({ upToDate: true, pending: 0 });

    const { items } = await expectRankingReflectsEvaluations(api, secretariat.token, callId, applicationIds);
    for (const item of items)
      expect(item.organisation).toMatchObject({ countryCode: expect.stringMatching(/^[A-Z]{2}$/) });

    // The worker's /metrics shows the queue and the jobs it ran.
    const workerMetrics = await worker.get(Metrics).registry.metrics();
    expect(workerMetrics).toMatch(
      /queue_job_duration_seconds_count\{queue="scoring",name="scoring.rescore-call",outcome="completed"\} [1-9]/,
    );
    // The depth gauge is BullMQ's own count (the shared Redis may hold other runs' jobs).
    const failed = await worker.get<Queue>(getQueueToken(SCORING_QUEUE), { strict: false }).getFailedCount();
    expect(workerMetrics).toContain(`queue_jobs{queue="scoring",state="failed"} ${failed}`);

    const reopened = await api.post(`/api/v1/assignments/${submitted[0]}/evaluation/reopen`, {
      token: secretariat.token,
    });
    expect(reopened.status).toBe(200);
    expect((await status(callId)).upToDate).toBe(false);
    await eventually(
      () => status(callId),
      (s) => s.upToDate,
    );
    const after = await api.get(`/api/v1/calls/${callId}/ranking`, { token: secretariat.token });
    const counts = after.body.items.map((i: { evaluationCount: number }) => i.evaluationCount);
    expect(counts.reduce((a: number, b: number) => a + b, 0)).toBe(9);
    const recomputed = (await independentScores(api, secretariat.token, applicationIds)).applications;
    expect(after.body.items.map((i: { applicationId: string }) => i.applicationId)).toEqual(
      recomputed.map((r) => r.applicationId),
    );

    // A reweighting after the call opened is published by calls and rescored by scoring.
    const call = await api.get(`/api/v1/calls/${callId}`, { token: secretariat.token });
    const reweighted = await api.patch(`/api/v1/calls/${callId}`, {
      token: secretariat.token,
      headers: { 'If-Match': `"${call.body.version}"` },
      body: { weights: { IMPACT: 0.1, CAPACITY: 0.9 } },
    });
    expect(reweighted.status).toBe(200);
    expect(await status(callId)).toMatchObject({ upToDate: false, pending: 1 });
    await eventually(
      () => status(callId),
      (s) => s.upToDate,
    );
    const criteria = [
      { code: 'IMPACT', weight: 0.1 },
      { code: 'CAPACITY', weight: 0.9 },
    ];
    const expectedAfterReweighting = (await independentScores(api, secretariat.token, applicationIds, criteria))
      .applications;
    const ranked = (await api.get(`/api/v1/calls/${callId}/ranking`, { token: secretariat.token })).body.items;
    expect(ranked.map((i: { applicationId: string }) => i.applicationId)).toEqual(
      expectedAfterReweighting.map((r) => r.applicationId),
    );
    ranked.forEach((item: { score: number }, index: number) =>
      expect(Math.abs(item.score - expectedAfterReweighting[index].score)).toBeLessThan(1e-9),
    );
  });

  it('answers 404 for an unknown call and 403 to an evaluator', async () => {
    const unknown = await api.get('/api/v1/calls/00000000-0000-4000-8000-000000000000/ranking', {
      token: secretariat.token,
    });
    expect(unknown.status).toBe(404);
    const unknownStatus = await api.get('/api/v1/calls/00000000-0000-4000-8000-000000000000/scoring-status', {
      token: secretariat.token,
    });
    expect(unknownStatus.status).toBe(404);
    const evaluator = await api.get('/api/v1/calls/00000000-0000-4000-8000-000000000000/scoring-status', {
      token: evaluators[0].token,
    });
    expect(evaluator.status).toBe(403);
  });
});
