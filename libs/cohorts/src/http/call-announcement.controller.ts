import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AuthUser, CurrentUser, Public } from '@app/platform';
import { CallAnnouncementService } from '../application/call-announcement.service';
import { AnnexQueryDto } from './cohort.dto';

const ID = new ParseUUIDPipe();

/**
 * The announcement of a call as a BDT letter (reference, addressees, subject, body, deadline, where
 * to apply or, for a registration call, to reply, the contact, Annex I about the programme): the
 * secretariat's at any status, the public's once the call is open. Rendered on each request from the call as it stands, so never cached as final.
 */
@ApiTags('calls')
@Controller('calls/:id')
export class CallAnnouncementController {
  constructor(private readonly announcements: CallAnnouncementService) {}

  @Get('announcement.pdf')
  @Public()
  @ApiProduces('application/pdf')
  @ApiOkResponse({
    description: 'The announcement in English or French.',
    content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
  })
  async pdf(
    @CurrentUser() actor: AuthUser | undefined,
    @Param('id', ID) id: string,
    @Query() query: AnnexQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const rendered = await this.announcements.render(actor, id, 'pdf', query.lang);
    send(res, rendered.content, 'application/pdf', `inline; filename="call-${id}-announcement-${query.lang}.pdf"`);
  }

  @Get('announcement.html')
  @Public()
  @ApiProduces('text/html')
  @ApiOkResponse({
    description: 'The announcement as an accessible HTML page.',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  async html(
    @CurrentUser() actor: AuthUser | undefined,
    @Param('id', ID) id: string,
    @Query() query: AnnexQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const rendered = await this.announcements.render(actor, id, 'html', query.lang);
    send(
      res,
      rendered.content,
      'text/html; charset=utf-8',
      `inline; filename="call-${id}-announcement-${query.lang}.html"`,
    );
  }
}

function send(res: Response, content: Buffer, type: string, disposition: string): void {
  // The call and its settings may still change: caches revalidate every time.
  res.setHeader('Cache-Control', 'private, no-cache');
  res.status(200).type(type).setHeader('Content-Disposition', disposition);
  res.setHeader('Content-Length', content.length);
  res.end(content);
}
