import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Page, PageOf, PageQueryDto, Public, Staff } from '@app/platform';
import { CohortLotteryService, CohortLotteryState, RevealedCommitment } from '../application/cohort-lottery.service';
import type { LotterySetting } from '../infrastructure/cohort-lottery.repository';
import { CohortLotteryDto, ConfigureLotteryDto, LotteryCommitmentDto, LotterySettingDto } from './lottery.dto';

const ID = new ParseUUIDPipe();

/**
 * The lottery at the line (docs/rules.md): the call's setting, a proposal's commitment and draw for
 * the secretariat, and every commitment for anyone, published as soon as it is made.
 */
@ApiTags('cohorts')
@Controller()
export class LotteryController {
  constructor(private readonly lottery: CohortLotteryService) {}

  @Get('calls/:id/lottery')
  @Staff()
  @ApiOkResponse({ type: LotterySettingDto })
  setting(@Param('id', ID) callId: string): Promise<LotterySetting> {
    return this.lottery.setting(callId);
  }

  /** Enables or disables the lottery at the line for the call's proposals, until publication. */
  @Put('calls/:id/lottery')
  @Staff()
  @ApiOkResponse({ type: LotterySettingDto })
  configure(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) callId: string,
    @Body() body: ConfigureLotteryDto,
  ): Promise<LotterySetting> {
    return this.lottery.configure(actor, callId, body.enabled);
  }

  @Get('cohorts/:id/lottery')
  @Staff()
  @ApiOkResponse({ type: CohortLotteryDto })
  state(@Param('id', ID) id: string): Promise<CohortLotteryState> {
    return this.lottery.state(id);
  }

  /**
   * Commits to a fresh random secret: its SHA-256 is published at once, with the grey zone's
   * candidates frozen in rank order. A later commitment supersedes it; both stay recorded.
   */
  @Post('cohorts/:id/lottery/commitments')
  @Staff()
  @ApiCreatedResponse({ type: CohortLotteryDto })
  commit(@CurrentUser() actor: AuthUser, @Param('id', ID) id: string): Promise<CohortLotteryState> {
    return this.lottery.commit(actor, id);
  }

  /** Draws the lot of the latest commitment, once, revealing its secret; the proposal is selected again on the drawn ranking. */
  @Post('cohorts/:id/lottery/draw')
  @HttpCode(200)
  @Staff()
  @ApiOkResponse({ type: CohortLotteryDto })
  draw(@CurrentUser() actor: AuthUser, @Param('id', ID) id: string): Promise<CohortLotteryState> {
    return this.lottery.draw(actor, id);
  }

  /** Every commitment made on the call's proposals, first first; a secret is null until its draw. */
  @Get('public/calls/:id/lottery-commitments')
  @Public()
  @ApiOkResponse({ type: PageOf(LotteryCommitmentDto) })
  commitments(@Param('id', ID) callId: string, @Query() page: PageQueryDto): Promise<Page<RevealedCommitment>> {
    return this.lottery.commitmentsOfCall(callId, page);
  }
}
