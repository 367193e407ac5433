import { BullModule, OnWorkerEvent, Processor } from '@nestjs/bullmq';
import { Inject, Logger, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type { Job } from 'bullmq';
import { JobHandlers, JobProcessor, Metrics, OutboxJobData, Subscriptions, required } from '@app/platform';
import { EmailDeliveryService } from '../application/email-delivery.service';
import { Mailer } from '../application/mailer';
import { NotificationsRepository } from '../infrastructure/notifications.repository';
import { SmtpMailer, UnconfiguredMailer } from '../infrastructure/smtp-mailer';
import { NotificationsJobsConfig, notificationsJobsConfig } from './notifications-jobs.config';
import {
  NOTIFICATIONS_JOBS,
  NOTIFICATIONS_QUEUE,
  NOTIFICATIONS_QUEUE_JOBS,
  NotificationsJobs,
  SendEmailPayload,
} from './notifications.jobs';

type NotificationsJob = Job<Partial<SendEmailPayload & OutboxJobData>>;

/** Each job makes one service call; a failed attempt is retried with BullMQ's backoff. */
@Processor(NOTIFICATIONS_QUEUE, { autorun: false })
export class NotificationsProcessor extends JobProcessor<NotificationsJobs> {
  private readonly logger = new Logger(NotificationsProcessor.name);

  protected readonly handlers: JobHandlers<NotificationsJobs> = {
    [NOTIFICATIONS_JOBS.sendEmail]: ({ notificationId, outboxId }, job) =>
      this.delivery.deliver(required(notificationId), required(outboxId), job.opts.attempts ?? 1),
  };

  constructor(
    private readonly delivery: EmailDeliveryService,
    private readonly metrics: Metrics,
    @Inject(notificationsJobsConfig.KEY) private readonly config: NotificationsJobsConfig,
  ) {
    super();
  }

  override onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.NOTIFICATIONS_CONCURRENCY;
    if (!this.config.SMTP_URL) this.logger.warn('SMTP_URL is not set: e-mails are recorded as not sent');
    super.onApplicationBootstrap();
  }

  override async process(job: NotificationsJob): Promise<void> {
    await this.handleTimed(job, this.metrics);
  }

  /** The last attempt failed: the e-mail is marked failed, where the secretariat sees it, and not retried. */
  @OnWorkerEvent('failed')
  async onFailed(job: NotificationsJob | undefined, error: Error): Promise<void> {
    if (job?.name !== NOTIFICATIONS_JOBS.sendEmail || job.attemptsMade < (job.opts.attempts ?? 1)) return;
    const { notificationId, outboxId } = job.data;
    if (!notificationId || !outboxId) return;
    this.logger.error({ err: error, jobId: job.id, notificationId }, 'E-mail failed for good');
    await this.delivery.giveUp(notificationId, outboxId, error.message).catch((failure: unknown) => {
      // The outbox row stays pending: the relay sends it again later, and the next run, out of
      // attempts, marks the e-mail failed.
      this.logger.error({ err: failure, notificationId }, 'Could not record the failed e-mail');
    });
  }
}

/** The queues notifications processes, for the worker's relay. */
export const NOTIFICATIONS_RELAYED_QUEUES = [NOTIFICATIONS_QUEUE];

/** The notifications queue's processor and its SMTP mailer, imported only by apps/worker. */
@Module({
  imports: [
    ConfigModule.forFeature(notificationsJobsConfig),
    BullModule.registerQueue({ name: NOTIFICATIONS_QUEUE }),
    Subscriptions.declare(NOTIFICATIONS_QUEUE_JOBS),
  ],
  providers: [
    NotificationsProcessor,
    EmailDeliveryService,
    NotificationsRepository,
    {
      provide: Mailer,
      inject: [notificationsJobsConfig.KEY],
      useFactory: (config: NotificationsJobsConfig): Mailer =>
        config.SMTP_URL
          ? new SmtpMailer({
              url: config.SMTP_URL,
              from: config.SMTP_FROM,
              connections: config.NOTIFICATIONS_CONCURRENCY,
            })
          : new UnconfiguredMailer(),
    },
  ],
})
export class NotificationsJobsModule {}
