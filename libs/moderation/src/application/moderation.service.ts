import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { EvaluationsService } from '@app/evaluation';
import { AuthUser, Page, PageQuery, Transaction, Transactions, ValidationError, isStaff } from '@app/platform';
import { ScoringService } from '@app/scoring';
import { ModeratorRole, Resolution, ResolutionRequest, unknownRevisitors } from '../domain/moderation';
import {
  AlreadyInModerationQueueError,
  ChairNotOnPanelError,
  NotInModerationQueueError,
  NotModeratorError,
} from '../domain/moderation.errors';
import { ModerationRepository, QueueCriteria, QueuedApplication } from '../infrastructure/moderation.repository';
import { ModerationContext } from './moderation-context';

/** A queued application as the moderator reads it: who applied, and each evaluator by name. */
export interface ModerationQueueEntry extends Omit<QueuedApplication, 'totals'> {
  organisationName: string;
  evaluators: Array<{ assignmentId: string; evaluatorId: string; displayName: string; total: number }>;
}

export interface ModerationQueuePage extends Page<ModerationQueueEntry> {
  /** How the reader moderates the call. */
  as: ModeratorRole;
}

export interface ChairedCall {
  callId: string;
  reference: string;
  title: string;
}

/** Which application of which stage a decision is about. */
export interface ModeratedApplication {
  callId: string;
  applicationId: string;
  stage: number;
}

@Injectable()
export class ModerationService {
  constructor(
    private readonly moderation: ModerationRepository,
    private readonly context: ModerationContext,
    private readonly transactions: Transactions,
    private readonly evaluations: EvaluationsService,
    private readonly scoring: ScoringService,
    private readonly audit: AuditService,
  ) {}

  /** The secretariat moderates every call; a panel member only the call it chairs. */
  async moderatorRole(actor: AuthUser, callId: string): Promise<ModeratorRole> {
    if (isStaff(actor)) return 'secretariat';
    if (actor.role === 'evaluator' && (await this.moderation.chairOf(callId)) === actor.id) return 'chair';
    throw new NotModeratorError();
  }

  /** A page of the stage's queue: what scoring flags and what the secretariat added. */
  async queue(actor: AuthUser, callId: string, criteria: QueueCriteria): Promise<ModerationQueuePage> {
    await this.context.callWithStage(callId, criteria.stage);
    const as = await this.moderatorRole(actor, callId);
    const page = await this.moderation.queue(callId, criteria);
    const [organisations, people] = await Promise.all([
      this.context.organisationNames(page.items.map((i) => i.applicationId)),
      this.context.displayNames(page.items.flatMap((i) => i.totals.map((t) => t.evaluatorId))),
    ]);
    return {
      as,
      total: page.total,
      items: page.items.map(({ totals, ...entry }) => ({
        ...entry,
        organisationName: organisations.get(entry.applicationId) ?? '',
        evaluators: totals.map((t) => ({ ...t, displayName: people.get(t.evaluatorId) ?? '' })),
      })),
    };
  }

  /** The secretariat adds an application to the stage's queue, saying why. */
  async add(actor: AuthUser, of: ModeratedApplication, reason: string): Promise<void> {
    const call = await this.context.callWithStage(of.callId, of.stage);
    this.context.assertOpen(call);
    await this.context.requireApplicationOf(of.callId, of.applicationId);
    await this.transactions.run(async (tx) => {
      await this.context.callOpenToModeration(tx, of.callId);
      const added = await this.moderation.add(tx, { ...of, reason, addedBy: actor.id });
      if (!added) throw new AlreadyInModerationQueueError();
      await this.record(tx, actor, of, 'moderation.application_added', { stage: of.stage, reason });
    });
  }

  /**
   * Resolves a queued application: its scores stand, named evaluators revisit (their submitted
   * evaluations are reopened with the moderator's note, each evaluator told in its language), or a
   * consensus score ranks it from now on. The new resolution becomes the current one, the earlier
   * ones are kept; a change of consensus score rescores the call.
   */
  async resolve(actor: AuthUser, of: ModeratedApplication, request: ResolutionRequest): Promise<Resolution> {
    const call = await this.context.callWithStage(of.callId, of.stage);
    await this.moderatorRole(actor, of.callId);
    this.context.assertOpen(call);
    await this.context.requireApplicationOf(of.callId, of.applicationId);
    const application = request.outcome === 'revisit' ? await this.evaluations.reopeningOf(of.applicationId) : null;
    // One transaction: a revisit's reopened evaluations (evaluation's notices and audit) and the
    // resolution that asks for them commit together or not at all.
    return this.transactions.run(async (tx) => {
      if (!(await this.moderation.isQueued(tx, of.callId, of.applicationId, of.stage))) {
        throw new NotInModerationQueueError();
      }
      await this.context.callOpenToModeration(tx, of.callId);
      if (application && request.outcome === 'revisit') {
        const reopening = await this.assignmentsToReopen(tx, of, request.evaluatorIds);
        await this.evaluations.reopenWithin(tx, actor, application, reopening, request.note);
      }
      const { resolution, replaced } = await this.moderation.resolve(tx, { ...of, decidedBy: actor.id }, request);
      if (resolution.consensusScore !== (replaced?.consensusScore ?? null)) {
        await this.scoring.requestRescore(tx, of.callId);
      }
      await this.record(tx, actor, of, 'moderation.resolved', describe(resolution), replaced && describe(replaced));
      return resolution;
    });
  }

  async history(actor: AuthUser, of: ModeratedApplication, page: PageQuery): Promise<Page<Resolution>> {
    await this.context.callWithStage(of.callId, of.stage);
    await this.moderatorRole(actor, of.callId);
    await this.context.requireApplicationOf(of.callId, of.applicationId);
    return this.moderation.history(of.applicationId, of.stage, page);
  }

  /** The calls the evaluator chairs, each with its reference and title, so that it finds their queues. */
  async chairedCalls(actor: AuthUser, page: PageQuery): Promise<Page<ChairedCall>> {
    const calls = await this.moderation.chairedCalls(actor.id, page);
    return { total: calls.total, items: await this.context.callNames(calls.items) };
  }

  /** The call's chair, if the secretariat named one. */
  async chair(callId: string): Promise<{ id: string; displayName: string } | null> {
    await this.context.callWithStage(callId, 1);
    const chairId = await this.moderation.chairOf(callId);
    if (!chairId) return null;
    return { id: chairId, displayName: (await this.context.displayNames([chairId])).get(chairId) ?? '' };
  }

  /** The secretariat names a member of the call's panel its chair, replacing any chair before. */
  async nameChair(actor: AuthUser, callId: string, evaluatorId: string): Promise<{ id: string; displayName: string }> {
    const call = await this.context.callWithStage(callId, 1);
    this.context.assertOpen(call);
    if (!(await this.context.isPanelMember(callId, evaluatorId))) throw new ChairNotOnPanelError();
    await this.transactions.run(async (tx) => {
      await this.context.callOpenToModeration(tx, callId);
      const before = await this.moderation.nameChair(tx, callId, evaluatorId, actor.id);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'moderation.chair_named',
        entityType: 'call',
        entityId: callId,
        before: { chairId: before },
        after: { chairId: evaluatorId },
      });
    });
    return { id: evaluatorId, displayName: (await this.context.displayNames([evaluatorId])).get(evaluatorId) ?? '' };
  }

  async removeChair(actor: AuthUser, callId: string): Promise<void> {
    const call = await this.context.callWithStage(callId, 1);
    this.context.assertOpen(call);
    await this.transactions.run(async (tx) => {
      await this.context.callOpenToModeration(tx, callId);
      const before = await this.moderation.removeChair(tx, callId);
      if (before === null) return;
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'moderation.chair_removed',
        entityType: 'call',
        entityId: callId,
        before: { chairId: before },
        after: { chairId: null },
      });
    });
  }

  /** The submitted evaluations of the named evaluators; each named evaluator must have one (422 otherwise). */
  private async assignmentsToReopen(tx: Transaction, of: ModeratedApplication, evaluatorIds: string[]) {
    const totals = await this.moderation.totalsOf(tx, of.callId, of.applicationId, of.stage);
    const unknown = unknownRevisitors(evaluatorIds, new Set(totals.map((t) => t.evaluatorId)));
    if (unknown.length > 0) {
      throw new ValidationError(
        unknown.map((id) => ({
          field: 'evaluatorIds',
          message: `${id} has no submitted evaluation of this application in this stage.`,
        })),
      );
    }
    return totals.filter((t) => evaluatorIds.includes(t.evaluatorId)).map((t) => t.assignmentId);
  }

  private record(
    tx: Transaction,
    actor: AuthUser,
    of: ModeratedApplication,
    action: string,
    after: Record<string, unknown>,
    before: Record<string, unknown> | null = null,
  ): Promise<void> {
    return this.audit.record(tx, {
      actorId: actor.id,
      action,
      entityType: 'application',
      entityId: of.applicationId,
      before,
      after,
    });
  }
}

/** A resolution as its audit event keeps it. */
function describe(resolution: Resolution): Record<string, unknown> {
  return {
    stage: resolution.stage,
    outcome: resolution.outcome,
    note: resolution.note,
    consensusScore: resolution.consensusScore,
    evaluatorIds: resolution.evaluatorIds,
  };
}
