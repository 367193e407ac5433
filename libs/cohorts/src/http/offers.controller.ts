import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Authenticated, AuthUser, CurrentUser, Page, PageOf, PageQueryDto, Roles, Staff } from '@app/platform';
import { CohortOffersService, ReplacementView } from '../application/cohort-offers.service';
import type { CohortOffer } from '../infrastructure/offers.repository';
import { DeclineOfferDto, OfferDto, PromoteDto, ReplacementDto, WithdrawDto } from './offer.dto';

const ID = new ParseUUIDPipe();

/** Offers to the selected centres: each answered once by its organisation, listed for the secretariat. */
@ApiTags('cohorts')
@Controller()
export class OffersController {
  constructor(private readonly offers: CohortOffersService) {}

  /** The application's offer, once its call's cohort is published with it selected; 404 otherwise. */
  @Get('applications/:id/offer')
  @Authenticated()
  @ApiOkResponse({ type: OfferDto })
  async get(@CurrentUser() actor: AuthUser, @Param('id', ID) applicationId: string): Promise<OfferDto> {
    return toOfferDto(await this.offers.forApplication(actor, applicationId));
  }

  /** Accepts the offer; final. 409 INVALID_TRANSITION once answered, OFFER_EXPIRED after `respondBy`. */
  @Post('applications/:id/offer/accept')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOkResponse({ type: OfferDto })
  async accept(@CurrentUser() actor: AuthUser, @Param('id', ID) applicationId: string): Promise<OfferDto> {
    return toOfferDto(await this.offers.answer(actor, applicationId, 'accept'));
  }

  /**
   * Declines the offer, with a reason for the secretariat; final. The centre leaves the current list
   * by an amendment (GET /public/cohorts/{id}/amendments).
   */
  @Post('applications/:id/offer/decline')
  @HttpCode(200)
  @Roles('applicant')
  @ApiOkResponse({ type: OfferDto })
  async decline(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) applicationId: string,
    @Body() body: DeclineOfferDto,
  ): Promise<OfferDto> {
    return toOfferDto(await this.offers.answer(actor, applicationId, 'decline', body.reason));
  }

  /** The best replacement for a freed seat (a decline, an expiry), with reasons. */
  @Get('cohorts/:id/replacement')
  @Staff()
  @ApiOkResponse({ type: ReplacementDto })
  replacement(@Param('id', ID) cohortId: string): Promise<ReplacementView> {
    return this.offers.replacement(cohortId);
  }

  /**
   * Offers a freed seat to a candidate: the proposed one, or another that keeps every cap with a
   * reason. 409 NO_FREE_SEAT, 422 INVALID_PROMOTION. The centre joins the list by an amendment.
   */
  @Post('cohorts/:id/promotions')
  @Staff()
  @ApiCreatedResponse({ type: OfferDto })
  async promote(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) cohortId: string,
    @Body() body: PromoteDto,
  ): Promise<OfferDto> {
    return toOfferDto(await this.offers.promote(actor, cohortId, body.applicationId, body.reason));
  }

  /**
   * Withdraws a centre on the current list, with a reason published in the amendment that takes it
   * off; its seat is freed for a promotion and the centre is told. 409 NOT_ON_CURRENT_LIST.
   */
  @Post('cohorts/:id/withdrawals')
  @Staff()
  @ApiCreatedResponse({ type: OfferDto })
  async withdraw(
    @CurrentUser() actor: AuthUser,
    @Param('id', ID) cohortId: string,
    @Body() body: WithdrawDto,
  ): Promise<OfferDto> {
    return toOfferDto(await this.offers.withdraw(actor, cohortId, body.applicationId, body.reason));
  }

  /** The published cohort's offers, by centre name. */
  @Get('cohorts/:id/offers')
  @Staff()
  @ApiOkResponse({ type: PageOf(OfferDto) })
  async list(@Param('id', ID) cohortId: string, @Query() query: PageQueryDto): Promise<Page<OfferDto>> {
    const page = await this.offers.listForCohort(cohortId, query);
    return { items: page.items.map(toOfferDto), total: page.total };
  }
}

function toOfferDto(offer: CohortOffer): OfferDto {
  return {
    applicationId: offer.applicationId,
    cohortId: offer.cohortId,
    status: offer.status,
    centre: offer.publicEntry,
    offeredAt: offer.offeredAt.toISOString(),
    respondBy: offer.respondBy.toISOString(),
    respondedAt: offer.respondedAt?.toISOString() ?? null,
    declineReason: offer.declineReason,
  };
}
