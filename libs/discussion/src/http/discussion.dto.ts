import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto, SearchTermField, trimmed } from '@app/platform';
import { MAX_MENTIONS, MAX_POST_LENGTH, PARTICIPANT_KINDS, type ParticipantKind } from '../domain/discussion';

/** A post's whole text and whom it mentions. Editing sends both again: mentions left out are dropped. */
export class PostTextDto {
  /** Plain text; surrounding blank space is dropped, and what remains must not be empty. */
  @ApiProperty({ maxLength: MAX_POST_LENGTH })
  @Transform(trimmed)
  @IsString()
  @MaxLength(MAX_POST_LENGTH)
  body: string;

  /** Participants of the thread the post mentions (GET …/discussion/participants); each is notified once. */
  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_MENTIONS, default: [] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_MENTIONS)
  @IsUUID('all', { each: true })
  mentionIds: string[] = [];
}

export class PersonRefDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  /**
   * The name, to the secretariat and the call's chair; to other evaluators "Evaluator n" (n being
   * evaluatorNumber) or "Secretariat" (see the thread's namesShown).
   */
  displayName: string;
  /** The person's number among the application's evaluators, in the order of assignment, for every reader; null for the secretariat. */
  @ApiProperty({ type: 'integer', minimum: 1, nullable: true })
  evaluatorNumber: number | null;
}

export class ParticipantDto extends PersonRefDto {
  @ApiProperty({ enum: PARTICIPANT_KINDS })
  kind: ParticipantKind;
}

export class DiscussionThreadDto {
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  @ApiProperty({ format: 'uuid' })
  callId: string;
  /** The call's cohort is published: the thread reads but takes no more posts or edits. */
  frozen: boolean;
  /** How the reader takes part. */
  @ApiProperty({ enum: PARTICIPANT_KINDS })
  as: ParticipantKind;
  /** The reader sees people's names (the secretariat, the call's chair); others see evaluators by number and the secretariat as such. */
  namesShown: boolean;
}

export class DiscussionPostDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'uuid' })
  applicationId: string;
  @ApiProperty({ type: PersonRefDto })
  author: PersonRefDto;
  @ApiProperty({ enum: PARTICIPANT_KINDS })
  authorKind: ParticipantKind;
  body: string;
  @ApiProperty({ type: [PersonRefDto] })
  mentions: PersonRefDto[];
  /** 1 until edited; send it back in If-Match to edit. Earlier texts: GET …/posts/{postId}/versions. */
  @ApiProperty({ type: 'integer', minimum: 1 })
  version: number;
  createdAt: Date;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  editedAt: Date | null;
}

/** A text a post had before an edit replaced it. */
export class DiscussionPostVersionDto {
  @ApiProperty({ type: 'integer', minimum: 1 })
  version: number;
  body: string;
  @ApiProperty({ type: [PersonRefDto] })
  mentions: PersonRefDto[];
  writtenAt: Date;
  replacedAt: Date;
}

export class ParticipantsQueryDto extends PageQueryDto {
  /** Part of the participant's name, in any case. */
  @SearchTermField()
  search?: string;
}
