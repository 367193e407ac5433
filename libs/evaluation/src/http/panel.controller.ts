import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { StageQueryDto } from '@app/calls';
import { AuthUser, CurrentUser, Page, PageOf, Roles, Staff, parseSort } from '@app/platform';
import { AssignmentsService } from '../application/assignments.service';
import { ConflictsService } from '../application/conflicts.service';
import { PanelService } from '../application/panel.service';
import {
  AssignmentDto,
  ConflictQueryDto,
  DeclareConflictDto,
  DeclaredConflictDto,
  ListedConflictDto,
  ManualAssignmentDto,
  PanelDto,
  PanelRequestDto,
} from './evaluation.dto';
import { toAssignmentDto, toConflictDto, toPanelDto } from './evaluation.mapper';
import { AffinityAssignmentReportDto, AutoAssignmentRequestDto } from './expertise.dto';
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

  /**
   * Adds evaluators to the call's panel, or with `stage` ≥ 2 to that stage's own panel (which it then
   * assigns from instead of the call's); returns the stage's whole panel with each member's load.
   */
  @Post('panel')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: PanelDto })
  async addToPanel(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Query() query: StageQueryDto,
    @Body() body: PanelRequestDto,
  ): Promise<PanelDto> {
    return toPanelDto(callId, await this.panel.add(actor, callId, body.evaluatorIds, query.stage));
  }

  /** The panel a stage assigns from (stage 1's, the call's, unless `stage` says which). */
  @Get('panel')
  @Staff()
  @ApiOkResponse({ type: PanelDto })
  async getPanel(@Param('id', ID) callId: string, @Query() query: StageQueryDto): Promise<PanelDto> {
    return toPanelDto(callId, await this.panel.stagePanel(callId, query.stage));
  }

  /** A stage's panel a page at a time, sorted; by name by default, each member's assignments in the stage counted. */
  @Get('panel/members')
  @Staff()
  @ApiOkResponse({ type: PageOf(ListedPanelMemberDto) })
  listPanelMembers(
    @Param('id', ID) callId: string,
    @Query() query: PanelMemberQueryDto,
  ): Promise<Page<ListedPanelMemberDto>> {
    const sort = parseSort(query.sort, { key: 'name', descending: false });
    return this.panel.page(callId, { limit: query.limit, offset: query.offset, sort }, query.stage);
  }

  /** Takes an evaluator without assignments in the stages it serves off the call's panel, or with `stage` ≥ 2 off that stage's own. */
  @Delete('panel/:evaluatorId')
  @Staff()
  @ApiOkResponse({ type: PanelDto })
  async removeFromPanel(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Param('evaluatorId', ID) evaluatorId: string,
    @Query() query: StageQueryDto,
  ): Promise<PanelDto> {
    return toPanelDto(callId, await this.panel.remove(actor, callId, evaluatorId, query.stage));
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
   * Fills every missing slot without a conflict, no load above the most even filling's highest, with
   * the greatest total affinity between declared expertise and the applications' topics; or, with
   * `maxPairProbability`, a seeded random draw under that cap; `dryRun` writes nothing. In stage 1
   * unless `stage` says which (from stage 2, the applications its confirmed shortlist advances).
   */
  @Post('assignments/auto')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: AffinityAssignmentReportDto })
  autoAssign(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Query() query: StageQueryDto,
    @Body() body: AutoAssignmentRequestDto,
  ): Promise<AffinityAssignmentReportDto> {
    return this.assignments.autoAssign(actor, callId, query.stage, body);
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
