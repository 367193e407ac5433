import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Matches, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { trimmed } from '@app/platform';
import { LANGUAGES, type Language } from '@app/platform/languages';

const PASSED_OVER_REASONS = ['SESSION_FULL', 'COUNTRY_LIMIT', 'UNKNOWN_SESSION'] as const;
const UNALLOCATED_REASONS = ['SESSIONS_FULL', 'COUNTRY_LIMIT', 'NO_PREFERENCE', 'UNKNOWN_SESSION'] as const;

/** Moves a reply to another session, or out of every session (`null`), with the reason kept. */
export class AmendAllocationDto {
  @ApiProperty({ type: String, nullable: true, example: 'hlps_2' })
  @ValidateIf((body: AmendAllocationDto) => body.sessionKey !== null)
  @Matches(/^[a-z][a-z0-9_]{0,59}$/, { message: 'sessionKey must be a session key or null' })
  sessionKey: string | null;

  @Transform(trimmed)
  @IsString()
  @MinLength(3)
  @MaxLength(2000)
  reason: string;
}

export class PassedOverDto {
  sessionKey: string;
  @ApiProperty({ enum: PASSED_OVER_REASONS })
  reason: (typeof PASSED_OVER_REASONS)[number];
}

export class AllocationAmendmentDto {
  reason: string;
  @ApiProperty({ type: 'string', format: 'date-time' })
  amendedAt: string;
  /** What the rule had given. */
  @ApiProperty({ type: String, nullable: true })
  computedSessionKey: string | null;
}

export class AllocationEntryDto {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  /** 1-based position in the order the rule took the replies. */
  processingOrder: number;
  organisationName: string;
  countryCode: string;
  @ApiProperty({ type: String, nullable: true })
  sessionKey: string | null;
  /** The allocated session's rank among the reply's preferences; null when unallocated or amended. */
  @ApiProperty({ type: Number, nullable: true })
  preferenceRank: number | null;
  /** Why the rule gave no session; null when allocated. */
  @ApiProperty({ enum: UNALLOCATED_REASONS, nullable: true })
  reason: (typeof UNALLOCATED_REASONS)[number] | null;
  /** Each preference passed over before the one granted (every one when none is), and why. */
  @ApiProperty({ type: [PassedOverDto] })
  passedOver: PassedOverDto[];
  @ApiProperty({ type: AllocationAmendmentDto, nullable: true })
  amendment: AllocationAmendmentDto | null;
}

export class AllocatedSessionDto {
  key: string;
  title: string;
  @ApiProperty({ type: 'string', format: 'date-time' })
  startsAt: Date;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  endsAt: Date | null;
  capacity: number;
  /** Seats the allocation gives away. */
  taken: number;
}

export class SessionAllocationDto {
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The rule the allocation was computed by.' })
  rule: Record<string, unknown>;
  @ApiProperty({ type: 'string', format: 'date-time' })
  computedAt: Date;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  confirmedAt: Date | null;
  @ApiProperty({ type: [AllocatedSessionDto] })
  sessions: AllocatedSessionDto[];
  @ApiProperty({ type: [AllocationEntryDto] })
  items: AllocationEntryDto[];
  total: number;
}

export class ProgrammeSpeakerDto {
  organisationName: string;
  countryCode: string;
}

export class ProgrammeSessionDto {
  key: string;
  /** In the programme's `language`, English where it has none. */
  title: string;
  @ApiProperty({ type: 'string', format: 'date-time' })
  startsAt: Date;
  @ApiPropertyOptional({ type: 'string', format: 'date-time', nullable: true })
  endsAt: Date | null;
  capacity: number;
  @ApiProperty({ type: [ProgrammeSpeakerDto] })
  speakers: ProgrammeSpeakerDto[];
}

/** The programme of a registration call's sessions with their speakers, published at confirmation. */
export class ProgrammeDto {
  @ApiProperty({ format: 'uuid' })
  callId: string;
  reference: string;
  /** The call's title in `language`, English where it has none. */
  title: string;
  /** The language of the titles: `lang`, else the one Accept-Language prefers. */
  @ApiProperty({ enum: LANGUAGES })
  language: Language;
  /** The titles shown in English, the language having none: `title`, `sessions.<key>.title`. */
  @ApiProperty({ type: [String], example: ['sessions.hlps_2.title'] })
  fallback: string[];
  /** Where the sessions are held: the times are shown in it. */
  @ApiProperty({ example: 'Europe/Zurich' })
  timeZone: string;
  @ApiProperty({ type: 'string', format: 'date-time' })
  confirmedAt: Date;
  @ApiProperty({ type: [ProgrammeSessionDto] })
  sessions: ProgrammeSessionDto[];
}
