import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { AuthUser, ForbiddenError, Page, Transactions, ValidationError, isStaff, problemDetail } from '@app/platform';
import { Conflict, ListedConflict } from '../domain/evaluation';
import { EVALUATION_DETAILS } from '../domain/evaluation.errors';
import { AssignmentsRepository } from '../infrastructure/assignments.repository';
import { ConflictListQuery, ConflictsRepository, PanelRepository } from '../infrastructure/panel.repository';
import { EvaluationContext } from './evaluation-context';

export interface DeclaredConflict extends Conflict {
  /** What became of a live assignment of the evaluator to the application. */
  assignment: 'none' | 'released' | 'kept_submitted';
}

@Injectable()
export class ConflictsService {
  constructor(
    private readonly conflicts: ConflictsRepository,
    private readonly panel: PanelRepository,
    private readonly assignments: AssignmentsRepository,
    private readonly context: EvaluationContext,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  /**
   * An evaluator declares a conflict for itself, or the secretariat for one. A live assignment is
   * released at once; a submitted evaluation is kept (and audited) for the secretariat to reopen or release.
   */
  async declare(
    actor: AuthUser,
    callId: string,
    input: { applicationId: string; reason: string; evaluatorId?: string },
  ): Promise<DeclaredConflict> {
    const evaluatorId = this.evaluatorFor(actor, input.evaluatorId);
    await this.context.openCall(callId);
    await this.context.applicationProfile(callId, input.applicationId);
    return this.transactions.run(async (tx) => {
      // An assignment being made at the same time is either seen here and released, or sees this conflict.
      await this.assignments.lockCall(tx, callId);
      if (!(await this.panel.isMember(callId, evaluatorId, tx))) {
        if (!isStaff(actor)) throw new ForbiddenError(problemDetail(EVALUATION_DETAILS.NOT_ON_YOUR_PANEL));
        throw new ValidationError([
          { field: 'evaluatorId', message: 'the evaluator is not on the panel of this call' },
        ]);
      }
      const conflict = await this.conflicts.declare(tx, {
        callId,
        evaluatorId,
        applicationId: input.applicationId,
        reason: input.reason,
        declaredBy: actor.id,
      });
      const live = await this.assignments.findLive(evaluatorId, input.applicationId, tx);
      let assignment: DeclaredConflict['assignment'] = 'none';
      if (live && live.status === 'submitted') assignment = 'kept_submitted';
      else if (live) {
        await this.assignments.update(tx, live.id, {
          status: 'released',
          endReason: `conflict of interest: ${input.reason}`,
        });
        assignment = 'released';
      }
      await this.audit.record(tx, {
        actorId: actor.id,
        action: assignment === 'kept_submitted' ? 'conflict.declared_after_submission' : 'conflict.declared',
        entityType: 'application',
        entityId: input.applicationId,
        after: { evaluatorId, reason: input.reason, assignment, assignmentId: live?.id ?? null },
      });
      return { ...conflict, assignment };
    });
  }

  /** A page of the call's conflicts, each naming the organisation of its application. */
  async list(callId: string, page: ConflictListQuery): Promise<Page<ListedConflict>> {
    await this.context.call(callId);
    const { items, total } = await this.conflicts.pageForCall(callId, page);
    const organisations = await this.context.applicantOrganisations(items.map((c) => c.applicationId));
    // A conflict always concerns an application of the call, which is never deleted.
    return { items: items.map((c) => ({ ...c, organisation: organisations.get(c.applicationId)! })), total };
  }

  private evaluatorFor(actor: AuthUser, requested: string | undefined): string {
    if (!isStaff(actor)) {
      if (requested !== undefined && requested !== actor.id)
        throw new ForbiddenError(problemDetail(EVALUATION_DETAILS.OWN_CONFLICTS_ONLY));
      return actor.id;
    }
    if (!requested) throw new ValidationError([{ field: 'evaluatorId', message: 'name the evaluator concerned' }]);
    return requested;
  }
}
