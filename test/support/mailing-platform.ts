import { INestApplicationContext } from '@nestjs/common';
import { withEnv } from './async';
import { RELAYS_NOTIFICATIONS, takeNotificationsTurn } from './notifications';
import { RedisServer } from './redis-server';
import { SmtpTestServer } from './smtp-server';
import { TestApi } from './test-app';
import { startWorker } from './worker';

/**
 * The API and a worker that sends its notifications' e-mails to an SMTP server in this process, on
 * a Redis of their own, while the suite holds the notifications suites' turn (no other suite's worker
 * takes these e-mails). Starting may wait as long as another such suite runs: give it a long timeout.
 */
export class MailingPlatform {
  private constructor(
    readonly api: TestApi,
    readonly smtp: SmtpTestServer,
    private readonly worker: INestApplicationContext,
    private readonly redis: RedisServer,
    private readonly releaseTurn: () => Promise<void>,
  ) {}

  static async start(): Promise<MailingPlatform> {
    const releaseTurn = await takeNotificationsTurn();
    const [redis, smtp] = await Promise.all([RedisServer.start(), SmtpTestServer.start()]);
    const api = await withEnv({ REDIS_URL: redis.url }, () => TestApi.start());
    const worker = await startWorker({
      REDIS_URL: redis.url,
      ...RELAYS_NOTIFICATIONS,
      OUTBOX_POLL_MS: '50',
      SMTP_URL: smtp.url,
    });
    return new MailingPlatform(api, smtp, worker, redis, releaseTurn);
  }

  async close(): Promise<void> {
    await this.worker.close();
    await this.api.close();
    await this.smtp.close();
    await this.redis.stop();
    await this.releaseTurn();
  }
}
