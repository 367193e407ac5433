import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { NotificationPreviewsDto, toPreviewsDto } from '@app/notifications';
import { AuthUser, CurrentUser, Page, PageOf, Staff, parseSort } from '@app/platform';
import { CohortPublicationService } from '../application/cohort-publication.service';
import { CohortsService } from '../application/cohorts.service';
import { Cohort } from '../infrastructure/cohorts.repository';
import { AmendCohortDto, CohortDto, CohortListQueryDto, CohortSummaryDto, ProposeCohortDto } from './cohort.dto';
import { applicationIdsOf, toCohortDto, toCohortSummaryDto } from './cohort.mapper';

const ID = new ParseUUIDPipe();

/** The secretariat's cohort proposals: propose, amend with reasons, approve, publish. */
@ApiTags('cohorts')
@Controller()
export class CohortsController {
  constructor(
    private readonly cohorts: CohortsService,
    private readonly publication: CohortPublicationService,
  ) {}

  /** Proposes the call's cohort from the ranking (DESIGN §6); 409 SCORING_IN_PROGRESS while scores are not up to date. */
  @Post('calls/:id/cohorts')
  @Staff()
  @ApiCreatedResponse({ type: CohortDto })
  async propose(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Body() body: ProposeCohortDto,
  ): Promise<CohortDto> {
    return this.view(await this.cohorts.propose(actor, callId, body));
  }

  /** The call's proposals, sorted; the newest first by default. */
  @Get('calls/:id/cohorts')
  @Staff()
  @ApiOkResponse({ type: PageOf(CohortSummaryDto) })
  async list(@Param('id', ID) callId: string, @Query() query: CohortListQueryDto): Promise<Page<CohortSummaryDto>> {
    const sort = parseSort(query.sort, { key: 'createdAt', descending: true });
    const page = await this.cohorts.listForCall(callId, { ...query, sort });
    return { items: page.items.map(toCohortSummaryDto), total: page.total };
  }

  @Get('cohorts/:id')
  @Staff()
  @ApiOkResponse({ type: CohortDto })
  async get(@Param('id', ID) id: string): Promise<CohortDto> {
    return this.view(await this.cohorts.get(id));
  }

  /** Adds or removes members of a proposed cohort, with the reason; broken constraints are reported. */
  @Patch('cohorts/:id')
  @Staff()
  @ApiOkResponse({ type: CohortDto })
  async amend(@CurrentUser() actor: AuthUser, @Param('id', ID) id: string, @Body() body: AmendCohortDto) {
    const overrides = { add: body.add ?? [], remove: body.remove ?? [] };
    return this.view(await this.cohorts.amend(actor, id, overrides, body.reason));
  }

  @Post('cohorts/:id/approve')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: CohortDto })
  async approve(@CurrentUser() actor: AuthUser, @Param('id', ID) id: string): Promise<CohortDto> {
    return this.view(await this.cohorts.approve(actor, id));
  }

  /** Publishes an approved cohort: outcomes, the public snapshot and its content hash, notifications. */
  @Post('cohorts/:id/publish')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: CohortDto })
  async publish(@CurrentUser() actor: AuthUser, @Param('id', ID) id: string): Promise<CohortDto> {
    return this.view(await this.publication.publish(actor, id));
  }

  /**
   * The notices publishing this cohort now would send (selected, waitlisted, not selected), once per
   * language their recipients read, with how many each; nothing is sent.
   */
  @Get('cohorts/:id/publication-preview')
  @Staff()
  @ApiOkResponse({ type: NotificationPreviewsDto })
  async previewPublication(@Param('id', ID) id: string): Promise<NotificationPreviewsDto> {
    return toPreviewsDto(await this.publication.previewNotices(id));
  }

  private async view(cohort: Cohort): Promise<CohortDto> {
    const [organisations, { greyZone, byApplication }] = await Promise.all([
      this.cohorts.organisationsOf(applicationIdsOf(cohort)),
      this.cohorts.uncertaintyOf(cohort),
    ]);
    return toCohortDto(cohort, organisations, greyZone, byApplication);
  }
}
