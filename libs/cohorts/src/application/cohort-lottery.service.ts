import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Call, CallsService, isBeforePublication } from '@app/calls';
import { AuthUser, Page, PageQuery, Transaction, Transactions } from '@app/platform';
import { assertCohortCan } from '../domain/cohort-lifecycle';
import {
  CohortPublishedError,
  LotteryAfterAmendmentError,
  LotteryAlreadyDrawnError,
  LotteryCandidatesChangedError,
  LotteryDisabledError,
  LotteryNoGreyZoneError,
  LotteryNotCommittedError,
} from '../domain/cohorts.errors';
import { LOTTERY_METHOD, LotteryCandidate, commitmentOf, drawCohort, lotteryCandidates } from '../domain/lottery';
import type { PublicCohortLottery } from '../domain/public-cohort';
import {
  CohortLotteryRepository,
  LotteryCommitment,
  LotterySetting,
} from '../infrastructure/cohort-lottery.repository';
import { Cohort, CohortsRepository } from '../infrastructure/cohorts.repository';
import { SelectionFactsRepository } from '../infrastructure/selection-facts.repository';
import { CohortsService } from './cohorts.service';

/** A proposal's lottery as the secretariat follows it; the latest commitment's secret only once drawn. */
export interface CohortLotteryState {
  cohortId: string;
  enabled: boolean;
  /** The proposal's grey zone now (CohortsService.greyZoneOf). */
  greyZone: string[];
  commitment: RevealedCommitment | null;
  /** Commitments made on the proposal before the latest, kept and public too. */
  earlierCommitments: number;
}

/** A commitment as anyone may read it: the secret is null until the draw. */
export type RevealedCommitment = Omit<LotteryCommitment, 'secret'> & { secret: string | null };

/**
 * The lottery at the line (issue 16, item 3; the procedure: ../domain/lottery): a call enables it; on a
 * proposal with a grey zone the secretariat commits to a secret, whose SHA-256 is public at once; the
 * draw reveals it and runs the selection on the drawn ranking. Publication records it all.
 */
@Injectable()
export class CohortLotteryService {
  constructor(
    private readonly lotteries: CohortLotteryRepository,
    private readonly proposals: CohortsService,
    private readonly cohorts: CohortsRepository,
    private readonly facts: SelectionFactsRepository,
    private readonly calls: CallsService,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async setting(callId: string): Promise<LotterySetting> {
    await this.calls.get(callId);
    return this.lotteries.setting(callId);
  }

  /** Enables or disables the call's lottery until its cohort is published; audited on the call. */
  configure(actor: AuthUser, callId: string, enabled: boolean): Promise<LotterySetting> {
    return this.transactions.run(async (tx) => {
      const call = await this.calls.get(callId, tx);
      if (!isBeforePublication(call.status)) throw new CohortPublishedError();
      const before = await this.lotteries.setting(callId, tx);
      const after = await this.lotteries.saveSetting(tx, callId, enabled, actor.id);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'cohort.lottery-configured',
        entityType: 'call',
        entityId: callId,
        before: { enabled: before.enabled },
        after: { enabled },
      });
      return after;
    });
  }

  async state(cohortId: string): Promise<CohortLotteryState> {
    const cohort = await this.proposals.get(cohortId);
    const [setting, greyZone, { latest, earlier }] = await Promise.all([
      this.lotteries.setting(cohort.callId),
      this.proposals.greyZoneOf(cohort),
      this.lotteries.latestOf(cohortId),
    ]);
    return {
      cohortId,
      enabled: setting.enabled,
      greyZone,
      commitment: latest && revealed(latest),
      earlierCommitments: earlier,
    };
  }

  /** Draws a fresh secret and freezes the grey zone's candidates with its commitment. */
  async commit(actor: AuthUser, cohortId: string): Promise<CohortLotteryState> {
    await this.transactions.run(async (tx) => {
      const { cohort, call } = await this.lockForLottery(tx, cohortId);
      await this.proposals.assertCurrent(tx, cohort, call);
      const candidates = await this.candidatesNow(tx, cohort, call);
      if (candidates.length === 0) throw new LotteryNoGreyZoneError();
      const secret = randomBytes(32).toString('hex');
      const commitment = commitmentOf(secret);
      await this.lotteries.insert(tx, { cohortId, callId: call.id, commitment, secret, candidates }, actor.id);
      await this.proposals.record(tx, actor, 'cohort.lottery-committed', cohortId, { commitment, candidates });
    });
    return this.state(cohortId);
  }

  /**
   * Draws the lot of the latest commitment, once: refused if the grey zone's candidates or their ranks
   * are no longer those frozen with it. The proposal becomes the selection on the drawn ranking.
   */
  async draw(actor: AuthUser, cohortId: string): Promise<CohortLotteryState> {
    await this.transactions.run(async (tx) => {
      const { cohort, call } = await this.lockForLottery(tx, cohortId);
      const { latest } = await this.lotteries.latestOf(cohortId, tx);
      if (latest === null) throw new LotteryNotCommittedError();
      const now = await this.candidatesNow(tx, cohort, call);
      if (!sameCandidates(now, latest.candidates)) throw new LotteryCandidatesChangedError();
      await this.proposals.assertCurrent(tx, cohort, call);
      const applications = await this.proposals.finalRanking(call, tx);
      const { lots, seated, proposal } = drawCohort(applications, cohort.constraints, latest.secret, latest.candidates);
      await this.cohorts.replaceDrawnContent(tx, cohortId, { ...proposal, violations: [] });
      await this.lotteries.markDrawn(tx, latest.id, { lots, seated }, actor.id);
      await this.proposals.record(tx, actor, 'cohort.lottery-drawn', cohortId, {
        commitment: latest.commitment,
        secret: latest.secret,
        lotOrder: lots.map((l) => l.applicationId),
        seated,
      });
    });
    return this.state(cohortId);
  }

  /** Every commitment made for the call's proposals, first first; secrets of undrawn ones withheld. */
  async commitmentsOfCall(callId: string, page: PageQuery): Promise<Page<RevealedCommitment>> {
    await this.calls.get(callId);
    const { items, total } = await this.lotteries.pageOfCall(callId, page);
    return { items: items.map(revealed), total };
  }

  /** The lottery section of the cohort's public document, when its lot was drawn. */
  async publicRecord(tx: Transaction, cohortId: string): Promise<PublicCohortLottery | undefined> {
    const drawn = await this.lotteries.drawnOf(cohortId, tx);
    if (drawn === null || drawn.lot === null || drawn.drawnAt === null) return undefined;
    const names = new Map(
      (await this.facts.publicMembers(tx, drawn.lot.seated)).map((m) => [m.applicationId, m.publicEntry.name]),
    );
    return {
      method: LOTTERY_METHOD,
      commitment: drawn.commitment,
      committedAt: drawn.committedAt.toISOString(),
      secret: drawn.secret,
      drawnAt: drawn.drawnAt.toISOString(),
      greyZone: drawn.candidates.map(({ applicationId, rank }) => ({ applicationId, rank })),
      lotOrder: drawn.lot.lots.map(({ applicationId, key, drawnRank }) => ({ applicationId, key, drawnRank })),
      seated: drawn.lot.seated.map((applicationId) => ({ applicationId, name: names.get(applicationId) ?? '' })),
    };
  }

  /** The proposal, locked, if the lottery may act on it: proposed, enabled, not amended, not drawn. */
  private async lockForLottery(tx: Transaction, cohortId: string): Promise<{ cohort: Cohort; call: Call }> {
    const cohort = await this.proposals.lock(tx, cohortId);
    const call = await this.calls.get(cohort.callId, tx);
    assertCohortCan('draw', cohort.status, !isBeforePublication(call.status));
    if (!(await this.lotteries.setting(call.id, tx)).enabled) throw new LotteryDisabledError();
    if (cohort.overrides.length > 0) throw new LotteryAfterAmendmentError();
    if ((await this.lotteries.drawnOf(cohortId, tx)) !== null) throw new LotteryAlreadyDrawnError();
    return { cohort, call };
  }

  private async candidatesNow(tx: Transaction, cohort: Cohort, call: Call): Promise<LotteryCandidate[]> {
    const greyZone = await this.proposals.greyZoneOf(cohort);
    return lotteryCandidates(greyZone, await this.proposals.finalRanking(call, tx), cohort.constraints);
  }
}

function revealed({ secret, ...commitment }: LotteryCommitment): RevealedCommitment {
  return { ...commitment, secret: commitment.drawnAt === null ? null : secret };
}

function sameCandidates(a: readonly LotteryCandidate[], b: readonly LotteryCandidate[]): boolean {
  return a.length === b.length && a.every((c, i) => c.applicationId === b[i].applicationId && c.rank === b[i].rank);
}
