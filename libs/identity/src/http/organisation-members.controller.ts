import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Page, PageOf, PageQueryDto, Roles } from '@app/platform';
import { OrganisationMembersService } from '../application/organisation-members.service';
import { OrganisationMemberDto } from './team.dto';

const ID = new ParseUUIDPipe();

@ApiTags('identity')
@Controller('organisations/:id/members')
export class OrganisationMembersController {
  constructor(private readonly members: OrganisationMembersService) {}

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

  /** The caller leaves the organisation; the last member cannot (409 LAST_MEMBER). */
  @Post('leave')
  @HttpCode(204)
  @Roles('applicant')
  @ApiNoContentResponse({ description: 'The caller is no longer a member.' })
  async leave(@CurrentUser() actor: AuthUser, @Param('id', ID) id: string): Promise<void> {
    await this.members.leave(actor, id);
  }
}
