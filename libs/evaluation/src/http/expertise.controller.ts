import { Body, Controller, Get, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Page, PageOf, PageQueryDto, Roles, Staff } from '@app/platform';
import { ExpertiseService } from '../application/expertise.service';
import { CallExpertiseDto, DeclareExpertiseDto, DeclaredExpertiseDto, OwnExpertiseDto } from './expertise.dto';

const ID = new ParseUUIDPipe();

/** What evaluators declare of their expertise for a call, which the automatic assignment matches to applications' topics. */
@ApiTags('evaluation')
@Controller()
export class ExpertiseController {
  constructor(private readonly expertise: ExpertiseService) {}

  /** The calls on whose panels the caller sits, latest seat first, each with its keywords and the caller's expertise. */
  @Get('me/expertise')
  @Roles('evaluator')
  @ApiOkResponse({ type: PageOf(CallExpertiseDto) })
  perCall(@CurrentUser() actor: AuthUser, @Query() query: PageQueryDto): Promise<Page<CallExpertiseDto>> {
    return this.expertise.minePerCall(actor, query);
  }

  /** The caller's expertise for the call, with the call's keywords to choose from. */
  @Get('calls/:id/expertise/me')
  @Roles('evaluator')
  @ApiOkResponse({ type: OwnExpertiseDto })
  mine(@CurrentUser() actor: AuthUser, @Param('id', ID) callId: string): Promise<OwnExpertiseDto> {
    return this.expertise.mine(actor, callId);
  }

  /** Declares (or replaces) the caller's expertise for a call on whose panel it sits, until publication. */
  @Put('calls/:id/expertise/me')
  @Roles('evaluator')
  @ApiOkResponse({ type: OwnExpertiseDto })
  declare(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Body() body: DeclareExpertiseDto,
  ): Promise<OwnExpertiseDto> {
    return this.expertise.declare(actor, callId, body);
  }

  /** The evaluators' declarations for the call, latest first, a page at a time. */
  @Get('calls/:id/expertise')
  @Staff()
  @ApiOkResponse({ type: PageOf(DeclaredExpertiseDto) })
  async list(@Param('id', ID) callId: string, @Query() query: PageQueryDto): Promise<Page<DeclaredExpertiseDto>> {
    const page = await this.expertise.list(callId, query);
    return {
      total: page.total,
      items: page.items.map((d) => ({
        evaluatorId: d.evaluatorId,
        displayName: d.displayName,
        keywords: d.keywords,
        description: d.description,
        updatedAt: d.updatedAt,
      })),
    };
  }
}
