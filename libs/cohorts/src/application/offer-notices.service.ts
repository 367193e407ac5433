import { Inject, Injectable } from '@nestjs/common';
import { ApplicationOutcomesService } from '@app/applications';
import { CallsService, titlesOf } from '@app/calls';
import { LocalizedText, NotificationRequest, NotificationsService, notificationRequest } from '@app/notifications';
import { Transaction, Transactions } from '@app/platform';
import { CohortsConfig, cohortsConfig, publicCohortPage, secretariatCohortPage } from '../cohorts.config';
import type { Cohort } from '../infrastructure/cohorts.repository';
import { CohortOffer, OffersRepository } from '../infrastructure/offers.repository';
import { inBatches } from './batches';

/** Reminders recorded per transaction: a backlog is worked through in short transactions. */
const REMINDER_BATCH = 100;

/**
 * The e-mails about offers after publication, each in its recipient's language through the outbox,
 * in the transaction of the change they tell of: to the centre (its offer, a reminder, a lapse) and
 * to the secretariat member who made the offer (a seat freed by a decline or a lapse, to refill).
 */
@Injectable()
export class OfferNoticesService {
  constructor(
    private readonly offers: OffersRepository,
    private readonly outcomes: ApplicationOutcomesService,
    private readonly calls: CallsService,
    private readonly notifications: NotificationsService,
    private readonly transactions: Transactions,
    @Inject(cohortsConfig.KEY) private readonly config: CohortsConfig,
  ) {}

  /** Offers the promoted centre its place. */
  async promoted(tx: Transaction, cohort: Cohort, applicationId: string, respondBy: Date): Promise<void> {
    const recipientId = await this.outcomes.recipientOf(tx, applicationId);
    if (!recipientId) return;
    const call = await this.callOf(tx, cohort);
    await this.notifications.notify(tx, [
      notificationRequest(recipientId, 'cohort.promoted', {
        ...call,
        publicUrl: publicCohortPage(this.config, cohort.id),
        respondBy: respondBy.toISOString(),
      }),
    ]);
  }

  /** Tells whom an offer's end concerns: the secretariat of a decline or a lapse, the centre of a lapse or a withdrawal. */
  async ended(
    tx: Transaction,
    cohort: Cohort,
    offer: CohortOffer,
    status: 'declined' | 'expired' | 'withdrawn',
    reason: string | null,
  ): Promise<void> {
    if (status === 'declined') return this.declined(tx, cohort, offer, reason!);
    if (status === 'expired') return this.expired(tx, cohort, offer);
    return this.withdrawn(tx, cohort, offer, reason!);
  }

  /** Tells the secretariat that the centre declined, and why: its seat is free to refill. */
  private async declined(tx: Transaction, cohort: Cohort, offer: CohortOffer, reason: string): Promise<void> {
    if (!offer.offeredBy) return;
    const call = await this.callOf(tx, cohort);
    await this.notifications.notify(tx, [
      notificationRequest(offer.offeredBy, 'cohort.offer_declined', {
        ...call,
        organisationName: offer.publicEntry.name,
        reason,
        cohortUrl: secretariatCohortPage(this.config, cohort),
      }),
    ]);
  }

  /** Tells the centre that its offer lapsed, and the secretariat that its seat is free to refill. */
  private async expired(tx: Transaction, cohort: Cohort, offer: CohortOffer): Promise<void> {
    const call = await this.callOf(tx, cohort);
    const respondBy = offer.respondBy.toISOString();
    const notices: NotificationRequest[] = [];
    const centre = await this.outcomes.recipientOf(tx, offer.applicationId);
    if (centre) {
      notices.push(
        notificationRequest(centre, 'cohort.offer_expired', {
          ...call,
          publicUrl: publicCohortPage(this.config, cohort.id),
          respondBy,
        }),
      );
    }
    if (offer.offeredBy) {
      notices.push(
        notificationRequest(offer.offeredBy, 'cohort.offer_lapsed', {
          ...call,
          organisationName: offer.publicEntry.name,
          respondBy,
          cohortUrl: secretariatCohortPage(this.config, cohort),
        }),
      );
    }
    await this.notifications.notify(tx, notices);
  }

  /** Tells the centre that the secretariat withdrew it from the cohort, and why. */
  private async withdrawn(tx: Transaction, cohort: Cohort, offer: CohortOffer, reason: string): Promise<void> {
    const recipientId = await this.outcomes.recipientOf(tx, offer.applicationId);
    if (!recipientId) return;
    const call = await this.callOf(tx, cohort);
    await this.notifications.notify(tx, [
      notificationRequest(recipientId, 'cohort.withdrawn', {
        ...call,
        reason,
        publicUrl: publicCohortPage(this.config, cohort.id),
      }),
    ]);
  }

  /**
   * Reminds every member of each centre whose offer is still unanswered `daysBefore` days before
   * its deadline, once per offer (recorded with the reminder, in its transaction). Answers how many
   * offers it reminded of.
   */
  remindDue(daysBefore: number): Promise<number> {
    return inBatches(REMINDER_BATCH, () =>
      this.transactions.run(async (tx) => {
        const due = await this.offers.recordDueReminders(tx, daysBefore, REMINDER_BATCH);
        const calls = new Map<string, { callReference: string; callTitle: LocalizedText }>();
        const notices: NotificationRequest[] = [];
        for (const offer of due) {
          if (!calls.has(offer.callId)) calls.set(offer.callId, await this.callOf(tx, offer));
          const params = { ...calls.get(offer.callId)!, respondBy: offer.respondBy.toISOString() };
          for (const recipientId of offer.recipientIds) {
            notices.push(notificationRequest(recipientId, 'cohort.offer_reminder', params));
          }
        }
        await this.notifications.notify(tx, notices);
        return due.length;
      }),
    );
  }

  private async callOf(tx: Transaction, cohort: { callId: string }) {
    const call = await this.calls.get(cohort.callId, tx);
    return { callReference: call.reference, callTitle: titlesOf(call) };
  }
}
