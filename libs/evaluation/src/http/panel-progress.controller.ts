import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { NotificationPreviewsDto, toPreviewsDto } from '@app/notifications';
import { AuthUser, CurrentUser, Page, PageOf, Staff } from '@app/platform';
import { AssignmentsService } from '../application/assignments.service';
import { PanelProgressService } from '../application/panel-progress.service';
import { ReassignmentsService } from '../application/reassignments.service';
import { toAssignmentDto } from './evaluation.mapper';
import {
  CallAssignmentDto,
  CallAssignmentsQueryDto,
  EvaluatorProgressDto,
  PanelProgressQueryDto,
  ReassignmentReportDto,
  ReassignmentRequestDto,
  ReminderReportDto,
  ReminderRequestDto,
} from './panel-progress.dto';

const ID = new ParseUUIDPipe();

/** The secretariat follows the panel's work on a call and acts on it: reminders and reassignment. */
@ApiTags('evaluation')
@Controller('calls/:id')
export class PanelProgressController {
  constructor(
    private readonly progress: PanelProgressService,
    private readonly assignments: AssignmentsService,
    private readonly reassignments: ReassignmentsService,
  ) {}

  /**
   * Each panel member's assignments in a stage (1 unless given) by status, those with the most work
   * left first, a page at a time.
   */
  @Get('panel/progress')
  @Staff()
  @ApiOkResponse({ type: PageOf(EvaluatorProgressDto) })
  async panelProgress(
    @Param('id', ID) callId: string,
    @Query() { stage, ...query }: PanelProgressQueryDto,
  ): Promise<Page<EvaluatorProgressDto>> {
    const page = await this.progress.page(callId, stage, query);
    return {
      total: page.total,
      items: page.items.map(({ evaluatorId: _id, ...entry }) => ({
        ...entry,
        done: entry.submitted,
        total: entry.assigned + entry.draft + entry.submitted,
      })),
    };
  }

  /**
   * E-mails (and notifies in-app) each given evaluator that has evaluations left, in its language, with
   * the secretariat's message when one is given; at most once a day per evaluator and call, so
   * repeating the request sends nothing more.
   */
  @Post('panel/reminders')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: ReminderReportDto })
  remind(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Body() body: ReminderRequestDto,
  ): Promise<ReminderReportDto> {
    return this.progress.remind(actor, callId, body.evaluatorIds, body.message);
  }

  @Post('panel/reminders/previews')
  @HttpCode(200)
  @Staff()
  @ApiOperation({
    summary: 'The reminders that POST …/panel/reminders would send now, once per language of their recipients',
  })
  @ApiOkResponse({ type: NotificationPreviewsDto })
  async previewReminders(
    @Param('id', ID) callId: string,
    @Body() body: ReminderRequestDto,
  ): Promise<NotificationPreviewsDto> {
    return toPreviewsDto(await this.progress.previewReminders(callId, body.evaluatorIds, body.message));
  }

  /** The call's assignments, freed ones included, optionally of one evaluator and in given statuses. */
  @Get('assignments')
  @Staff()
  @ApiOkResponse({ type: PageOf(CallAssignmentDto) })
  async listAssignments(
    @Param('id', ID) callId: string,
    @Query() query: CallAssignmentsQueryDto,
  ): Promise<Page<CallAssignmentDto>> {
    const page = await this.assignments.listForCall(callId, query);
    return {
      total: page.total,
      items: page.items.map((a) => ({
        ...toAssignmentDto(a),
        organisationName: a.organisationName,
        affinity: a.affinity,
      })),
    };
  }

  /**
   * Moves assignments not yet submitted to another panel member, under the rules of a manual
   * assignment; all of them, or none with the first refusal.
   */
  @Post('assignments/reassign')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: ReassignmentReportDto })
  async reassign(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Body() body: ReassignmentRequestDto,
  ): Promise<ReassignmentReportDto> {
    return { items: await this.reassignments.reassign(actor, callId, body) };
  }
}
