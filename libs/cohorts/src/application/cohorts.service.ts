import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Call, CallsService, assertCallKind, isBeforePublication } from '@app/calls';
import {
  AuthUser,
  InvalidTransitionError,
  NotFoundError,
  Page,
  Transaction,
  Transactions,
  databaseNow,
} from '@app/platform';
import { type RankUncertainty, RankUncertaintyService, ScoringService, weightedFinalRanking } from '@app/scoring';
import { assertCohortCan } from '../domain/cohort-lifecycle';
import { CohortOutdatedError, CohortPublishedError, ScoringInProgressError } from '../domain/cohorts.errors';
import { withDrawnRanks } from '../domain/lottery';
import { applyOverrides } from '../domain/overrides';
import { ProposalRequest, constraintsFor } from '../domain/proposal';
import { selectCohort } from '../domain/selection';
import { stagesOfFinalRanking } from '../domain/final-ranking';
import type { ApplicationForSelection, CohortOverrides } from '../domain/selection.types';
import { CohortLotteryRepository } from '../infrastructure/cohort-lottery.repository';
import { Cohort, CohortListQuery, CohortsRepository } from '../infrastructure/cohorts.repository';
import { EntryOrganisation, SelectionFactsRepository } from '../infrastructure/selection-facts.repository';

/**
 * Proposals of a call's cohort (DESIGN.md §6): computed from the ranking, amended by the
 * secretariat with written reasons, approved. Several may exist; one is published.
 */
@Injectable()
export class CohortsService {
  constructor(
    private readonly cohorts: CohortsRepository,
    private readonly lotteries: CohortLotteryRepository,
    private readonly facts: SelectionFactsRepository,
    private readonly calls: CallsService,
    private readonly scoring: ScoringService,
    private readonly uncertainty: RankUncertaintyService,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  async propose(actor: AuthUser, callId: string, request: ProposalRequest): Promise<Cohort> {
    const call = await this.calls.get(callId);
    assertCallKind(call, 'selection');
    assertUnderReview(call);
    await this.assertScoresUpToDate(callId);
    const constraints = constraintsFor(call, request);
    return this.transactions.run(async (tx) => {
      // Read in the transaction that stores the proposal: the fingerprint is of the facts selected from.
      const [applications, factsFingerprint] = [
        await this.finalRanking(call, tx),
        await this.factsFingerprint(call, tx),
      ];
      const proposal = selectCohort(applications, constraints);
      const cohort = await this.cohorts.insert(tx, {
        callId,
        constraints,
        factsFingerprint,
        content: { ...proposal, violations: [] },
        createdBy: actor.id,
      });
      await this.record(tx, actor, 'cohort.proposed', cohort.id, {
        callId,
        constraints,
        members: proposal.members.length,
        unmetConstraints: proposal.unmetConstraints,
      });
      return cohort;
    });
  }

  /** The secretariat adds or removes members before approval; the reason is kept with the change. */
  async amend(actor: AuthUser, id: string, overrides: CohortOverrides, reason: string): Promise<Cohort> {
    await this.transactions.run(async (tx) => {
      const cohort = await this.lock(tx, id);
      const call = await this.calls.get(cohort.callId, tx);
      assertCohortCan('amend', cohort.status, !isBeforePublication(call.status));
      await this.assertCurrent(tx, cohort, call);
      // After a draw, an addition takes the rank the lot dealt it, as the proposal's entries do.
      const drawn = await this.lotteries.drawnOf(id, tx);
      const drawnRanks = new Map((drawn?.lot?.lots ?? []).map((l) => [l.applicationId, l.drawnRank]));
      const applications = withDrawnRanks(await this.finalRanking(call, tx), drawnRanks);
      const amended = applyOverrides(cohort, overrides, applications, cohort.constraints);
      const record = {
        add: [...overrides.add],
        remove: [...overrides.remove],
        reason,
        by: actor.id,
        at: (await databaseNow(tx)).toISOString(),
      };
      await this.cohorts.replaceContent(tx, id, amended, record);
      await this.record(tx, actor, 'cohort.amended', id, { ...record, violations: amended.violations });
    });
    return this.get(id);
  }

  async approve(actor: AuthUser, id: string): Promise<Cohort> {
    await this.transactions.run(async (tx) => {
      const cohort = await this.lock(tx, id);
      const call = await this.calls.get(cohort.callId, tx);
      assertCohortCan('approve', cohort.status, !isBeforePublication(call.status));
      await this.assertCurrent(tx, cohort, call);
      await this.cohorts.markApproved(tx, id, actor.id);
      // Approval over the seats or against a quota is allowed (each member added by hand carries its
      // reason); the audit trail keeps what was approved knowingly.
      await this.record(tx, actor, 'cohort.approved', id, {
        members: cohort.members.length,
        seats: cohort.constraints.size,
        violations: cohort.violations,
      });
    });
    return this.get(id);
  }

  async get(id: string): Promise<Cohort> {
    const cohort = await this.cohorts.findById(id);
    if (!cohort) throw new NotFoundError('Cohort');
    return cohort;
  }

  /**
   * The grey zone of a cohort's seats (issue 16): the applications whose 90% rank interval straddles
   * the last seat, read from scoring (see uncertaintyOf).
   */
  async greyZoneOf(cohort: Cohort): Promise<string[]> {
    return (await this.uncertaintyOf(cohort)).greyZone;
  }

  /**
   * How sure the final ranking is of the cohort's candidates (issue 16), read from scoring: the last
   * stage's bootstrap when the final ranking is the last stage's and that stage is calibrated (its
   * intervals only while current), the final ranking's own bootstrap when it is weighted with a
   * calibrated stage (its intervals marked stale while they are), nothing otherwise; and the grey
   * zone at the cohort's seats from current intervals only.
   */
  async uncertaintyOf(cohort: Cohort): Promise<CandidatesUncertainty> {
    const call = await this.calls.get(cohort.callId);
    const seats = cohort.constraints.size;
    if (call.finalRanking.rule === 'weighted') {
      const found = await this.uncertainty.finalRankingUncertainty(call, seats);
      return {
        greyZone: found.greyZone,
        byApplication: byApplication(found.uncertainties, found.status !== 'current'),
      };
    }
    const lastStage = call.stages.length;
    if (call.stages[lastStage - 1].scoring.normalization !== 'calibrated')
      return { greyZone: [], byApplication: new Map() };
    const found = await this.uncertainty.greyZone(call.id, lastStage, seats);
    return { greyZone: found.greyZone, byApplication: byApplication(found.uncertainties, false) };
  }

  /** The organisations behind the applications a cohort names, for showing it. */
  organisationsOf(applicationIds: string[]): Promise<Map<string, EntryOrganisation>> {
    return this.facts.organisationsOf(applicationIds);
  }

  async listForCall(callId: string, page: CohortListQuery): Promise<Page<Cohort>> {
    await this.calls.get(callId);
    return this.cohorts.listForCall(callId, page);
  }

  async assertScoresUpToDate(callId: string, tx?: Transaction): Promise<void> {
    const status = await this.scoring.status(callId, tx);
    if (!status.upToDate) throw new ScoringInProgressError(status.pending);
  }

  /**
   * The applications of the call's last stage with their final rank and score: the last stage's
   * ranking, or the weighted combination of stage scores the call states (./domain/final-ranking).
   * Publication releases each application its place in it.
   */
  async finalRanking(call: Call, tx: Transaction): Promise<ApplicationForSelection[]> {
    const lastStage = await this.facts.applicationsFor(call.id, tx);
    if (call.finalRanking.rule !== 'weighted') return lastStage;
    return weightedFinalRanking(lastStage, await this.facts.stageScores(call.id, tx), call.finalRanking.weights);
  }

  /**
   * Refuses a cohort computed from other facts than the call's current ones, in every stage its final
   * ranking is made from.
   */
  async assertCurrent(tx: Transaction, cohort: Cohort, call: Call): Promise<void> {
    if ((await this.factsFingerprint(call, tx)) !== cohort.factsFingerprint) {
      throw new CohortOutdatedError();
    }
  }

  private factsFingerprint(call: Call, tx: Transaction): Promise<string> {
    return this.facts.factsFingerprint(call.id, stagesOfFinalRanking(call.stages.length, call.finalRanking), tx);
  }

  async lock(tx: Transaction, id: string): Promise<Cohort> {
    const cohort = await this.cohorts.lock(tx, id);
    if (!cohort) throw new NotFoundError('Cohort');
    return cohort;
  }

  /** Audits a step of the cohort, by the actor, or by the platform itself (null). */
  record(tx: Transaction, actor: AuthUser | null, action: string, id: string, after: Record<string, unknown>) {
    return this.audit.record(tx, { actorId: actor?.id ?? null, action, entityType: 'cohort', entityId: id, after });
  }
}

/** A candidate's rank uncertainty in the final ranking, as the ranking shows a stage's. */
export interface CandidateUncertainty {
  probabilityInCohort: number;
  rankInterval: { lower: number; upper: number };
  meanRank: number;
  /** Computed from other inputs than the current ones: a newer computation is pending. */
  stale: boolean;
}

export interface CandidatesUncertainty {
  greyZone: string[];
  byApplication: Map<string, CandidateUncertainty>;
}

function byApplication(uncertainties: readonly RankUncertainty[], stale: boolean): Map<string, CandidateUncertainty> {
  return new Map(
    uncertainties.map((u) => [
      u.applicationId,
      { probabilityInCohort: u.probabilityInCohort, rankInterval: u.rankInterval, meanRank: u.meanRank, stale },
    ]),
  );
}

/** A cohort is proposed once the call's evaluations are under way, and never after publication. */
function assertUnderReview(call: Call): void {
  if (!isBeforePublication(call.status)) throw new CohortPublishedError();
  if (call.status !== 'reviewing') throw new InvalidTransitionError('call', call.status, 'given a cohort proposal');
}
