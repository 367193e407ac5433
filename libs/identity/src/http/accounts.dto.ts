import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One of the caller's (or, for an administrator, a user's) live sessions: a sign-in and its refreshes. */
export class SessionDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  /** When the session began (the sign-in). */
  createdAt: Date;
  /** When its tokens were last refreshed; the sign-in time before the first refresh. */
  lastUsedAt: Date;
  /** When it ends unless refreshed. */
  expiresAt: Date;
  /** Of the latest sign-in or refresh, as the client sent it. */
  @ApiProperty({ type: 'string', nullable: true })
  userAgent: string | null;
  @ApiProperty({ type: 'string', nullable: true })
  ip: string | null;
  /** The session of the access token making this request. */
  current: boolean;
}

export class SessionsRevokedDto {
  /** Sessions ended. */
  @ApiProperty({ type: 'integer', minimum: 0 })
  ended: number;
}

export class HistoryActorDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  displayName: string;
}

/** A change made to an account, as its audit entry keeps it. */
export class AccountHistoryEntryDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  occurredAt: Date;
  /** e.g. `user.account_changed`. */
  action: string;
  /** Who made the change; null for the platform itself. */
  @ApiProperty({ type: HistoryActorDto, nullable: true })
  actor: HistoryActorDto | null;
  /** The account's role and status before the change. */
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  before: Record<string, unknown> | null;
  /** What changed, with the `reason` given (null when none). */
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  after: Record<string, unknown> | null;
}
