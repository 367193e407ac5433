import { Inject, Injectable, Module } from '@nestjs/common';
import { ConfigModule, ConfigType, registerAs } from '@nestjs/config';
import { IsInt, Min } from 'class-validator';
import { PeriodicTask, readEnv } from '@app/platform';
import { CohortOffersService } from '../application/cohort-offers.service';
import { CohortsModule } from '../cohorts.module';

class OfferExpiryEnv {
  /** How often the worker looks for offers past their deadline. */
  @IsInt()
  @Min(100)
  OFFER_EXPIRY_INTERVAL_MS: number = 60_000;
}

const offerExpiryConfig = registerAs('offerExpiry', () => readEnv(OfferExpiryEnv));

/**
 * Expires the selected centres' offers left unanswered by their deadline, in the worker. Answers are
 * refused from the deadline on anyway (by the database clock); this takes the centre off the list.
 */
@Injectable()
export class OfferExpiryScheduler extends PeriodicTask {
  protected readonly intervalMs: number;

  constructor(
    private readonly offers: CohortOffersService,
    @Inject(offerExpiryConfig.KEY) config: ConfigType<typeof offerExpiryConfig>,
  ) {
    super();
    this.intervalMs = config.OFFER_EXPIRY_INTERVAL_MS;
  }

  /** Expires what is due now (what the timer does). */
  expireDue(): Promise<void> {
    return this.runOnce();
  }

  protected async runDue(): Promise<Record<string, unknown> | undefined> {
    const expired = await this.offers.expireDue();
    return expired > 0 ? { offersExpired: expired } : undefined;
  }
}

/** Imported only by apps/worker. */
@Module({
  imports: [CohortsModule, ConfigModule.forFeature(offerExpiryConfig)],
  providers: [OfferExpiryScheduler],
})
export class OfferExpiryModule {}
