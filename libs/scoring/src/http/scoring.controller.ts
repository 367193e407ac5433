import { Controller, Get, Param, ParseUUIDPipe, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { StageQueryDto } from '@app/calls';
import { ApiTableExport, AuthUser, CurrentUser, Staff, parseSort, sendTable } from '@app/platform';
import { RankingExport } from '../application/ranking-export';
import { RankingQuery } from '../application/ranking.query';
import { ScoringService } from '../application/scoring.service';
import {
  ApplicationResultDto,
  CallStatisticsDto,
  MarkingDistributionDto,
  RankingDto,
  RankingExportQueryDto,
  RankingQueryDto,
  ScoringStatusDto,
} from './scoring.dto';

const ID = new ParseUUIDPipe();

@ApiTags('scoring')
@Controller('calls/:id')
export class ScoringController {
  constructor(
    private readonly scoring: ScoringService,
    private readonly rankings: RankingQuery,
    private readonly exports: RankingExport,
  ) {}

  /** Whether the results reflect every submitted evaluation, computed from the database. */
  @Get('scoring-status')
  @Staff()
  @ApiOkResponse({ type: ScoringStatusDto })
  status(@Param('id', ID) callId: string): Promise<ScoringStatusDto> {
    return this.scoring.status(callId);
  }

  /** Ranked applications (DESIGN §5.6), best first unless sorted, a page at a time; `total` counts those found. */
  @Get('ranking')
  @Staff()
  @ApiOkResponse({ type: RankingDto })
  ranking(@Param('id', ID) callId: string, @Query() query: RankingQueryDto): Promise<RankingDto> {
    const { limit, offset, search, stage } = query;
    const sort = parseSort(query.sort, { key: 'rank', descending: false });
    return this.rankings.page(callId, { limit, offset, search, sort, stage });
  }

  /** One application's scores, rank and moderation flag, as the ranking of the stage (1 unless given) has them. */
  @Get('results/:applicationId')
  @Staff()
  @ApiOkResponse({ type: ApplicationResultDto })
  async result(
    @Param('id', ID) callId: string,
    @Param('applicationId', ID) applicationId: string,
    @Query() query: StageQueryDto,
  ): Promise<ApplicationResultDto> {
    const result = await this.scoring.applicationResult(callId, applicationId, query.stage);
    if (!result) return { applicationId, result: null };
    const { callId: _call, applicationId: _application, stage: _stage, ...scores } = result;
    return { applicationId, result: scores };
  }

  /** Every ranked application the search finds with all its scores, its eligibility and status: CSV or a workbook. Audited. */
  @Get('ranking/export')
  @Staff()
  @ApiTableExport('The ranking, a row per ranked application.')
  async exportRanking(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Query() query: RankingExportQueryDto,
    @Res() res: Response,
  ): Promise<void> {
    const { format, search, stage } = query;
    const sort = parseSort(query.sort, { key: 'rank', descending: false });
    const table = await this.exports.table(actor, callId, { search, sort, stage }, format);
    await sendTable(res, format, `ranking-${callId}`, table);
  }

  /** Each evaluator's totals beside the call's: who is harsh, who is lenient. */
  @Get('evaluator-statistics')
  @Staff()
  @ApiOkResponse({ type: MarkingDistributionDto })
  evaluatorStatistics(@Param('id', ID) callId: string, @Query() query: StageQueryDto): Promise<MarkingDistributionDto> {
    return this.scoring.markingDistribution(callId, query.stage);
  }

  /**
   * Counts of the call's applications and assignments, and the evaluators' agreement in a stage
   * (1 unless given; the counts are the call's, every stage's assignments together).
   */
  @Get('statistics')
  @Staff()
  @ApiOkResponse({ type: CallStatisticsDto })
  statistics(@Param('id', ID) callId: string, @Query() query: StageQueryDto): Promise<CallStatisticsDto> {
    return this.scoring.callStatistics(callId, query.stage);
  }
}
