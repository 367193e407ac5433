import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CallLanguageQueryDto, ReaderLanguage } from '@app/calls';
import { AuthUser, CurrentUser, PageQueryDto, Public, Staff } from '@app/platform';
import type { Language } from '@app/platform/languages';
import { Programme, SessionAllocationService, SessionAllocationView } from '../application/session-allocation.service';
import type { ListedAllocationEntry } from '../infrastructure/session-allocations.repository';
import { AllocationEntryDto, AmendAllocationDto, ProgrammeDto, SessionAllocationDto } from './session-allocation.dto';

const ID = new ParseUUIDPipe();

/**
 * The allocation of a registration call's session seats (docs/rules.md): computed by the call's rule
 * once it is closed, amended with reasons, confirmed (the repliers are told, the programme published).
 */
@ApiTags('cohorts')
@Controller()
export class SessionAllocationController {
  constructor(private readonly allocations: SessionAllocationService) {}

  /** Computes the allocation anew by the call's rule (replacing one not yet confirmed); answers its first page. */
  @Post('calls/:id/session-allocation')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: SessionAllocationDto })
  async compute(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Query() page: PageQueryDto,
  ): Promise<SessionAllocationDto> {
    return toDto(await this.allocations.compute(actor, callId, page));
  }

  /** The allocation board: the rule, each session's seats, the replies in the order the rule took them. */
  @Get('calls/:id/session-allocation')
  @Staff()
  @ApiOkResponse({ type: SessionAllocationDto })
  async view(@Param('id', ID) callId: string, @Query() page: PageQueryDto): Promise<SessionAllocationDto> {
    return toDto(await this.allocations.view(callId, page));
  }

  /** Moves one reply to another session, or out of every session, with a reason; until confirmation. */
  @Patch('calls/:id/session-allocation/:applicationId')
  @Staff()
  @ApiOkResponse({ type: AllocationEntryDto })
  async amend(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Param('applicationId', ID) applicationId: string,
    @Body() body: AmendAllocationDto,
  ): Promise<AllocationEntryDto> {
    return toEntryDto(await this.allocations.amend(actor, callId, applicationId, body));
  }

  /** Confirms the allocation: each replier is told its session or why it has none; the programme is published. */
  @Post('calls/:id/session-allocation/confirm')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: SessionAllocationDto })
  async confirm(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Query() page: PageQueryDto,
  ): Promise<SessionAllocationDto> {
    return toDto(await this.allocations.confirm(actor, callId, page));
  }

  /**
   * The sessions with their speakers, once the allocation is confirmed (times are Geneva's:
   * Europe/Zurich); the titles in the reader's language (`lang`, else Accept-Language), English
   * where it has none.
   */
  @Get('public/calls/:id/programme')
  @Public()
  @ApiOkResponse({ type: ProgrammeDto })
  programme(
    @Param('id', ID) callId: string,
    @Query() _query: CallLanguageQueryDto,
    @ReaderLanguage() language: Language,
  ): Promise<Programme> {
    return this.allocations.programme(callId, language);
  }
}

function toDto(view: SessionAllocationView): SessionAllocationDto {
  return {
    rule: { ...view.state.rule },
    computedAt: view.state.computedAt,
    confirmedAt: view.state.confirmedAt,
    sessions: view.sessions,
    items: view.items.map(toEntryDto),
    total: view.total,
  };
}

function toEntryDto(entry: ListedAllocationEntry): AllocationEntryDto {
  return {
    applicationId: entry.applicationId,
    processingOrder: entry.processingOrder,
    organisationName: entry.organisationName,
    countryCode: entry.countryCode,
    sessionKey: entry.sessionKey,
    preferenceRank: entry.preferenceRank,
    reason: entry.reason,
    passedOver: entry.passedOver,
    amendment: entry.amendment && {
      reason: entry.amendment.reason,
      amendedAt: entry.amendment.amendedAt,
      computedSessionKey: entry.amendment.computedSessionKey,
    },
  };
}
