import { Inject, Injectable } from '@nestjs/common';
import { ApplicationOutcomesService, PublishedOutcome } from '@app/applications';
import { Call, CallsService, isBeforePublication, titlesOf } from '@app/calls';
import { NotificationPreview, NotificationRequest, NotificationsService } from '@app/notifications';
import { AuthUser, Transactions, databaseNow } from '@app/platform';
import { assertCohortCan } from '../domain/cohort-lifecycle';
import { contentHashOf, publicCohortDocument } from '../domain/public-cohort';
import { Cohort, CohortsRepository } from '../infrastructure/cohorts.repository';
import { SelectionFactsRepository } from '../infrastructure/selection-facts.repository';
import { CohortsConfig, cohortsConfig, publicCohortPage } from '../cohorts.config';
import { CohortAnnexesService } from './cohort-annexes.service';
import { CohortLotteryService } from './cohort-lottery.service';
import { CohortOffersService } from './cohort-offers.service';
import { CohortsService } from './cohorts.service';

/**
 * Publication (DESIGN.md §6), in one transaction that holds the call's row: the immutable public
 * snapshot and its hash, the job that renders its annexes, an offer to every member, every application's outcome, the notifications to every
 * applicant, and last the call's move to `published`, after which the database refuses every change.
 */
@Injectable()
export class CohortPublicationService {
  constructor(
    private readonly cohorts: CohortsRepository,
    private readonly proposals: CohortsService,
    private readonly lottery: CohortLotteryService,
    private readonly facts: SelectionFactsRepository,
    private readonly outcomes: ApplicationOutcomesService,
    private readonly annexes: CohortAnnexesService,
    private readonly offers: CohortOffersService,
    private readonly calls: CallsService,
    private readonly notifications: NotificationsService,
    private readonly transactions: Transactions,
    @Inject(cohortsConfig.KEY) private readonly config: CohortsConfig,
  ) {}

  async publish(actor: AuthUser, id: string): Promise<Cohort> {
    const { callId } = await this.proposals.get(id);
    await this.transactions.run(async (tx) => {
      // Holding the call's row: evaluations and withdrawals, which share-lock it, wait until we are done.
      const call = await this.calls.lockForUpdate(tx, callId);
      const cohort = await this.proposals.lock(tx, id);
      assertCohortCan('publish', cohort.status, !isBeforePublication(call.status));
      await this.proposals.assertScoresUpToDate(callId, tx);
      await this.proposals.assertCurrent(tx, cohort, call);
      const publishedAt = await databaseNow(tx);
      const memberIds = cohort.members.map((m) => m.applicationId);
      const entries = await this.facts.publicMembers(tx, memberIds);
      const snapshot = publicCohortDocument({
        id,
        call,
        publishedAt,
        members: entries.map((entry) => entry.publicEntry),
        submitted: await this.facts.submissionCounts(tx, callId),
        lottery: await this.lottery.publicRecord(tx, id),
      });
      const contentHash = contentHashOf(snapshot);
      await this.cohorts.markPublished(tx, id, { actorId: actor.id, publishedAt, snapshot, contentHash });
      await this.annexes.requestRendering(tx, id);
      const respondBy = await this.offers.offerToMembers(tx, id, entries, { at: publishedAt, by: actor.id });
      const finalRanking = (await this.proposals.finalRanking(call, tx))
        .filter((a) => a.rank !== null || a.score !== null)
        .map(({ applicationId, rank, score }) => ({ applicationId, rank, score }));
      const recipients = await this.outcomes.publish(tx, actor.id, callId, {
        selected: memberIds,
        waitlisted: cohort.waitlist.map((w) => w.applicationId),
        finalRanking,
      });
      await this.notifications.notify(tx, this.outcomeNotices(recipients, call, id, respondBy));
      await this.proposals.record(tx, actor, 'cohort.published', id, {
        contentHash,
        members: memberIds.length,
        outcomes: recipients.length,
      });
      await this.calls.markPublished(tx, actor.id, call);
    });
    return this.proposals.get(id);
  }

  /**
   * The notices publishing the cohort now would send, per outcome and language of their recipients,
   * so that the secretariat reads them before it publishes; nothing is written.
   */
  async previewNotices(id: string): Promise<NotificationPreview[]> {
    const cohort = await this.proposals.get(id);
    const call = await this.calls.get(cohort.callId);
    const recipients = await this.outcomes.preview(cohort.callId, {
      selected: cohort.members.map((m) => m.applicationId),
      waitlisted: cohort.waitlist.map((w) => w.applicationId),
    });
    // The deadline the offers would have if the cohort were published now.
    return this.notifications.preview(this.outcomeNotices(recipients, call, id, this.offers.deadlineFrom(new Date())));
  }

  private outcomeNotices(
    recipients: Array<Pick<PublishedOutcome, 'recipientId' | 'outcome'>>,
    call: Call,
    cohortId: string,
    respondBy: Date,
  ): NotificationRequest[] {
    const params = {
      callReference: call.reference,
      callTitle: titlesOf(call),
      publicUrl: publicCohortPage(this.config, cohortId),
    };
    return recipients.map((r) => ({
      recipientId: r.recipientId,
      template: `cohort.${r.outcome}`,
      // The selected are offered their place: the e-mail says by when to answer.
      params: r.outcome === 'selected' ? { ...params, respondBy: respondBy.toISOString() } : params,
    }));
  }
}
