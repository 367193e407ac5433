import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Page, PageOf, PageQueryDto, Roles, Staff } from '@app/platform';
import { ApplicationHistoryService } from '../application/application-history.service';
import { AssignmentsService } from '../application/assignments.service';
import { EvaluationContext } from '../application/evaluation-context';
import { DueRemindersService } from '../application/due-reminders.service';
import { EvaluationsService } from '../application/evaluations.service';
import {
  AssignmentDto,
  EvaluationDto,
  EvaluatorWorkloadDto,
  MyAssignmentDto,
  MyAssignmentsQueryDto,
  ReasonDto,
  ReopenEvaluationDto,
  SaveEvaluationDto,
  WorkloadQueryDto,
} from './evaluation.dto';
import { ApplicationHistoryEntryDto } from './panel-progress.dto';
import { toApplicationForReviewDto, toAssignmentDto, toEvaluationDto } from './evaluation.mapper';

const ID = new ParseUUIDPipe();

@ApiTags('evaluation')
@Controller()
export class AssignmentsController {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly evaluations: EvaluationsService,
    private readonly context: EvaluationContext,
    private readonly histories: ApplicationHistoryService,
    private readonly dueDates: DueRemindersService,
  ) {}

  /** The caller's assignments with what it needs to review each application, and when each is due. */
  @Get('me/assignments')
  @Roles('evaluator')
  @ApiOkResponse({ type: PageOf(MyAssignmentDto) })
  async listMine(
    @CurrentUser() actor: AuthUser,
    @Query() query: MyAssignmentsQueryDto,
  ): Promise<Page<MyAssignmentDto>> {
    const page = await this.assignments.listMine(actor, query);
    const [forReview, dueDates] = await Promise.all([
      this.context.applicationsForReview(page.items.map((a) => a.applicationId)),
      this.dueDates.dueDatesOf(page.items.map((a) => a.id)),
    ]);
    const applications = new Map(forReview.map((a) => [a.id, a]));
    return {
      total: page.total,
      items: page.items.flatMap((assignment) => {
        const application = applications.get(assignment.applicationId);
        return application
          ? [
              {
                ...toAssignmentDto(assignment),
                application: toApplicationForReviewDto(application),
                dueAt: dueDates.get(assignment.id)?.dueAt ?? null,
                overdue: dueDates.get(assignment.id)?.overdue ?? false,
              },
            ]
          : [];
      }),
    };
  }

  /** How many of the caller's assignments are unfinished and overdue, and the next due date, in one call or all. */
  @Get('me/assignments/workload')
  @Roles('evaluator')
  @ApiOkResponse({ type: EvaluatorWorkloadDto })
  workload(@CurrentUser() actor: AuthUser, @Query() query: WorkloadQueryDto): Promise<EvaluatorWorkloadDto> {
    return this.dueDates.workload(actor, query.callId);
  }

  /** The evaluator gives an assignment back (e.g. a conflict found late); the slot is freed. */
  @Post('assignments/:id/decline')
  @HttpCode(200)
  @Roles('evaluator')
  @ApiOkResponse({ type: AssignmentDto })
  async decline(@CurrentUser() actor: AuthUser, @Param('id', ID) id: string, @Body() body: ReasonDto) {
    return toAssignmentDto(await this.assignments.decline(actor, id, body.reason));
  }

  /** The secretariat frees a slot, whatever its state; a submitted evaluation then stops counting. */
  @Post('assignments/:id/release')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: AssignmentDto })
  async release(@CurrentUser() actor: AuthUser, @Param('id', ID) id: string, @Body() body: ReasonDto) {
    return toAssignmentDto(await this.assignments.release(actor, id, body.reason));
  }

  @Get('assignments/:id/evaluation')
  @Roles('evaluator', 'secretariat', 'admin')
  @ApiOkResponse({ type: EvaluationDto })
  async getEvaluation(@CurrentUser() actor: AuthUser, @Param('id', ID) id: string): Promise<EvaluationDto> {
    return toEvaluationDto(await this.evaluations.getOwn(actor, id));
  }

  /** Saves a draft; repeatable. Scores are integers within the call's scale. */
  @Put('assignments/:id/evaluation')
  @Roles('evaluator')
  @ApiOkResponse({ type: EvaluationDto })
  async saveEvaluation(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) id: string,
    @Body() body: SaveEvaluationDto,
  ): Promise<EvaluationDto> {
    return toEvaluationDto(await this.evaluations.saveDraft(actor, id, body));
  }

  @Post('assignments/:id/evaluation/submit')
  @HttpCode(200)
  @Roles('evaluator')
  @ApiOkResponse({ type: EvaluationDto })
  async submitEvaluation(@CurrentUser() actor: AuthUser, @Param('id', ID) id: string): Promise<EvaluationDto> {
    return toEvaluationDto(await this.evaluations.submit(actor, id));
  }

  /** Sends a submitted evaluation back to its evaluator as a draft; the reason is optional for older clients. */
  @Post('assignments/:id/evaluation/reopen')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: EvaluationDto })
  async reopenEvaluation(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) id: string,
    @Body() body: ReopenEvaluationDto,
  ): Promise<EvaluationDto> {
    return toEvaluationDto(await this.evaluations.reopen(actor, id, body.reason));
  }

  /** The application's audit trail with its assignments' (and evaluations'), oldest first, a page at a time. */
  @Get('applications/:id/history')
  @Staff()
  @ApiOkResponse({ type: PageOf(ApplicationHistoryEntryDto) })
  history(@Param('id', ID) id: string, @Query() query: PageQueryDto): Promise<Page<ApplicationHistoryEntryDto>> {
    return this.histories.history(id, query);
  }

  /** Secretariat: every evaluation; an evaluator: the submitted ones, once its own is submitted. A page at a time. */
  @Get('applications/:id/evaluations')
  @Roles('evaluator', 'secretariat', 'admin')
  @ApiOkResponse({ type: PageOf(EvaluationDto) })
  async listForApplication(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) id: string,
    @Query() query: PageQueryDto,
  ): Promise<Page<EvaluationDto>> {
    const page = await this.evaluations.listForApplication(actor, id, query);
    return { items: page.items.map(toEvaluationDto), total: page.total };
  }
}
