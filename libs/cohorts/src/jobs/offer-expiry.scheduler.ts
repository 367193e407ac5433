import { Inject, Injectable, Module } from '@nestjs/common';
import { ConfigModule, ConfigType, registerAs } from '@nestjs/config';
import { IsInt, Max, Min } from 'class-validator';
import { PeriodicTask, readEnv } from '@app/platform';
import { CohortOffersService } from '../application/cohort-offers.service';
import { OfferNoticesService } from '../application/offer-notices.service';
import { CohortsModule } from '../cohorts.module';

class OfferExpiryEnv {
  /** How often the worker looks for offers past their deadline. */
  @IsInt()
  @Min(100)
  OFFER_EXPIRY_INTERVAL_MS: number = 60_000;

  /** How many days before an offer's deadline the centre's members are reminded of it, once, when unanswered. */
  @IsInt()
  @Min(1)
  @Max(365)
  OFFER_REMINDER_DAYS: number = 3;
}

const offerExpiryConfig = registerAs('offerExpiry', () => readEnv(OfferExpiryEnv));

/**
 * Expires the selected centres' offers left unanswered by their deadline, in the worker. Answers are
 * refused from the deadline on anyway (by the database clock); this takes the centre off the list.
 * It also reminds the centres of offers still unanswered OFFER_REMINDER_DAYS before their deadline.
 */
@Injectable()
export class OfferExpiryScheduler extends PeriodicTask {
  protected readonly intervalMs: number;
  private readonly reminderDays: number;

  constructor(
    private readonly offers: CohortOffersService,
    private readonly notices: OfferNoticesService,
    @Inject(offerExpiryConfig.KEY) config: ConfigType<typeof offerExpiryConfig>,
  ) {
    super();
    this.intervalMs = config.OFFER_EXPIRY_INTERVAL_MS;
    this.reminderDays = config.OFFER_REMINDER_DAYS;
  }

  /** Expires and reminds of what is due now (what the timer does). */
  expireDue(): Promise<void> {
    return this.runOnce();
  }

  protected async runDue(): Promise<Record<string, unknown> | undefined> {
    const expired = await this.offers.expireDue();
    const reminded = await this.notices.remindDue(this.reminderDays);
    return expired + reminded > 0 ? { offersExpired: expired, offersReminded: reminded } : undefined;
  }
}

/** Imported only by apps/worker. */
@Module({
  imports: [CohortsModule, ConfigModule.forFeature(offerExpiryConfig)],
  providers: [OfferExpiryScheduler],
})
export class OfferExpiryModule {}
