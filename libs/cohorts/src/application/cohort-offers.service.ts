import { Inject, Injectable } from '@nestjs/common';
import { ApplicationsService } from '@app/applications';
import { AuthUser, NotFoundError, Page, PageQuery, Transaction, Transactions, databaseNow } from '@app/platform';
import { removalAmendment, publishedState, stateAfter } from '../domain/cohort-amendment';
import { OfferAnswer, OfferStatus, assertOfferCan } from '../domain/offer';
import type { PublicCohortMember } from '../domain/public-cohort';
import { CohortOffer, OffersRepository } from '../infrastructure/offers.repository';
import { Cohort } from '../infrastructure/cohorts.repository';
import { CohortsConfig, cohortsConfig } from '../cohorts.config';
import { CohortsService } from './cohorts.service';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Offers expired per transaction: a backlog is worked through in short transactions. */
const EXPIRY_BATCH = 100;

/**
 * After publication (issue 15): each selected centre's offer, answered once by its organisation's
 * members before the deadline, else expired by the worker; a decline or an expiry amends the
 * published list by an appended, hash-chained amendment, never by changing the published document.
 */
@Injectable()
export class CohortOffersService {
  constructor(
    private readonly offers: OffersRepository,
    private readonly cohorts: CohortsService,
    private readonly applications: ApplicationsService,
    private readonly transactions: Transactions,
    @Inject(cohortsConfig.KEY) private readonly config: CohortsConfig,
  ) {}

  /** At publication, in its transaction: an offer to every member, to answer within the configured days. */
  async offerToMembers(
    tx: Transaction,
    cohortId: string,
    members: Array<{ applicationId: string; publicEntry: PublicCohortMember }>,
    publishedAt: Date,
  ): Promise<Date> {
    const respondBy = new Date(publishedAt.getTime() + this.config.OFFER_RESPONSE_DAYS * DAY_MS);
    await this.offers.insertMany(tx, cohortId, members, publishedAt, respondBy);
    return respondBy;
  }

  /** The application's offer, for its organisation's members and the secretariat. */
  async forApplication(actor: AuthUser, applicationId: string): Promise<CohortOffer> {
    await this.applications.readableBy(actor, applicationId);
    const offer = await this.offers.findForApplication(applicationId);
    if (!offer) throw new NotFoundError('Offer');
    return offer;
  }

  async listForCohort(cohortId: string, page: PageQuery): Promise<Page<CohortOffer>> {
    await this.cohorts.get(cohortId);
    return this.offers.listForCohort(cohortId, page);
  }

  /** The organisation's answer; a decline takes the centre off the current list. */
  async answer(actor: AuthUser, applicationId: string, answer: OfferAnswer, reason?: string): Promise<CohortOffer> {
    await this.applications.ownedBy(actor, applicationId);
    return this.transactions.run(async (tx) => {
      const offer = await this.offers.lockForApplication(tx, applicationId);
      if (!offer) throw new NotFoundError('Offer');
      const now = await databaseNow(tx);
      assertOfferCan(answer, offer, now);
      const status = answer === 'accept' ? 'accepted' : 'declined';
      return this.close(tx, offer, status, now, actor, answer === 'decline' ? (reason ?? '').trim() : null);
    });
  }

  /**
   * Expires the offers unanswered by their deadline, as the database clock says, each once: an
   * expired offer is no longer due. Answers how many it expired.
   */
  async expireDue(): Promise<number> {
    let expired = 0;
    for (;;) {
      const batch = await this.transactions.run(async (tx) => {
        const due = await this.offers.lockDue(tx, EXPIRY_BATCH);
        const now = await databaseNow(tx);
        for (const offer of due) await this.close(tx, offer, 'expired', now, null, null);
        return due.length;
      });
      expired += batch;
      if (batch < EXPIRY_BATCH) return expired;
    }
  }

  /**
   * Records how the offer ended; a decline or an expiry appends the amendment that takes the centre
   * off the list, naming the hash of the list it amends. The cohort's row lock orders the amendments.
   */
  private async close(
    tx: Transaction,
    offer: CohortOffer,
    status: Exclude<OfferStatus, 'offered'>,
    at: Date,
    actor: AuthUser | null,
    declineReason: string | null,
  ): Promise<CohortOffer> {
    const cohort = await this.cohorts.lock(tx, offer.cohortId);
    const closed = await this.offers.close(tx, offer.id, { status, at, by: actor?.id ?? null, declineReason });
    const audited: Record<string, unknown> = { applicationId: offer.applicationId, status };
    if (status !== 'accepted') {
      const state = await this.currentState(tx, cohort);
      const amendment = removalAmendment(status, cohort.id, state, offer.publicEntry, at);
      await this.offers.appendAmendment(tx, amendment, actor?.id ?? null);
      Object.assign(audited, { amendment: amendment.sequence, hash: amendment.hash });
    }
    await this.cohorts.record(tx, actor, `cohort.offer_${status}`, cohort.id, audited);
    return closed;
  }

  private async currentState(tx: Transaction, cohort: Cohort) {
    const last = await this.offers.lastAmendment(cohort.id, tx);
    if (last) return stateAfter(last);
    if (!cohort.snapshot || !cohort.contentHash) throw new Error(`Cohort ${cohort.id} has offers but no publication.`);
    return publishedState(cohort.snapshot, cohort.contentHash);
  }
}
