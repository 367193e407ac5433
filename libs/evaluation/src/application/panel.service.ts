import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
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
import { EvaluationContext } from './evaluation-context';

export interface PanelMember {
  user: User;
  addedAt: Date;
  /** Live assignments in the call. */
  load: number;
}

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
   * Adds evaluators to the call's panel (those already on it stay) and returns the whole panel; a
   * deactivated account is refused (its past seats and evaluations stay).
   */
  async add(actor: AuthUser, callId: string, evaluatorIds: string[]): Promise<PanelMember[]> {
    await this.context.openCall(callId);
    const ids = [...new Set(evaluatorIds)];
    const users = await this.context.usersByIds(ids);
    const evaluators = new Set(users.filter((u) => u.role === 'evaluator').map((u) => u.id));
    const refused = ids.filter((id) => !evaluators.has(id));
    if (refused.length > 0) throw new NotAnEvaluatorError(refused);
    const inactive = users.filter((u) => evaluators.has(u.id) && !u.active).map((u) => u.id);
    if (inactive.length > 0) throw new EvaluatorInactiveError(inactive);
    await this.transactions.run(async (tx) => {
      await this.panel.add(tx, callId, ids);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'panel.members_added',
        entityType: 'call',
        entityId: callId,
        after: { evaluatorIds: ids },
      });
    });
    return this.list(callId);
  }

  /** Takes an evaluator off the panel; only while it holds no assignment there. */
  async remove(actor: AuthUser, callId: string, evaluatorId: string): Promise<PanelMember[]> {
    await this.context.openCall(callId);
    await this.transactions.run(async (tx) => {
      const live = (await this.assignments.liveForCall(callId, tx)).filter((a) => a.evaluatorId === evaluatorId);
      if (live.length > 0) {
        throw new EvaluatorHasAssignmentsError();
      }
      if (!(await this.panel.remove(tx, callId, evaluatorId))) throw new NotFoundError('Panel member');
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'panel.member_removed',
        entityType: 'call',
        entityId: callId,
        before: { evaluatorId },
      });
    });
    return this.list(callId);
  }

  async list(callId: string): Promise<PanelMember[]> {
    await this.context.call(callId);
    const [members, live] = await Promise.all([this.panel.members(callId), this.assignments.liveForCall(callId)]);
    const users = new Map((await this.context.usersByIds(members.map((m) => m.evaluatorId))).map((u) => [u.id, u]));
    const loads = new Map<string, number>();
    for (const a of live) loads.set(a.evaluatorId, (loads.get(a.evaluatorId) ?? 0) + 1);
    return members.flatMap((m) => {
      const user = users.get(m.evaluatorId);
      return user ? [{ user, addedAt: m.addedAt, load: loads.get(m.evaluatorId) ?? 0 }] : [];
    });
  }

  /** A page of the call's panel, sorted as asked, with each member's assignments counted. */
  async page(callId: string, query: PanelMemberListQuery): Promise<Page<ListedPanelMember>> {
    await this.context.call(callId);
    return this.listed.page(callId, query);
  }
}
