import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { StageQueryDto } from '@app/calls';
import { AuthUser, CurrentUser, Page, PageOf, Roles, Staff, parseSort } from '@app/platform';
import { AssignmentsService } from '../application/assignments.service';
import { ConflictsService } from '../application/conflicts.service';
import { PanelService } from '../application/panel.service';
import {
  AssignmentDto,
  AutoAssignmentDto,
  ConflictQueryDto,
  DeclareConflictDto,
  DeclaredConflictDto,
  ListedConflictDto,
  ManualAssignmentDto,
  PanelDto,
  PanelRequestDto,
} from './evaluation.dto';
import { toAssignmentDto, toConflictDto, toPanelDto } from './evaluation.mapper';
import { ListedPanelMemberDto, PanelMemberQueryDto } from './panel-members.dto';

const ID = new ParseUUIDPipe();

@ApiTags('evaluation')
@Controller('calls/:id')
export class PanelController {
  constructor(
    private readonly panel: PanelService,
    private readonly conflicts: ConflictsService,
    private readonly assignments: AssignmentsService,
  ) {}

  /** Adds evaluators to the call's panel; returns the whole panel with each member's load. */
  @Post('panel')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: PanelDto })
  async addToPanel(@CurrentUser() actor: AuthUser, @Param('id', ID) callId: string, @Body() body: PanelRequestDto) {
    return toPanelDto(callId, await this.panel.add(actor, callId, body.evaluatorIds));
  }

  @Get('panel')
  @Staff()
  @ApiOkResponse({ type: PanelDto })
  async getPanel(@Param('id', ID) callId: string): Promise<PanelDto> {
    return toPanelDto(callId, await this.panel.list(callId));
  }

  /** The call's panel a page at a time, sorted; by name by default, each member's assignments counted. */
  @Get('panel/members')
  @Staff()
  @ApiOkResponse({ type: PageOf(ListedPanelMemberDto) })
  listPanelMembers(
    @Param('id', ID) callId: string,
    @Query() query: PanelMemberQueryDto,
  ): Promise<Page<ListedPanelMemberDto>> {
    const sort = parseSort(query.sort, { key: 'name', descending: false });
    return this.panel.page(callId, { limit: query.limit, offset: query.offset, sort });
  }

  /** Takes an evaluator without assignments off the panel. */
  @Delete('panel/:evaluatorId')
  @Staff()
  @ApiOkResponse({ type: PanelDto })
  async removeFromPanel(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Param('evaluatorId', ID) evaluatorId: string,
  ): Promise<PanelDto> {
    return toPanelDto(callId, await this.panel.remove(actor, callId, evaluatorId));
  }

  /** An evaluator declares a conflict of interest (the secretariat may for one, naming it). */
  @Post('conflicts')
  @Roles('evaluator', 'secretariat', 'admin')
  @ApiCreatedResponse({ type: DeclaredConflictDto })
  async declareConflict(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Body() body: DeclareConflictDto,
  ): Promise<DeclaredConflictDto> {
    const conflict = await this.conflicts.declare(actor, callId, body);
    return { ...toConflictDto(conflict), assignment: conflict.assignment };
  }

  /** The call's conflicts of interest, sorted; the oldest first by default. */
  @Get('conflicts')
  @Staff()
  @ApiOkResponse({ type: PageOf(ListedConflictDto) })
  async listConflicts(
    @Param('id', ID) callId: string,
    @Query() query: ConflictQueryDto,
  ): Promise<Page<ListedConflictDto>> {
    const sort = parseSort(query.sort, { key: 'createdAt', descending: false });
    const page = await this.conflicts.list(callId, { ...query, sort });
    return {
      items: page.items.map((c) => ({ ...toConflictDto(c), organisation: { ...c.organisation } })),
      total: page.total,
    };
  }

  /**
   * Fills every missing slot without a conflict, keeping loads as even as the conflicts allow; in
   * stage 1 unless `stage` says which (from stage 2, the applications its confirmed shortlist advances).
   */
  @Post('assignments/auto')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: AutoAssignmentDto })
  autoAssign(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Query() query: StageQueryDto,
  ): Promise<AutoAssignmentDto> {
    return this.assignments.autoAssign(actor, callId, query.stage);
  }

  @Post('assignments')
  @Staff()
  @ApiCreatedResponse({ type: AssignmentDto })
  async assign(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Body() body: ManualAssignmentDto,
  ): Promise<AssignmentDto> {
    return toAssignmentDto(
      await this.assignments.assign(actor, callId, body.applicationId, body.evaluatorId, body.stage ?? 1),
    );
  }
}
