import { ConfigType, registerAs } from '@nestjs/config';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUrl, Matches, Max, Min } from 'class-validator';
import { readEnv } from '@app/platform';

export class NotificationsJobsEnv {
  /**
   * The SMTP server e-mails go through, e.g. smtp://user:password@mail.example.org:587 (STARTTLS
   * when offered) or smtps://… (implicit TLS). Unset or empty: notifications are in-app only and
   * their e-mails are recorded as not sent.
   */
  @Transform(({ obj, key }: { obj: Record<string, unknown>; key: string }) =>
    typeof obj[key] === 'string' && obj[key] !== '' ? obj[key] : undefined,
  )
  @IsOptional()
  @IsUrl({ protocols: ['smtp', 'smtps'], require_protocol: true, require_tld: false })
  SMTP_URL?: string;

  /** The From header of every e-mail: a display name and an address. */
  @IsString()
  @Matches(/^(.+<)?[^\s@<>]+@[^\s@<>]+>?$/, { message: 'SMTP_FROM must be an address, e.g. "Name <a@b.org>"' })
  SMTP_FROM: string = 'ITU BDT Accelerator Network <no-reply@accelerators.example.org>';

  /** E-mails one worker sends at once (and SMTP connections it keeps open). */
  @IsInt()
  @Min(1)
  @Max(64)
  NOTIFICATIONS_CONCURRENCY: number = 5;
}

export const notificationsJobsConfig = registerAs('notificationsJobs', () => readEnv(NotificationsJobsEnv));
export type NotificationsJobsConfig = ConfigType<typeof notificationsJobsConfig>;
