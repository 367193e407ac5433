import { Inject, Injectable } from '@nestjs/common';
import { ApplicationOutcomesService, ApplicationsService } from '@app/applications';
import { AuthUser, NotFoundError, Page, PageQuery, Transaction, Transactions, databaseNow } from '@app/platform';
import { amendmentOf, publishedState, stateAfter } from '../domain/cohort-amendment';
import { InvalidPromotionError, NoFreeSeatError } from '../domain/cohorts.errors';
import { OfferAnswer, OfferStatus, assertOfferCan, assertWithdrawable } from '../domain/offer';
import { ReplacementPass, proposeReplacement } from '../domain/replacement';
import type { CandidateRejection, Region } from '../domain/selection.types';
import { SelectionFactsRepository } from '../infrastructure/selection-facts.repository';
import type { PublicCohortMember } from '../domain/public-cohort';
import { CohortOffer, OffersRepository } from '../infrastructure/offers.repository';
import { Cohort } from '../infrastructure/cohorts.repository';
import { CohortsConfig, cohortsConfig } from '../cohorts.config';
import { CohortsService } from './cohorts.service';
import { inBatches } from './batches';
import { OfferNoticesService } from './offer-notices.service';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The shortest reason the secretariat gives for promoting another centre than the proposed one. */
const PROMOTION_REASON_MIN = 5;

/** Those the selection passed over for a seat (not the ineligible, unevaluated or below the minimum score). */
const PASSED_OVER_BY_SELECTION = new Set<string>([
  'COHORT_FULL',
  'COUNTRY_CAP',
  'REGION_CAP',
  'SEAT_RESERVED_FOR_REGION',
] satisfies CandidateRejection[]);

export interface ReplacementEntry {
  applicationId: string;
  rank: number;
  score: number | null;
  organisationName: string;
  countryCode: string;
  region: Region;
}

export interface ReplacementView {
  freeSeats: number;
  proposed: ReplacementEntry | null;
  passedOver: Array<ReplacementEntry & { reason: ReplacementPass }>;
}

/** How an offer ends: who ended it (no one for an expiry) and, for a decline or a withdrawal, why. */
interface OfferEnding {
  status: Exclude<OfferStatus, 'offered'>;
  at: Date;
  actor: AuthUser | null;
  reason: string | null;
}

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
    private readonly outcomes: ApplicationOutcomesService,
    private readonly facts: SelectionFactsRepository,
    private readonly notices: OfferNoticesService,
    private readonly transactions: Transactions,
    @Inject(cohortsConfig.KEY) private readonly config: CohortsConfig,
  ) {}

  /** At publication, in its transaction: an offer to every member, to answer within the configured days. */
  async offerToMembers(
    tx: Transaction,
    cohortId: string,
    members: Array<{ applicationId: string; publicEntry: PublicCohortMember }>,
    offered: { at: Date; by: string },
  ): Promise<Date> {
    const respondBy = this.deadlineFrom(offered.at);
    await this.offers.insertMany(tx, cohortId, members, { ...offered, respondBy });
    return respondBy;
  }

  /**
   * The deadline of an offer made at `offeredAt`: the end (23:59:59.999 UTC) of the day
   * OFFER_RESPONSE_DAYS later, a date people can be told, and the same for every offer made that day
   * (so the notices previewed before publication say what publication sends).
   */
  deadlineFrom(offeredAt: Date): Date {
    const day = Math.floor(offeredAt.getTime() / DAY_MS) + this.config.OFFER_RESPONSE_DAYS;
    return new Date((day + 1) * DAY_MS - 1);
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
      return this.close(tx, offer, {
        status,
        at: now,
        actor,
        reason: answer === 'decline' ? (reason ?? '').trim() : null,
      });
    });
  }

  /**
   * The secretariat withdraws a centre on the current list, with a reason published in the
   * amendment that takes it off; its seat is freed for a promotion, and the centre is told.
   */
  async withdraw(actor: AuthUser, cohortId: string, applicationId: string, reason: string): Promise<CohortOffer> {
    return this.transactions.run(async (tx) => {
      // The offer first, then the cohort (in close), as an answer locks them: never each waiting on the other.
      const offer = await this.offers.lockForApplication(tx, applicationId);
      assertWithdrawable(offer, cohortId);
      const now = await databaseNow(tx);
      return this.close(tx, offer!, { status: 'withdrawn', at: now, actor, reason: reason.trim() });
    });
  }

  /**
   * The best replacement for a freed seat, with the centres whose offers stand held fixed, and why
   * each better-ranked candidate is passed over (DESIGN §6, re-solved).
   */
  async replacement(cohortId: string): Promise<ReplacementView> {
    const cohort = await this.cohorts.get(cohortId);
    const { proposal, candidates } = await this.replacementOf(cohort);
    const entry = (applicationId: string) => candidates.get(applicationId)!;
    return {
      freeSeats: proposal.freeSeats,
      proposed: proposal.proposed === null ? null : entry(proposal.proposed),
      passedOver: proposal.passedOver.map(({ applicationId, reason }) => ({ ...entry(applicationId), reason })),
    };
  }

  /**
   * Offers the freed seat to a candidate: the proposed one, or another that keeps every cap, with a
   * written reason. The promotion joins the list by an amendment.
   */
  async promote(actor: AuthUser, cohortId: string, applicationId: string, reason?: string): Promise<CohortOffer> {
    return this.transactions.run(async (tx) => {
      const cohort = await this.cohorts.lock(tx, cohortId);
      if (cohort.status !== 'published') throw new InvalidPromotionError('NOT_PUBLISHED');
      const { proposal, candidates } = await this.replacementOf(cohort, tx);
      if (proposal.freeSeats === 0) throw new NoFreeSeatError();
      const candidate = candidates.get(applicationId);
      if (!candidate) throw new InvalidPromotionError('NOT_A_CANDIDATE');
      const passed = proposal.passedOver.find((p) => p.applicationId === applicationId);
      if (passed && passed.reason !== 'SEAT_RESERVED_FOR_REGION') {
        throw new InvalidPromotionError('BREAKS_CAP', passed.reason);
      }
      const written = (reason ?? '').trim();
      if (applicationId !== proposal.proposed && written.length < PROMOTION_REASON_MIN) {
        throw new InvalidPromotionError('REASON_MISSING');
      }
      const now = await databaseNow(tx);
      const [{ publicEntry }] = await this.facts.publicMembers(tx, [applicationId]);
      const respondBy = await this.offerToMembers(tx, cohort.id, [{ applicationId, publicEntry }], {
        at: now,
        by: actor.id,
      });
      await this.notices.promoted(tx, cohort, applicationId, respondBy);
      const amendment = amendmentOf('promoted', cohort.id, await this.currentState(tx, cohort), publicEntry, now);
      await this.offers.appendAmendment(tx, amendment, actor.id);
      await this.cohorts.record(tx, actor, 'cohort.promoted', cohort.id, {
        applicationId,
        proposed: proposal.proposed,
        reason: written || null,
        amendment: amendment.sequence,
        hash: amendment.hash,
      });
      return (await this.offers.lockForApplication(tx, applicationId))!;
    });
  }

  /**
   * The proposal for a freed seat: held, the centres whose offers stand; candidates, those the
   * selection left out for want of a seat or by a cap and never offered a place, in rank order.
   */
  private async replacementOf(cohort: Cohort, tx?: Transaction) {
    const offers = await this.offers.allOfCohort(cohort.id, tx);
    const offered = new Set(offers.map((o) => o.applicationId));
    const held = offers.filter((o) => o.status === 'offered' || o.status === 'accepted').map((o) => o.publicEntry);
    // The waitlist is the first of these: every waitlisted application is also excluded, with its reason.
    const left = cohort.excluded
      .filter((e) => e.rank !== null && !offered.has(e.applicationId) && PASSED_OVER_BY_SELECTION.has(e.reason))
      .sort((a, b) => a.rank! - b.rank!);
    const organisations = await this.facts.organisationsOf(left.map((e) => e.applicationId));
    const candidates = new Map<string, ReplacementEntry>();
    for (const e of left) {
      const organisation = organisations.get(e.applicationId);
      if (!organisation) continue;
      candidates.set(e.applicationId, {
        applicationId: e.applicationId,
        rank: e.rank!,
        score: e.score,
        organisationName: organisation.name,
        countryCode: organisation.countryCode,
        region: organisation.region,
      });
    }
    const proposal = proposeReplacement(held, [...candidates.values()], cohort.constraints);
    return { proposal, candidates };
  }

  /**
   * Expires the offers unanswered by their deadline, as the database clock says, each once: an
   * expired offer is no longer due. Answers how many it expired.
   */
  expireDue(): Promise<number> {
    return inBatches(EXPIRY_BATCH, () =>
      this.transactions.run(async (tx) => {
        const due = await this.offers.lockDue(tx, EXPIRY_BATCH);
        const now = await databaseNow(tx);
        for (const offer of due) await this.close(tx, offer, { status: 'expired', at: now, actor: null, reason: null });
        return due.length;
      }),
    );
  }

  /**
   * Records how the offer ended; a decline or an expiry appends the amendment that takes the centre
   * off the list, naming the hash of the list it amends. The cohort's row lock orders the amendments.
   */
  private async close(tx: Transaction, offer: CohortOffer, ending: OfferEnding): Promise<CohortOffer> {
    const { status, at, actor, reason } = ending;
    const cohort = await this.cohorts.lock(tx, offer.cohortId);
    // The centre's reason for declining stays with the offer; the secretariat's for a withdrawal is published.
    const declineReason = status === 'declined' ? reason : null;
    const closed = await this.offers.close(tx, offer.id, { status, at, by: actor?.id ?? null, declineReason });
    const audited: Record<string, unknown> = { applicationId: offer.applicationId, status };
    if (status !== 'accepted') {
      const state = await this.currentState(tx, cohort);
      const published = status === 'withdrawn' ? (reason ?? undefined) : undefined;
      const amendment = amendmentOf(status, cohort.id, state, offer.publicEntry, at, published);
      await this.offers.appendAmendment(tx, amendment, actor?.id ?? null);
      Object.assign(audited, { amendment: amendment.sequence, hash: amendment.hash });
      if (status === 'withdrawn') {
        Object.assign(audited, { reason });
        // No longer on the list: the application's outcome says so (a decline or an expiry leaves it
        // selected, the centre's own answer or silence, which the offer records).
        await this.outcomes.withdrawFromCohort(tx, actor?.id ?? null, offer.applicationId);
      }
      await this.notices.ended(tx, cohort, offer, status, reason);
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
