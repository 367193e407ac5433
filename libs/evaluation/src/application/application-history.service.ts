import { Injectable } from '@nestjs/common';
import { AuditService, HistoryEntry } from '@app/audit';
import { Page, PageQuery } from '@app/platform';
import { AssignmentsRepository } from '../infrastructure/assignments.repository';
import { EvaluationContext } from './evaluation-context';

/** One change made to an application or to one of its assignments (and the evaluation it carries). */
export type ApplicationHistoryEntry = HistoryEntry;

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
    return this.audit.history(
      { entityTypes: ['application', 'assignment'], entityIds: [applicationId, ...assignmentIds], ...page },
      (ids) => this.context.usersByIds(ids),
    );
  }
}
