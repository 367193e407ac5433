import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '@app/platform';
import {
  EMAIL_STATUSES,
  EmailStatus,
  NOTIFICATION_TEMPLATES,
  NotificationTemplate,
  PREVIEWABLE_TEMPLATES,
} from '../domain/notification';

export class NotificationEmailDto {
  /** `not_sent`: no SMTP server is configured; `failed`: refused or unreachable after every retry. */
  @ApiProperty({ enum: EMAIL_STATUSES })
  status: EmailStatus;
  /** Attempts made so far (retries included). */
  attempts: number;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  sentAt: Date | null;
  /** The last attempt's error, e.g. the SMTP server's reply; null once the e-mail is sent. */
  @ApiProperty({ type: 'string', nullable: true })
  error: string | null;
}

export class NotificationDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: NOTIFICATION_TEMPLATES })
  template: NotificationTemplate;
  /** The language the text was written in: the recipient's when the notification was created. */
  @ApiProperty({ example: 'en' })
  locale: string;
  subject: string;
  /** Plain text, the same as the e-mail's. */
  body: string;
  @ApiProperty({ type: 'string', format: 'date-time' })
  createdAt: Date;
  @ApiProperty({ type: 'string', format: 'date-time', nullable: true })
  readAt: Date | null;
  @ApiProperty({ type: NotificationEmailDto })
  email: NotificationEmailDto;
}

export class NotificationRecipientDto {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ format: 'email' })
  email: string;
  displayName: string;
}

export class RecipientNotificationDto extends NotificationDto {
  @ApiProperty({ type: NotificationRecipientDto })
  recipient: NotificationRecipientDto;
}

export class NotificationListQueryDto extends PageQueryDto {
  /** Only the notifications whose e-mail is in this state, e.g. `failed`. */
  @ApiPropertyOptional({ enum: EMAIL_STATUSES })
  @IsOptional()
  @IsIn(EMAIL_STATUSES)
  emailStatus?: EmailStatus;

  /** Only the notifications of this user. */
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  recipientId?: string;
}

/** The most recipients one preview names: a page of a list, at most. */
export const MAX_PREVIEW_RECIPIENTS = 500;

export class NotificationPreviewRequestDto {
  @ApiProperty({ enum: PREVIEWABLE_TEMPLATES })
  @IsIn(PREVIEWABLE_TEMPLATES)
  template: NotificationTemplate;

  /** The template's parameters: `datetime` ones as ISO 8601 instants, `number` ones as numbers. */
  @ApiProperty({
    type: 'object',
    additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
    example: { callReference: 'BDT/DIR/DM/013', callTitle: 'Accelerator centres 2026', count: 4 },
  })
  @IsObject()
  params: Record<string, string | number>;

  /** Who would receive it; their languages decide the texts shown. */
  @ApiProperty({ type: [String], format: 'uuid', maxItems: MAX_PREVIEW_RECIPIENTS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_PREVIEW_RECIPIENTS)
  @IsUUID('all', { each: true })
  recipientIds: string[];
}
