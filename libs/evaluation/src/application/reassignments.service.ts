import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { NotificationsService } from '@app/notifications';
import { AuthUser, NotFoundError, Transactions } from '@app/platform';
import { nextAssignmentStatus } from '../domain/assignment-lifecycle';
import { conflictOf } from '../domain/conflicts';
import {
  AlreadyAssignedError,
  ConflictOfInterestError,
  EvaluatorInactiveError,
  NotAssignableError,
  NotOnPanelError,
} from '../domain/evaluation.errors';
import { AssignmentsRepository } from '../infrastructure/assignments.repository';
import { ConflictsRepository, PanelRepository } from '../infrastructure/panel.repository';
import { assignmentNotices, reassignedAwayNotices } from './assignment-notices';
import { EvaluationContext } from './evaluation-context';

export interface Reassignment {
  applicationId: string;
  /** The assignment taken away (now released, its draft kept as history). */
  fromAssignmentId: string;
  fromEvaluatorId: string;
  /** The new assignment of the evaluator given the work. */
  toAssignmentId: string;
}

/**
 * Moves assignments not yet submitted from their evaluators to another member of the panel, under
 * the rules of a manual assignment (on the panel, active, no conflict of any kind, not already
 * assigned); all of them or, on the first refusal, none.
 */
@Injectable()
export class ReassignmentsService {
  constructor(
    private readonly assignments: AssignmentsRepository,
    private readonly panel: PanelRepository,
    private readonly conflicts: ConflictsRepository,
    private readonly context: EvaluationContext,
    private readonly transactions: Transactions,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
  ) {}

  async reassign(
    actor: AuthUser,
    callId: string,
    input: { assignmentIds: string[]; toEvaluatorId: string; reason: string },
  ): Promise<Reassignment[]> {
    const call = await this.context.assignableCall(callId);
    const ids = [...new Set(input.assignmentIds)];
    const to = input.toEvaluatorId;
    const [user] = await this.context.usersByIds([to]);
    if (user && !user.active) throw new EvaluatorInactiveError([to]);
    // Read before the transaction, which must not wait for a second connection.
    const applications = new Map((await this.context.assignableApplications(callId)).map((a) => [a.id, a]));
    return this.transactions.run(async (tx) => {
      await this.assignments.lockCall(tx, callId);
      const moving = await this.assignments.lockMany(tx, callId, ids);
      if (moving.length !== ids.length) throw new NotFoundError('Assignment');
      // Each assignment moves within its stage, so to a member of that stage's panel.
      for (const stage of new Set(moving.map((a) => a.stage))) {
        if (!(await this.panel.isStageMember(callId, stage, to, tx))) throw new NotOnPanelError(stage);
      }
      const [evaluator] = await this.context.evaluatorProfiles([to], tx);
      const declared = await this.conflicts.declaredAmong(
        to,
        moving.map((a) => a.applicationId),
        tx,
      );
      for (const assignment of moving) {
        // Refuses a submitted evaluation (and freed slots): only work not yet done moves.
        nextAssignmentStatus(assignment.status, 'reassign');
        if (assignment.evaluatorId === to) throw new AlreadyAssignedError();
        const application = applications.get(assignment.applicationId);
        if (!application) throw new NotAssignableError();
        const conflict = conflictOf(
          evaluator,
          application,
          declared.has(application.id),
          call.assignment.excludeSameCountry,
        );
        if (conflict) throw new ConflictOfInterestError(conflict);
      }
      await this.assignments.endMany(tx, ids, 'released', input.reason);
      const created = await this.assignments.insertMany(
        tx,
        callId,
        moving.map((a) => ({ applicationId: a.applicationId, evaluatorId: to, stage: a.stage })),
      );
      const newIds = new Map(created.map((c) => [c.applicationId, c.id]));
      const result = moving.map((a) => ({
        applicationId: a.applicationId,
        fromAssignmentId: a.id,
        fromEvaluatorId: a.evaluatorId,
        toAssignmentId: newIds.get(a.applicationId) ?? '',
      }));
      await this.notifications.notify(tx, [
        ...assignmentNotices(
          call,
          result.map(() => to),
        ),
        ...reassignedAwayNotices(
          call,
          result.map((r) => r.fromEvaluatorId),
          input.reason,
        ),
      ]);
      await this.audit.recordMany(
        tx,
        result.flatMap((r) => [
          {
            actorId: actor.id,
            action: 'assignment.reassigned',
            entityType: 'assignment',
            entityId: r.fromAssignmentId,
            before: { evaluatorId: r.fromEvaluatorId },
            after: { reason: input.reason, toEvaluatorId: to, toAssignmentId: r.toAssignmentId },
          },
          {
            actorId: actor.id,
            action: 'assignment.created',
            entityType: 'assignment',
            entityId: r.toAssignmentId,
            after: { applicationId: r.applicationId, evaluatorId: to, reassignedFrom: r.fromAssignmentId },
          },
        ]),
      );
      return result;
    });
  }
}
