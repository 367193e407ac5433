import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_TEMPLATES, NotificationTemplate } from '../domain/notification';
import { NotificationPreview } from '../domain/previews';
import { NOTIFICATION_LOCALES, type NotificationLocale } from '../domain/templates';

/*
 * The previews' shape in the API, shared by every endpoint that previews a message (this context's and
 * those of the contexts that notify: reminders, publication), so clients read them with one component.
 */

export class NotificationPreviewDto {
  @ApiProperty({ enum: NOTIFICATION_TEMPLATES })
  template: NotificationTemplate;
  @ApiProperty({ enum: NOTIFICATION_LOCALES })
  locale: NotificationLocale;
  /** How many of the recipients read this language (and get this template). */
  recipients: number;
  subject: string;
  /** The e-mail's text, plain, rendered for the first of these recipients. */
  body: string;
}

export class NotificationPreviewsDto {
  /** Every recipient, whatever the language. */
  recipients: number;
  /** One per template and language that some recipient reads, the languages in a fixed order. */
  @ApiProperty({ type: [NotificationPreviewDto] })
  previews: NotificationPreviewDto[];
}

export function toPreviewsDto(previews: NotificationPreview[]): NotificationPreviewsDto {
  return {
    recipients: previews.reduce((sum, preview) => sum + preview.recipients, 0),
    previews: previews.map((preview) => ({ ...preview })),
  };
}
