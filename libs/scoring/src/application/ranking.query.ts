import { Injectable } from '@nestjs/common';
import { CallsService, stageAt } from '@app/calls';
import { Page } from '@app/platform';
import { RankingEntry, RankingFilter, RankingRepository } from '../infrastructure/ranking.repository';

/** The ranking's read model (DESIGN §5.6): what the secretariat lists, searches and sorts. */
@Injectable()
export class RankingQuery {
  constructor(
    private readonly ranking: RankingRepository,
    private readonly calls: CallsService,
  ) {}

  /**
   * A page of the ranked applications of a stage of the call with who applied. One statement; an
   * empty answer also checks that the call and the stage exist, since only then can it be an unknown
   * one (404).
   */
  async page(callId: string, filter: RankingFilter): Promise<Page<RankingEntry>> {
    const page = await this.ranking.page(callId, filter);
    if (page.total === 0) stageAt(await this.calls.get(callId), filter.stage ?? 1);
    return page;
  }
}
