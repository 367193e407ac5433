import { AuditService } from '@app/audit';
import { AuthUser, Transaction } from '@app/platform';

/** An audit event on an assignment (and the evaluation it carries), in the caller's transaction. */
export function recordAssignmentEvent(
  audit: AuditService,
  tx: Transaction,
  actor: AuthUser,
  event: {
    action: string;
    assignmentId: string;
    after: Record<string, unknown>;
    before?: Record<string, unknown> | null;
  },
): Promise<void> {
  return audit.record(tx, {
    actorId: actor.id,
    action: event.action,
    entityType: 'assignment',
    entityId: event.assignmentId,
    before: event.before ?? null,
    after: event.after,
  });
}

/** The stage in an audit event, when there is more than one: a call of one stage is audited as before stages. */
export function stageNamed(stage: number): { stage?: number } {
  return stage === 1 ? {} : { stage };
}
