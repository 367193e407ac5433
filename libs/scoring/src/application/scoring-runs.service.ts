import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { CallsService, assertBeforePublication } from '@app/calls';
import { AuthUser, NotFoundError, Outbox, Transactions } from '@app/platform';
import { ScoringRepository } from '../infrastructure/scoring.repository';
import { ScoringRun, ScoringRunsRepository } from '../infrastructure/scoring-runs.repository';
import { FullRunPayload, SCORING_JOBS, SCORING_QUEUE } from '../jobs/scoring.jobs';
import { RESCORE_REQUESTS, RUN_COVERED_REQUESTS, forCall } from './rescore-requests';
import { RankUncertaintyService } from './rank-uncertainty.service';
import { ScoringService } from './scoring.service';

/** What a planned run fans out: one child job per chunk, then the parent that finishes the run. */
export interface ScoringRunPlan {
  runId: string;
  callId: string;
  chunks: number[];
}

/**
 * Full scoring runs (DESIGN.md §5): chunks of applications stage their evaluator totals in
 * parallel, then one step normalises, ranks and writes every result. Every step is idempotent, so
 * a retried or duplicated job, or a worker killed half-way, changes nothing in the outcome.
 */
@Injectable()
export class ScoringRunsService {
  constructor(
    private readonly runs: ScoringRunsRepository,
    private readonly scoring: ScoringRepository,
    private readonly scoringService: ScoringService,
    private readonly outbox: Outbox,
    private readonly transactions: Transactions,
    private readonly calls: CallsService,
    private readonly audit: AuditService,
    private readonly uncertainty: RankUncertaintyService,
  ) {}

  /** The secretariat's request: the run and the outbox row that starts it commit together. */
  async request(actor: AuthUser, callId: string): Promise<ScoringRun> {
    assertBeforePublication(await this.calls.get(callId));
    const runId = randomUUID();
    await this.transactions.run(async (tx) => {
      const payload: FullRunPayload = { callId, runId };
      const outboxId = await this.outbox.add(tx, {
        queue: SCORING_QUEUE,
        name: SCORING_JOBS.fullRun,
        payload: { ...payload },
      });
      await this.runs.insert(tx, {
        id: runId,
        callId,
        reason: 'requested',
        requestedBy: actor.id,
        triggerOutboxId: outboxId,
      });
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'scoring_run.requested',
        entityType: 'call',
        entityId: callId,
        after: { runId },
      });
    });
    return this.get(runId);
  }

  /** The run that an event (a reweighting) asks for: one per event, however often it is delivered. */
  startForEvent(callId: string, outboxId: string): Promise<string> {
    return this.transactions.run(async (tx) => {
      const created = await this.runs.insert(tx, { callId, reason: 'reweighted', triggerOutboxId: outboxId });
      return created ?? ((await this.runs.findByTrigger(tx, outboxId)) as string);
    });
  }

  async get(runId: string): Promise<ScoringRun> {
    const run = await this.runs.findById(runId);
    if (!run) throw new NotFoundError('Scoring run');
    return run;
  }

  /**
   * Plans the run once (a replanned run answers the same chunks); null when the run is over. The
   * requests it will cover are read before any chunk reads a score, so every change committed with
   * them is seen by every chunk.
   */
  plan(runId: string, chunkSize: number): Promise<ScoringRunPlan | null> {
    return this.transactions.run(async (tx) => {
      const run = await this.runs.lock(tx, runId);
      if (!run || isOver(run)) return null;
      if (run.status === 'running')
        return { runId, callId: run.callId, chunks: await this.runs.chunkNumbers(tx, runId) };
      const covered = await this.outbox.pendingIds(tx, forCall(RUN_COVERED_REQUESTS, run.callId));
      const chunks = await this.runs.plan(tx, run, chunkSize, [...new Set([...covered, run.triggerOutboxId])]);
      return { runId, callId: run.callId, chunks };
    });
  }

  /** Stages one chunk's totals; chunks of a call run side by side, never beside a writer of its results. */
  async scoreChunk(runId: string, chunk: number): Promise<void> {
    await this.transactions.run(async (tx) => {
      const run = await this.runs.findById(runId, tx);
      if (!run || run.status !== 'running') return;
      await this.scoring.lockCall(tx, run.callId, 'shared');
      await this.runs.stageChunk(tx, run, chunk);
    });
  }

  /**
   * Ranks and writes the results, and completes the requests the run reflects. When facts changed
   * while the chunks ran (an evaluation submitted meanwhile), the staged totals may mix old and new,
   * so the call is scored from the live facts instead: never a result older than what it claims.
   */
  async finish(runId: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const planned = await this.runs.findById(runId, tx);
      if (!planned || planned.status !== 'running') return;
      await this.scoring.lockCall(tx, planned.callId, 'exclusive');
      const run = await this.runs.lock(tx, runId);
      if (!run || run.status !== 'running' || !run.startedAt) return;
      const unfinished = await this.runs.pendingChunks(tx, runId);
      if (unfinished > 0) throw new Error(`Scoring run ${runId} still has ${unfinished} chunk(s) to score`);
      const requests = forCall(RESCORE_REQUESTS, run.callId);
      if (await this.outbox.changedSince(tx, requests, run.coveredRequests, run.startedAt)) {
        const pending = await this.outbox.pendingIds(tx, forCall(RUN_COVERED_REQUESTS, run.callId));
        await this.uncertainty.requestFor(tx, run.callId, await this.scoring.scoreCall(tx, run.callId));
        await this.outbox.complete(tx, [...run.coveredRequests, ...pending]);
      } else {
        await this.uncertainty.requestFor(tx, run.callId, await this.scoring.scoreCallFromRun(tx, run.callId, runId));
        await this.outbox.complete(tx, run.coveredRequests);
      }
      await this.runs.finish(tx, runId, { status: 'completed' });
    });
  }

  /**
   * A step failed past its retries: the run is failed, visibly, and the call falls back to an
   * incremental rescoring request, so that its status stays "not up to date" until one succeeds.
   */
  async fail(runId: string, error: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const run = await this.runs.lock(tx, runId);
      if (!run || isOver(run)) return;
      await this.runs.finish(tx, runId, { status: 'failed', error });
      await this.scoringService.requestRescore(tx, run.callId);
      await this.outbox.complete(tx, [run.triggerOutboxId]);
    });
  }
}

function isOver(run: ScoringRun): boolean {
  return run.status === 'completed' || run.status === 'failed';
}
