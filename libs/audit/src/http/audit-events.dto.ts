import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';
import { PageQueryDto } from '@app/platform';

export class AuditEventQueryDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{1,50}$/)
  entityType?: string;

  @IsOptional()
  @IsUUID()
  entityId?: string;
}

export class AuditEventDto {
  id: string;
  occurredAt: Date;
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  actorId: string | null;
  /** e.g. `application.submitted`, `call.opened`. */
  action: string;
  entityType: string;
  entityId: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  before: Record<string, unknown> | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  after: Record<string, unknown> | null;
  @ApiProperty({ type: 'string', nullable: true })
  requestId: string | null;
  /** The personal API token the change was made with; null otherwise. */
  @ApiProperty({ type: 'string', format: 'uuid', nullable: true })
  apiTokenId: string | null;
  /** That token's name when the change was made. */
  @ApiProperty({ type: 'string', nullable: true })
  apiTokenName: string | null;
}
