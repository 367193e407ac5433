import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { StageQueryDto } from '@app/calls';
import {
  AuthUser,
  CurrentUser,
  Page,
  PageOf,
  Roles,
  STAFF_ROLES,
  Staff,
  ValidationError,
  parseSort,
} from '@app/platform';
import { ModerationService } from '../application/moderation.service';
import { resolutionRequestOf } from '../domain/moderation';
import { QueueSortKey } from '../infrastructure/moderation.repository';
import {
  ChairDto,
  ModerationQueueDto,
  ModerationQueueQueryDto,
  ModerationReasonDto,
  NameChairDto,
  PersonDto,
  ResolutionDto,
  ResolutionHistoryQueryDto,
  ResolveDto,
} from './moderation.dto';

const ID = new ParseUUIDPipe();

/** The secretariat, or a panel member the secretariat named chair of the call (checked per call: 403 NOT_MODERATOR). */
const Moderators = () => Roles('evaluator', ...STAFF_ROLES);

/**
 * Moderation of a call's flagged applications, stage by stage (stage 1 unless `?stage=` says which).
 * Every change answers 409 COHORT_PUBLISHED once the cohort is published.
 */
@ApiTags('moderation')
@Controller('calls/:id/moderation')
export class ModerationController {
  constructor(private readonly moderation: ModerationService) {}

  /** The stage's queue: the applications the scoring flags and those the secretariat added, with figures and evaluators. */
  @Get('queue')
  @Moderators()
  @ApiOkResponse({ type: ModerationQueueDto })
  queue(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Query() query: ModerationQueueQueryDto,
  ): Promise<ModerationQueueDto> {
    const { limit, offset, stage } = query;
    const sort = parseSort<QueueSortKey>(query.sort, { key: 'spread', descending: true });
    return this.moderation.queue(actor, callId, { limit, offset, stage, sort });
  }

  /** The secretariat adds an application to the stage's queue, with a reason (409 when it is there already). */
  @Post('queue/:applicationId')
  @Staff()
  @HttpCode(204)
  @ApiNoContentResponse()
  async add(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Param('applicationId', ID) applicationId: string,
    @Query() query: StageQueryDto,
    @Body() body: ModerationReasonDto,
  ): Promise<void> {
    await this.moderation.add(actor, { callId, applicationId, stage: query.stage }, body.reason);
  }

  /**
   * Resolves a queued application: `scores_stand` (with a note), `revisit` (reopens the named
   * evaluators' submitted evaluations, each told the note in its language) or `consensus` (a score
   * 0–100 with a reason, which the ranking then uses). Becomes the current resolution; earlier ones
   * are kept. 409 NOT_IN_MODERATION_QUEUE for an application neither flagged nor added.
   */
  @Post('applications/:applicationId/resolutions')
  @Moderators()
  @ApiCreatedResponse({ type: ResolutionDto })
  resolve(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Param('applicationId', ID) applicationId: string,
    @Query() query: StageQueryDto,
    @Body() body: ResolveDto,
  ): Promise<ResolutionDto> {
    const checked = resolutionRequestOf(body);
    if ('errors' in checked) throw new ValidationError(checked.errors);
    return this.moderation.resolve(actor, { callId, applicationId, stage: query.stage }, checked.request);
  }

  /** Every resolution of the application in the stage, the latest first. */
  @Get('applications/:applicationId/resolutions')
  @Moderators()
  @ApiOkResponse({ type: PageOf(ResolutionDto) })
  history(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Param('applicationId', ID) applicationId: string,
    @Query() query: ResolutionHistoryQueryDto,
  ): Promise<Page<ResolutionDto>> {
    const { limit, offset, stage } = query;
    return this.moderation.history(actor, { callId, applicationId, stage }, { limit, offset });
  }

  /** The call's chair, or null. */
  @Get('chair')
  @Staff()
  @ApiOkResponse({ type: ChairDto })
  async chair(@Param('id', ID) callId: string): Promise<ChairDto> {
    return { chair: await this.moderation.chair(callId) };
  }

  /** Names a member of the call's panel its chair, replacing any chair before (422 CHAIR_NOT_ON_PANEL otherwise). */
  @Put('chair')
  @Staff()
  @ApiOkResponse({ type: PersonDto })
  nameChair(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Body() body: NameChairDto,
  ): Promise<PersonDto> {
    return this.moderation.nameChair(actor, callId, body.evaluatorId);
  }

  /** The call has no chair any more: only the secretariat moderates it. */
  @Delete('chair')
  @Staff()
  @HttpCode(204)
  @ApiNoContentResponse()
  async removeChair(@CurrentUser() actor: AuthUser, @Param('id', ID) callId: string): Promise<void> {
    await this.moderation.removeChair(actor, callId);
  }
}
