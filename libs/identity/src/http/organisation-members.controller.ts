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
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import type { Request } from 'express';
import { AuthUser, CurrentUser, Page, PageOf, PageQueryDto, Roles } from '@app/platform';
import { InvitationsService } from '../application/invitations.service';
import { OrganisationMembersService } from '../application/organisation-members.service';
import { InvitationDto } from './account-links.dto';
import { RetryAfterInterceptor } from './retry-after.interceptor';
import { InviteColleagueDto, OrganisationMemberDto } from './team.dto';

const ID = new ParseUUIDPipe();

@ApiTags('identity')
@Controller('organisations/:id/members')
@UseInterceptors(RetryAfterInterceptor)
export class OrganisationMembersController {
  constructor(
    private readonly members: OrganisationMembersService,
    private readonly invitations: InvitationsService,
  ) {}

  /** The organisation's members, by name: for its members and the secretariat. */
  @Get()
  @Roles('applicant', 'secretariat', 'admin')
  @ApiOkResponse({ type: PageOf(OrganisationMemberDto) })
  list(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<OrganisationMemberDto>> {
    return this.members.list(actor, id, query);
  }

  /**
   * A member invites a colleague by e-mail: the colleague's account is created invited, and
   * accepting the e-mailed link (POST /auth/invitations/accept) makes it a member.
   */
  @Post('invitations')
  @Roles('applicant')
  @ApiCreatedResponse({ type: InvitationDto })
  @ApiTooManyRequestsResponse({ description: 'Too many invitation e-mails to this address or from this client.' })
  inviteColleague(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) id: string,
    @Body() body: InviteColleagueDto,
    @Req() request: Request,
  ): Promise<InvitationDto> {
    return this.invitations.inviteColleague(actor, id, body, request.ip ?? 'unknown');
  }

  /** The caller leaves the organisation; the last member cannot (409 LAST_MEMBER). */
  @Post('leave')
  @HttpCode(204)
  @Roles('applicant')
  @ApiNoContentResponse({ description: 'The caller is no longer a member.' })
  async leave(@CurrentUser() actor: AuthUser, @Param('id', ID) id: string): Promise<void> {
    await this.members.leave(actor, id);
  }
}
