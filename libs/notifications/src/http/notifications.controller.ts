import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, Authenticated, CurrentUser, Page, PageOf, PageQueryDto, Staff } from '@app/platform';
import { NotificationsService } from '../application/notifications.service';
import { Notification, NotificationWithRecipient } from '../domain/notification';
import { NotificationPreviewsDto, toPreviewsDto } from './notification-previews.dto';
import {
  NotificationDto,
  NotificationListQueryDto,
  NotificationPreviewRequestDto,
  RecipientNotificationDto,
} from './notifications.dto';

const ID = new ParseUUIDPipe();

@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  /** The caller's in-app notifications, newest first; each was also sent by e-mail (see `email`). */
  @Get('me/notifications')
  @Authenticated()
  @ApiOkResponse({ type: PageOf(NotificationDto) })
  async listMine(@CurrentUser() actor: AuthUser, @Query() page: PageQueryDto): Promise<Page<NotificationDto>> {
    const { items, total } = await this.notifications.listMine(actor, page);
    return { items: items.map(toNotificationDto), total };
  }

  /** Marks one of the caller's notifications read; reading it again keeps the first time. */
  @Post('me/notifications/:id/read')
  @HttpCode(200)
  @Authenticated()
  @ApiOkResponse({ type: NotificationDto })
  async markRead(@CurrentUser() actor: AuthUser, @Param('id', ID) id: string): Promise<NotificationDto> {
    return toNotificationDto(await this.notifications.markRead(actor, id));
  }

  /** Every user's notifications, newest first, e.g. `?emailStatus=failed` for the e-mails not delivered. */
  @Get('notifications')
  @Staff()
  @ApiOkResponse({ type: PageOf(RecipientNotificationDto) })
  async listAll(@Query() query: NotificationListQueryDto): Promise<Page<RecipientNotificationDto>> {
    const { items, total } = await this.notifications.listAll(query);
    return { items: items.map(toRecipientNotificationDto), total };
  }

  /**
   * A message as each recipient would receive it, once per language they read, with how many read
   * it: nothing is sent. Unknown recipients and parameters the template does not take are refused (400).
   */
  @Post('notifications/previews')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: NotificationPreviewsDto })
  async preview(@Body() body: NotificationPreviewRequestDto): Promise<NotificationPreviewsDto> {
    return toPreviewsDto(await this.notifications.previewFor(body.template, body.params, body.recipientIds));
  }
}

function toNotificationDto(notification: Notification): NotificationDto {
  const { id, template, locale, subject, body, createdAt, readAt, email } = notification;
  return { id, template, locale, subject, body, createdAt, readAt, email: { ...email } };
}

function toRecipientNotificationDto(notification: NotificationWithRecipient): RecipientNotificationDto {
  return { ...toNotificationDto(notification), recipient: { ...notification.recipient } };
}
