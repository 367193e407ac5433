import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  UseInterceptors,
} from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthUser, CurrentUser, Page, PageOf, Public, Staff, parseSort } from '@app/platform';
import { InvitationsService } from '../application/invitations.service';
import {
  AcceptInvitationDto,
  AccountLinkTokenDto,
  CreateInvitationDto,
  InvitationDto,
  InvitationPreviewDto,
  InvitationQueryDto,
} from './account-links.dto';
import { TokenPairDto } from './identity.dto';
import { RetryAfterInterceptor } from './retry-after.interceptor';

@ApiTags('identity')
@Controller()
@UseInterceptors(RetryAfterInterceptor)
export class InvitationsController {
  constructor(private readonly invitations: InvitationsService) {}

  /** Invites an evaluator or a secretariat member by e-mail; an evaluator may be seated on panels on accepting. */
  @Post('invitations')
  @Staff()
  @ApiCreatedResponse({ type: InvitationDto })
  invite(@CurrentUser() actor: AuthUser, @Body() body: CreateInvitationDto): Promise<InvitationDto> {
    return this.invitations.invite(actor, body);
  }

  /** Invitations, the most recently sent first, optionally of one status. */
  @Get('invitations')
  @Staff()
  @ApiOkResponse({ type: PageOf(InvitationDto) })
  list(@Query() query: InvitationQueryDto): Promise<Page<InvitationDto>> {
    return this.invitations.list({ ...query, sort: parseSort(query.sort, { key: 'sentAt', descending: true }) });
  }

  @Get('invitations/:id')
  @Staff()
  @ApiOkResponse({ type: InvitationDto })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<InvitationDto> {
    return this.invitations.get(id);
  }

  /** Sends a new link with a fresh lifetime; the previous link stops working. */
  @Post('invitations/:id/resend')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: InvitationDto })
  @ApiTooManyRequestsResponse({ description: 'Too many link e-mails for this address or from this client.' })
  resend(
    @CurrentUser() actor: AuthUser,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Req() request: Request,
  ): Promise<InvitationDto> {
    return this.invitations.resend(actor, id, request.ip ?? 'unknown');
  }

  /** Withdraws a pending or expired invitation: its link stops working. */
  @Post('invitations/:id/revoke')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: InvitationDto })
  revoke(@CurrentUser() actor: AuthUser, @Param('id', new ParseUUIDPipe()) id: string): Promise<InvitationDto> {
    return this.invitations.revoke(actor, id);
  }

  /** Whom an invitation link is for, while it can be accepted (else the refusal accepting would get). */
  @Post('auth/invitations/preview')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: InvitationPreviewDto })
  preview(@Body() body: AccountLinkTokenDto): Promise<InvitationPreviewDto> {
    return this.invitations.preview(body.token);
  }

  /** Accepts an invitation: sets the password, activates the account and signs in. */
  @Post('auth/invitations/accept')
  @HttpCode(200)
  @Public()
  @ApiOkResponse({ type: TokenPairDto })
  accept(@Body() body: AcceptInvitationDto): Promise<TokenPairDto> {
    return this.invitations.accept(body);
  }
}
