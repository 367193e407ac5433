import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { assertCallKind, stageAt } from '@app/calls';
import { User } from '@app/identity';
import { AuthUser, NotFoundError, Page, Transactions } from '@app/platform';
import { EvaluatorHasAssignmentsError, EvaluatorInactiveError, NotAnEvaluatorError } from '../domain/evaluation.errors';
import { AssignmentsRepository } from '../infrastructure/assignments.repository';
import {
  ListedPanelMember,
  PanelMemberListQuery,
  PanelMembersRepository,
} from '../infrastructure/panel-members.repository';
import { PanelRepository } from '../infrastructure/panel.repository';
import { stageNamed } from './assignment-audit';
import { EvaluationContext } from './evaluation-context';

export interface PanelMember {
  user: User;
  addedAt: Date;
  /** Live assignments in the stage read. */
  load: number;
}

/** The panel a stage assigns from: its own (`own`), or the call's. */
export interface StagePanelMembers {
  stage: number;
  own: boolean;
  members: PanelMember[];
}

/**
 * The call's panel, and the panels later stages may name of their own (a selection committee for a
 * panel interview): a stage assigns from its own panel when it names one, else from the call's; stage
 * 1 always from the call's.
 */
@Injectable()
export class PanelService {
  constructor(
    private readonly panel: PanelRepository,
    private readonly listed: PanelMembersRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly context: EvaluationContext,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  /**
   * Adds evaluators to the panel of a stage: stage 1's is the call's, a later stage's its own (those
   * already on it stay); returns the stage's panel. A deactivated account is refused (its past seats
   * and evaluations stay).
   */
  async add(actor: AuthUser, callId: string, evaluatorIds: string[], stage = 1): Promise<StagePanelMembers> {
    const call = await this.context.openCall(callId);
    assertCallKind(call, 'selection');
    stageAt(call, stage);
    const ids = [...new Set(evaluatorIds)];
    const users = await this.context.usersByIds(ids);
    const evaluators = new Set(users.filter((u) => u.role === 'evaluator').map((u) => u.id));
    const refused = ids.filter((id) => !evaluators.has(id));
    if (refused.length > 0) throw new NotAnEvaluatorError(refused);
    const inactive = users.filter((u) => evaluators.has(u.id) && !u.active).map((u) => u.id);
    if (inactive.length > 0) throw new EvaluatorInactiveError(inactive);
    await this.transactions.run(async (tx) => {
      if (stage === 1) await this.panel.add(tx, callId, ids);
      else await this.panel.addToStage(tx, callId, stage, ids);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'panel.members_added',
        entityType: 'call',
        entityId: callId,
        after: { evaluatorIds: ids, ...stageNamed(stage) },
      });
    });
    return this.stagePanel(callId, stage);
  }

  /**
   * Takes an evaluator off the panel of a stage (the call's for stage 1), only while it holds no live
   * assignment in a stage that assigns from that panel.
   */
  async remove(actor: AuthUser, callId: string, evaluatorId: string, stage = 1): Promise<StagePanelMembers> {
    const call = await this.context.openCall(callId);
    stageAt(call, stage);
    await this.transactions.run(async (tx) => {
      const own = await this.panel.stagesWithOwnPanel(callId, tx);
      // The call's panel serves stage 1 and every later stage without a panel of its own.
      const served = stage === 1 ? call.stages.map((_, i) => i + 1).filter((s) => !own.has(s)) : [stage];
      if (await this.assignments.holdsLive(tx, callId, evaluatorId, served)) throw new EvaluatorHasAssignmentsError();
      const removed =
        stage === 1
          ? await this.panel.remove(tx, callId, evaluatorId)
          : await this.panel.removeFromStage(tx, callId, stage, evaluatorId);
      if (!removed) throw new NotFoundError('Panel member');
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'panel.member_removed',
        entityType: 'call',
        entityId: callId,
        before: { evaluatorId, ...stageNamed(stage) },
      });
    });
    return this.stagePanel(callId, stage);
  }

  /** The call's panel, each member's live assignments in stage 1 counted. */
  async list(callId: string): Promise<PanelMember[]> {
    return (await this.stagePanel(callId, 1)).members;
  }

  /** The panel a stage assigns from (the call's for stage 1), each member's live assignments in the stage counted. */
  async stagePanel(callId: string, stage: number): Promise<StagePanelMembers> {
    stageAt(await this.context.call(callId), stage);
    const [panel, loads] = await Promise.all([
      this.panel.stagePanel(callId, stage),
      this.assignments.liveLoads(callId, stage),
    ]);
    const users = new Map(
      (await this.context.usersByIds(panel.members.map((m) => m.evaluatorId))).map((u) => [u.id, u]),
    );
    return {
      stage,
      own: panel.own,
      members: panel.members.flatMap((m) => {
        const user = users.get(m.evaluatorId);
        return user ? [{ user, addedAt: m.addedAt, load: loads.get(m.evaluatorId) ?? 0 }] : [];
      }),
    };
  }

  /** A page of a stage's panel (the call's for stage 1), sorted as asked, with each member's assignments in the stage counted. */
  async page(callId: string, query: PanelMemberListQuery, stage = 1): Promise<Page<ListedPanelMember>> {
    stageAt(await this.context.call(callId), stage);
    return this.listed.page(callId, stage, query);
  }
}
