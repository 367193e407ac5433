import { BullModule, Processor } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import type { Job } from 'bullmq';
import { CALL_EVENTS } from '@app/calls';
import { JobHandlers, JobProcessor, Metrics, required } from '@app/platform';
import { CallCopiesService } from '../application/call-copies.service';
import { CohortAnnexesService } from '../application/cohort-annexes.service';
import { CohortsModule } from '../cohorts.module';
import { COHORTS_JOBS, COHORTS_QUEUE, CohortsJobs } from './cohorts.jobs';

/** The cohorts queue's one worker: each event it subscribes to makes one idempotent service call. */
@Processor(COHORTS_QUEUE, { autorun: false })
export class CohortsProcessor extends JobProcessor<CohortsJobs> {
  protected readonly handlers: JobHandlers<CohortsJobs> = {
    [COHORTS_JOBS.renderAnnexes]: ({ cohortId, outboxId }) =>
      this.annexes.renderPublished(required(cohortId), required(outboxId)),
    [CALL_EVENTS.copied]: ({ callId, copiedFromId, copiedBy, outboxId }) =>
      this.copies.copied(
        { callId: required(callId), copiedFromId: required(copiedFromId), copiedBy: required(copiedBy) },
        required(outboxId),
      ),
  };

  constructor(
    private readonly copies: CallCopiesService,
    private readonly annexes: CohortAnnexesService,
    private readonly metrics: Metrics,
  ) {
    super();
  }

  override process(job: Job): Promise<unknown> {
    return this.handleTimed(job, this.metrics);
  }
}

/** The queues the cohorts context processes, for the worker's relay. */
export const COHORTS_RELAYED_QUEUES = [COHORTS_QUEUE];

/** The cohorts queue's processor, imported only by apps/worker. */
@Module({
  imports: [CohortsModule, BullModule.registerQueue({ name: COHORTS_QUEUE })],
  providers: [CohortsProcessor],
})
export class CohortsJobsModule {}
