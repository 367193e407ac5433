import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Page, PageQuery } from '@app/platform';
import { AssignmentsRepository } from '../infrastructure/assignments.repository';
import { EvaluationContext } from './evaluation-context';

/** One change made to an application or to one of its assignments (and the evaluation it carries). */
export interface ApplicationHistoryEntry {
  id: string;
  occurredAt: Date;
  action: string;
  entityType: string;
  entityId: string;
  actor: { id: string; displayName: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/**
 * An application's audit trail as the secretariat reads it: the application's own events and those
 * of every assignment it ever had (evaluation knows both), oldest first, a page at a time.
 */
@Injectable()
export class ApplicationHistoryService {
  constructor(
    private readonly assignments: AssignmentsRepository,
    private readonly context: EvaluationContext,
    private readonly audit: AuditService,
  ) {}

  async history(applicationId: string, page: PageQuery): Promise<Page<ApplicationHistoryEntry>> {
    await this.context.requireApplication(applicationId);
    const assignmentIds = await this.assignments.idsForApplication(applicationId);
    const events = await this.audit.list({
      entityTypes: ['application', 'assignment'],
      entityIds: [applicationId, ...assignmentIds],
      ...page,
    });
    const actorIds = [...new Set(events.items.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
    const actors = new Map((await this.context.usersByIds(actorIds)).map((u) => [u.id, u.displayName]));
    return {
      total: events.total,
      items: events.items.map((e) => ({
        id: e.id,
        occurredAt: e.occurredAt,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        actor: e.actorId ? { id: e.actorId, displayName: actors.get(e.actorId) ?? '' } : null,
        before: e.before,
        after: e.after,
      })),
    };
  }
}
