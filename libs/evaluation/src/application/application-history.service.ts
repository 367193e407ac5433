import { Injectable } from '@nestjs/common';
import { AuditService, HistoryEntry } from '@app/audit';
import { DiscussionService } from '@app/discussion';
import { Page, PageQuery } from '@app/platform';
import { AssignmentsRepository } from '../infrastructure/assignments.repository';
import { EvaluationContext } from './evaluation-context';

/** One change made to an application or to one of its assignments (and the evaluation it carries). */
export type ApplicationHistoryEntry = HistoryEntry;

/**
 * An application's audit trail as the secretariat reads it: the application's own events, those of
 * every assignment it ever had (evaluation knows both) and those of its discussion's posts (who
 * posted or edited, when, whom it mentioned; never the text, which the thread keeps with its versions
 * for those who may read it), oldest first, a page at a time.
 */
@Injectable()
export class ApplicationHistoryService {
  constructor(
    private readonly assignments: AssignmentsRepository,
    private readonly context: EvaluationContext,
    private readonly audit: AuditService,
    private readonly discussion: DiscussionService,
  ) {}

  async history(applicationId: string, page: PageQuery): Promise<Page<ApplicationHistoryEntry>> {
    await this.context.requireApplication(applicationId);
    const [assignmentIds, postIds] = await Promise.all([
      this.assignments.idsForApplication(applicationId),
      this.discussion.postIdsOf(applicationId),
    ]);
    return this.audit.history(
      {
        entityTypes: ['application', 'assignment', 'discussion_post'],
        entityIds: [applicationId, ...assignmentIds, ...postIds],
        ...page,
      },
      (ids) => this.context.usersByIds(ids),
    );
  }
}
