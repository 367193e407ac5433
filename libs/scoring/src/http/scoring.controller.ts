import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Staff, parseSort } from '@app/platform';
import { RankingQuery } from '../application/ranking.query';
import { ScoringService } from '../application/scoring.service';
import {
  ApplicationResultDto,
  CallStatisticsDto,
  MarkingDistributionDto,
  RankingDto,
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
    const { limit, offset, search } = query;
    const sort = parseSort(query.sort, { key: 'rank', descending: false });
    return this.rankings.page(callId, { limit, offset, search, sort });
  }

  /** One application's scores, rank and moderation flag, as the ranking has them. */
  @Get('results/:applicationId')
  @Staff()
  @ApiOkResponse({ type: ApplicationResultDto })
  async result(
    @Param('id', ID) callId: string,
    @Param('applicationId', ID) applicationId: string,
  ): Promise<ApplicationResultDto> {
    const result = await this.scoring.applicationResult(callId, applicationId);
    if (!result) return { applicationId, result: null };
    const { callId: _call, applicationId: _application, ...scores } = result;
    return { applicationId, result: scores };
  }

  /** Each evaluator's totals beside the call's: who is harsh, who is lenient. */
  @Get('evaluator-statistics')
  @Staff()
  @ApiOkResponse({ type: MarkingDistributionDto })
  evaluatorStatistics(@Param('id', ID) callId: string): Promise<MarkingDistributionDto> {
    return this.scoring.markingDistribution(callId);
  }

  /** Counts of the call's applications and assignments, and the evaluators' agreement. */
  @Get('statistics')
  @Staff()
  @ApiOkResponse({ type: CallStatisticsDto })
  statistics(@Param('id', ID) callId: string): Promise<CallStatisticsDto> {
    return this.scoring.callStatistics(callId);
  }
}
