import { BullModule, OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Inject, Logger, Module, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import type { Job } from 'bullmq';
import { Metrics } from '@app/platform';
import { EmailDeliveryService } from '../application/email-delivery.service';
import { Mailer } from '../application/mailer';
import { NotificationsRepository } from '../infrastructure/notifications.repository';
import { SmtpMailer, UnconfiguredMailer } from '../infrastructure/smtp-mailer';
import { NotificationsJobsConfig, notificationsJobsConfig } from './notifications-jobs.config';
import { NOTIFICATIONS_JOBS, NOTIFICATIONS_QUEUE, OutboxJobData, SendEmailPayload } from './notifications.jobs';

type NotificationsJob = Job<Partial<SendEmailPayload & OutboxJobData>>;

/** Parses the payload and makes one service call; a failed attempt is retried with BullMQ's backoff. */
@Processor(NOTIFICATIONS_QUEUE)
export class NotificationsProcessor extends WorkerHost implements OnApplicationBootstrap {
  private readonly logger = new Logger(NotificationsProcessor.name);

  constructor(
    private readonly delivery: EmailDeliveryService,
    private readonly metrics: Metrics,
    @Inject(notificationsJobsConfig.KEY) private readonly config: NotificationsJobsConfig,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.worker.concurrency = this.config.NOTIFICATIONS_CONCURRENCY;
    if (!this.config.SMTP_URL) this.logger.warn('SMTP_URL is not set: e-mails are recorded as not sent');
  }

  async process(job: NotificationsJob): Promise<void> {
    const stop = this.metrics.jobDuration.startTimer({ queue: NOTIFICATIONS_QUEUE, name: job.name });
    try {
      await this.dispatch(job);
      stop({ outcome: 'completed' });
    } catch (error) {
      stop({ outcome: 'failed' });
      throw error;
    }
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

  private dispatch(job: NotificationsJob): Promise<void> {
    switch (job.name) {
      case NOTIFICATIONS_JOBS.sendEmail:
        return this.delivery.deliver(
          required(job.data.notificationId),
          required(job.data.outboxId),
          job.opts.attempts ?? 1,
        );
      default:
        throw new Error(`Unknown notifications job ${job.name}`);
    }
  }
}

function required<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('The job is missing a field of its payload');
  return value;
}

/** The queues notifications processes, for the worker's relay. */
export const NOTIFICATIONS_RELAYED_QUEUES = [NOTIFICATIONS_QUEUE];

/** The notifications queue's processor and its SMTP mailer, imported only by apps/worker. */
@Module({
  imports: [ConfigModule.forFeature(notificationsJobsConfig), BullModule.registerQueue({ name: NOTIFICATIONS_QUEUE })],
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
