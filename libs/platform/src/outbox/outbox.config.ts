import { ConfigType, registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsString, Max, Min } from 'class-validator';
import { readEnv } from '../config/validate-env';

export class OutboxEnv {
  /**
   * How often an idle relay looks for new rows. Committed rows wake it at once (LISTEN/NOTIFY):
   * polling only catches what a lost notification connection missed.
   */
  @IsInt()
  @Min(10)
  OUTBOX_POLL_MS: number = 200;

  /** Wait before listening again after the notification connection was lost. */
  @IsInt()
  @Min(10)
  OUTBOX_LISTEN_RETRY_MS: number = 1000;

  @IsInt()
  @Min(1)
  @Max(10_000)
  OUTBOX_BATCH_SIZE: number = 500;

  /** A dispatched row not completed after this long is dispatched again (Redis may have lost it). */
  @IsInt()
  @Min(1)
  OUTBOX_REDISPATCH_SECONDS: number = 60;

  // Read the raw string: implicit conversion would turn 'false' into true.
  @Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) =>
    [true, 'true', '1'].includes(obj[key] as string),
  )
  @IsBoolean()
  OUTBOX_RELAY_ENABLED: boolean = true;

  /**
   * Queues, comma-separated, whose rows this relay leaves to other workers (a dedicated pool, or a
   * test whose own worker must be the one to run them). Empty: every queue the worker processes.
   */
  @Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) =>
    String(obj[key] ?? '')
      .split(',')
      .map((queue) => queue.trim())
      .filter((queue) => queue.length > 0),
  )
  @IsString({ each: true })
  OUTBOX_RELAY_EXCLUDE: string[] = [];

  /** How long the relay waits for Redis to accept a job before it gives the batch back. */
  @IsInt()
  @Min(100)
  OUTBOX_DISPATCH_TIMEOUT_MS: number = 5000;
}

export const outboxConfig = registerAs('outbox', () => readEnv(OutboxEnv));
export type OutboxConfig = ConfigType<typeof outboxConfig>;
