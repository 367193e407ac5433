import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { ApplicationsModule } from '@app/applications';
import { AuditModule } from '@app/audit';
import { CallsModule } from '@app/calls';
import { NotificationsModule } from '@app/notifications';
import { Subscriptions } from '@app/platform';
import { ScoringModule } from '@app/scoring';
import { CallCopiesService } from './application/call-copies.service';
import { CallAnnouncementService } from './application/call-announcement.service';
import { CohortAnnexesService } from './application/cohort-annexes.service';
import { CohortLotteryService } from './application/cohort-lottery.service';
import { CohortOffersService } from './application/cohort-offers.service';
import { CooperationAgreementsService } from './application/cooperation-agreements.service';
import { OfferNoticesService } from './application/offer-notices.service';
import { CohortPublicationService } from './application/cohort-publication.service';
import { CohortsService } from './application/cohorts.service';
import { PublicCohortsService } from './application/public-cohorts.service';
import { SessionAllocationService } from './application/session-allocation.service';
import { ShortlistsService } from './application/shortlists.service';
import { cohortsConfig } from './cohorts.config';
import { AgreementsRepository } from './infrastructure/agreements.repository';
import { AnnexesRepository } from './infrastructure/annexes.repository';
import { CohortLotteryRepository } from './infrastructure/cohort-lottery.repository';
import { CohortsRepository } from './infrastructure/cohorts.repository';
import { OffersRepository } from './infrastructure/offers.repository';
import { SelectionFactsRepository } from './infrastructure/selection-facts.repository';
import { SessionAllocationsRepository } from './infrastructure/session-allocations.repository';
import { ShortlistsRepository } from './infrastructure/shortlists.repository';
import { COHORTS_QUEUE_JOBS } from './jobs/cohorts.jobs';

@Module({
  imports: [
    ConfigModule.forFeature(cohortsConfig),
    ApplicationsModule,
    CallsModule,
    ScoringModule,
    AuditModule,
    NotificationsModule,
    Subscriptions.declare(COHORTS_QUEUE_JOBS),
  ],
  providers: [
    CallCopiesService,
    CohortsService,
    CohortLotteryService,
    CohortLotteryRepository,
    CohortPublicationService,
    CohortOffersService,
    OfferNoticesService,
    OffersRepository,
    CooperationAgreementsService,
    AgreementsRepository,
    PublicCohortsService,
    CohortAnnexesService,
    CallAnnouncementService,
    CohortsRepository,
    AnnexesRepository,
    SelectionFactsRepository,
    ShortlistsService,
    ShortlistsRepository,
    SessionAllocationService,
    SessionAllocationsRepository,
  ],
  exports: [
    CallAnnouncementService,
    CohortLotteryService,
    CallCopiesService,
    CooperationAgreementsService,
    CohortsService,
    CohortPublicationService,
    CohortOffersService,
    OfferNoticesService,
    PublicCohortsService,
    CohortAnnexesService,
    ShortlistsService,
    SessionAllocationService,
  ],
})
export class CohortsModule {}
