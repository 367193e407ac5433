import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, PageQuery, Staff } from '@app/platform';
import { ShortlistsService } from '../application/shortlists.service';
import { Shortlist } from '../infrastructure/shortlists.repository';
import {
  AmendShortlistDto,
  ProposeShortlistDto,
  ShortlistDto,
  ShortlistEntriesQueryDto,
  ShortlistPathDto,
} from './shortlist.dto';

/** The first page of entries a write answers with. */
const FIRST_PAGE: PageQuery = { limit: 50, offset: 0 };

/** Shortlists between review stages: from the ranking of stage n − 1, who is evaluated in stage n. */
@ApiTags('cohorts')
@Controller('calls/:id/stages/:stage/shortlist')
export class ShortlistsController {
  constructor(private readonly shortlists: ShortlistsService) {}

  /**
   * Proposes the shortlist into the stage from the previous stage's ranking: the best `size`, those
   * scoring at least `minScore`, or both; optionally keeping the call's regional minimums feasible.
   * Replaces an earlier proposal; 409 STAGE_NOT_SCORED before the previous stage is scored.
   */
  @Post()
  @Staff()
  @ApiCreatedResponse({ type: ShortlistDto })
  async propose(
    @CurrentUser() actor: AuthUser,
    @Param() path: ShortlistPathDto,
    @Body() body: ProposeShortlistDto,
  ): Promise<ShortlistDto> {
    const rule = { size: body.size, minScore: body.minScore, keepRegionalMinimums: body.keepRegionalMinimums ?? false };
    return this.toDto(await this.shortlists.propose(actor, path.id, path.stage, withoutUndefined(rule)), FIRST_PAGE);
  }

  /** The shortlist with a page of its entries, each with why it advances or not. */
  @Get()
  @Staff()
  @ApiOkResponse({ type: ShortlistDto })
  async get(@Param() path: ShortlistPathDto, @Query() query: ShortlistEntriesQueryDto): Promise<ShortlistDto> {
    return this.toDto(await this.shortlists.get(path.id, path.stage), query);
  }

  /** Advances or holds back applications against the rule, with a written reason kept on each; while proposed. */
  @Patch()
  @Staff()
  @ApiOkResponse({ type: ShortlistDto })
  async amend(
    @CurrentUser() actor: AuthUser,
    @Param() path: ShortlistPathDto,
    @Body() body: AmendShortlistDto,
  ): Promise<ShortlistDto> {
    const amendment = { advance: body.advance ?? [], holdBack: body.holdBack ?? [], note: body.reason };
    return this.toDto(await this.shortlists.amend(actor, path.id, path.stage, amendment), FIRST_PAGE);
  }

  /** Confirms the shortlist: from now on only its advancing applications are assigned in the stage. Audited. */
  @Post('confirm')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: ShortlistDto })
  async confirm(@CurrentUser() actor: AuthUser, @Param() path: ShortlistPathDto): Promise<ShortlistDto> {
    return this.toDto(await this.shortlists.confirm(actor, path.id, path.stage), FIRST_PAGE);
  }

  private async toDto(shortlist: Shortlist, page: PageQuery): Promise<ShortlistDto> {
    const entries = shortlist.entries.slice(page.offset, page.offset + page.limit);
    const organisations = await this.shortlists.organisationsOf(entries.map((e) => e.applicationId));
    return {
      callId: shortlist.callId,
      stage: shortlist.stage,
      status: shortlist.status,
      rule: shortlist.rule,
      advancing: shortlist.entries.filter((e) => e.advancing).length,
      proposedAt: shortlist.proposedAt,
      confirmedAt: shortlist.confirmedAt,
      entries: {
        total: shortlist.entries.length,
        items: entries.map(({ region, ...entry }) => ({
          ...entry,
          organisation: organisations.get(entry.applicationId) ?? { name: '', city: null, countryCode: '', region },
        })),
      },
    };
  }
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
