import { Inject, Injectable } from '@nestjs/common';
import { ApplicationsService } from '@app/applications';
import { AuthUser, NotFoundError, Page, PageQuery, Transaction, Transactions, databaseNow } from '@app/platform';
import { declineAmendment, publishedState, stateAfter } from '../domain/cohort-amendment';
import { OfferAnswer, assertOfferCan } from '../domain/offer';
import type { PublicCohortMember } from '../domain/public-cohort';
import { CohortOffer, OffersRepository } from '../infrastructure/offers.repository';
import { Cohort } from '../infrastructure/cohorts.repository';
import { CohortsConfig, cohortsConfig } from '../cohorts.config';
import { CohortsService } from './cohorts.service';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * After publication (issue 15): each selected centre's offer, answered once by its organisation's
 * members by the deadline; a decline amends the published list by an appended, hash-chained
 * amendment, never by changing the published document.
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

  /**
   * The organisation's answer. A decline takes the centre off the current list by an amendment
   * that names the hash of the list it amends; the cohort's row lock orders the amendments.
   */
  async answer(actor: AuthUser, applicationId: string, answer: OfferAnswer, reason?: string): Promise<CohortOffer> {
    await this.applications.ownedBy(actor, applicationId);
    return this.transactions.run(async (tx) => {
      const offer = await this.offers.lockForApplication(tx, applicationId);
      if (!offer) throw new NotFoundError('Offer');
      const now = await databaseNow(tx);
      assertOfferCan(answer, offer, now);
      const cohort = await this.cohorts.lock(tx, offer.cohortId);
      const answered = await this.offers.recordAnswer(tx, offer.id, {
        status: answer === 'accept' ? 'accepted' : 'declined',
        at: now,
        by: actor.id,
        declineReason: answer === 'decline' ? (reason ?? '').trim() : null,
      });
      const after: Record<string, unknown> = { applicationId, status: answered.status };
      if (answer === 'decline') {
        const amendment = declineAmendment(cohort.id, await this.currentState(tx, cohort), offer.publicEntry, now);
        await this.offers.appendAmendment(tx, amendment, actor.id);
        Object.assign(after, { amendment: amendment.sequence, hash: amendment.hash });
      }
      await this.cohorts.record(tx, actor, `cohort.offer_${answered.status}`, cohort.id, after);
      return answered;
    });
  }

  private async currentState(tx: Transaction, cohort: Cohort) {
    const last = await this.offers.lastAmendment(cohort.id, tx);
    if (last) return stateAfter(last);
    if (!cohort.snapshot || !cohort.contentHash) throw new Error(`Cohort ${cohort.id} has offers but no publication.`);
    return publishedState(cohort.snapshot, cohort.contentHash);
  }
}
