import { InjectFlowProducer } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import type { FlowJob, FlowProducer } from 'bullmq';
import { DEFAULT_JOB_OPTIONS } from '@app/platform';
import { ScoringRunPlan, ScoringRunsService } from '../application/scoring-runs.service';
import { ScoringJobsConfig, scoringJobsConfig } from './scoring-jobs.config';
import { FinishRunPayload, SCORING_JOBS, SCORING_QUEUE, ScoreChunkPayload } from './scoring.jobs';

export const SCORING_FLOW = 'scoring-runs';

/**
 * Fans a planned run out as a BullMQ flow: a child per chunk, the parent finishing the run once
 * every child has completed. Job ids derive from the run, so launching again (a redelivered
 * request, or one Redis lost) adds nothing that BullMQ still holds.
 */
@Injectable()
export class ScoringRunLauncher {
  constructor(
    private readonly runs: ScoringRunsService,
    @InjectFlowProducer(SCORING_FLOW) private readonly flows: FlowProducer,
    @Inject(scoringJobsConfig.KEY) private readonly config: ScoringJobsConfig,
  ) {}

  async launch(runId: string): Promise<void> {
    const plan = await this.runs.plan(runId, this.config.SCORING_CHUNK_SIZE);
    if (plan) await this.flows.add(runFlow(plan));
  }
}

export function runFlow(plan: ScoringRunPlan): FlowJob {
  const finish: FinishRunPayload = { runId: plan.runId };
  return {
    name: SCORING_JOBS.finishRun,
    queueName: SCORING_QUEUE,
    data: finish,
    opts: { ...DEFAULT_JOB_OPTIONS, jobId: `${plan.runId}.finish` },
    children: plan.chunks.map((chunk) => {
      const data: ScoreChunkPayload = { runId: plan.runId, chunk };
      return {
        name: SCORING_JOBS.scoreChunk,
        queueName: SCORING_QUEUE,
        data,
        opts: { ...DEFAULT_JOB_OPTIONS, jobId: `${plan.runId}.chunk.${chunk}` },
      };
    }),
  };
}
