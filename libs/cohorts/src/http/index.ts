import { Module } from '@nestjs/common';
import { CohortsModule } from '../cohorts.module';
import { AgreementsController } from './agreements.controller';
import { CallAnnouncementController } from './call-announcement.controller';
import { CohortsController } from './cohorts.controller';
import { LotteryController } from './lottery.controller';
import { OffersController } from './offers.controller';
import { PublicCohortsController } from './public-cohorts.controller';
import { SessionAllocationController } from './session-allocation.controller';
import { ShortlistsController } from './shortlists.controller';

/** The cohorts context's HTTP edge, imported only by apps/api. */
@Module({
  imports: [CohortsModule],
  controllers: [
    AgreementsController,
    CallAnnouncementController,
    CohortsController,
    LotteryController,
    OffersController,
    PublicCohortsController,
    SessionAllocationController,
    ShortlistsController,
  ],
})
export class CohortsHttpModule {}
