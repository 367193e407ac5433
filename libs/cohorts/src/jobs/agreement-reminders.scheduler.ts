import { Inject, Injectable, Module } from '@nestjs/common';
import { ConfigModule, ConfigType, registerAs } from '@nestjs/config';
import { IsInt, Max, Min } from 'class-validator';
import { PeriodicTask, readEnv } from '@app/platform';
import { CooperationAgreementsService } from '../application/cooperation-agreements.service';
import { CohortsModule } from '../cohorts.module';

class AgreementRemindersEnv {
  /** How often the worker looks for agreements due a reminder. */
  @IsInt()
  @Min(100)
  AGREEMENT_REMINDER_INTERVAL_MS: number = 3_600_000;

  /** The days after issue, and then between reminders, that a centre is reminded of an agreement it has not signed. */
  @IsInt()
  @Min(1)
  @Max(365)
  AGREEMENT_REMINDER_DAYS: number = 7;
}

const agreementRemindersConfig = registerAs('agreementReminders', () => readEnv(AgreementRemindersEnv));

/** Reminds the centres of cooperation agreements still to sign, in the worker. */
@Injectable()
export class AgreementRemindersScheduler extends PeriodicTask {
  protected readonly intervalMs: number;
  private readonly days: number;

  constructor(
    private readonly agreements: CooperationAgreementsService,
    @Inject(agreementRemindersConfig.KEY) config: ConfigType<typeof agreementRemindersConfig>,
  ) {
    super();
    this.intervalMs = config.AGREEMENT_REMINDER_INTERVAL_MS;
    this.days = config.AGREEMENT_REMINDER_DAYS;
  }

  /** Reminds whoever is due now (what the timer does). */
  remindDue(): Promise<void> {
    return this.runOnce();
  }

  protected async runDue(): Promise<Record<string, unknown> | undefined> {
    const reminded = await this.agreements.remindPendingSignatures(this.days);
    return reminded > 0 ? { agreementsReminded: reminded } : undefined;
  }
}

/** Imported only by apps/worker. */
@Module({
  imports: [CohortsModule, ConfigModule.forFeature(agreementRemindersConfig)],
  providers: [AgreementRemindersScheduler],
})
export class AgreementRemindersModule {}
