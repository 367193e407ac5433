import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { NotificationsService } from '@app/notifications';
import { stageAt } from '@app/calls';
import { ScoringService } from '@app/scoring';
import {
  AuthUser,
  NotFoundError,
  Page,
  PageQuery,
  Transaction,
  Transactions,
  ValidationError,
  databaseNow,
  isStaff,
} from '@app/platform';
import { nextAssignmentStatus } from '../domain/assignment-lifecycle';
import { Confidence, CriterionScore, Evaluation, LIVE_STATUSES } from '../domain/evaluation';
import { EvaluationsHiddenError, IncompleteEvaluationError } from '../domain/evaluation.errors';
import { missingScores, scoreErrors } from '../domain/evaluation.rules';
import { AssignmentWithForm, AssignmentsRepository } from '../infrastructure/assignments.repository';
import { recordAssignmentEvent } from './assignment-audit';
import { reopenedNotice } from './assignment-notices';
import { EvaluationContext, assertEvaluationsOpen } from './evaluation-context';

/** An application whose evaluations are about to be reopened, with the name its evaluators know it by. */
export interface ApplicationToReopen {
  applicationId: string;
  nameForEvaluators: string;
}

@Injectable()
export class EvaluationsService {
  constructor(
    private readonly assignments: AssignmentsRepository,
    private readonly context: EvaluationContext,
    private readonly transactions: Transactions,
    private readonly scoring: ScoringService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Saves the evaluator's draft, replacing the last one: any subset of the criteria, each an integer
   * within the scale of the assignment's stage, and optionally how confident the evaluator is.
   */
  async saveDraft(
    actor: AuthUser,
    assignmentId: string,
    input: { scores: CriterionScore[]; overallComment?: string; confidence?: Confidence },
  ): Promise<Evaluation> {
    return this.transactions.run(async (tx) => {
      const { assignment, form } = await this.lockOwn(tx, actor, assignmentId);
      const status = nextAssignmentStatus(assignment.status, 'saveDraft');
      const { criteria, scoring } = stageAt(form, assignment.stage);
      const errors = scoreErrors(criteria, scoring, input.scores);
      if (errors.length > 0) throw new ValidationError(errors);
      const saved = await this.assignments.saveScores(
        tx,
        assignmentId,
        { status, overallComment: input.overallComment ?? null, confidence: input.confidence ?? null },
        input.scores,
      );
      await recordAssignmentEvent(this.audit, tx, actor, {
        action: 'evaluation.saved',
        assignmentId,
        after: { scores: input.scores.length, confidence: input.confidence ?? null },
      });
      return saved;
    });
  }

  /** Submits a complete evaluation; repeating it (before publication) answers the same result. */
  async submit(actor: AuthUser, assignmentId: string): Promise<Evaluation> {
    await this.transactions.run(async (tx) => {
      // The call checked first: after publication even a repeated submission is refused, like every write.
      const { assignment, form } = await this.lockOwn(tx, actor, assignmentId);
      if (assignment.status === 'submitted') return;
      const status = nextAssignmentStatus(assignment.status, 'submit');
      const scores = await this.assignments.scoresOf([assignmentId], tx);
      const missing = missingScores(stageAt(form, assignment.stage).criteria, scores);
      if (missing.length > 0) throw new IncompleteEvaluationError(missing);
      const now = await databaseNow(tx);
      await this.assignments.update(tx, assignmentId, { status, submittedAt: now });
      await this.scoring.requestRescore(tx, assignment.callId);
      await recordAssignmentEvent(this.audit, tx, actor, {
        action: 'evaluation.submitted',
        assignmentId,
        after: { submittedAt: now.toISOString() },
      });
    });
    return this.evaluation(assignmentId);
  }

  /**
   * The secretariat sends a submitted evaluation back to its evaluator as a draft, saying why; the
   * evaluator is told, and the call is rescored (the evaluation stops counting until submitted again).
   */
  async reopen(actor: AuthUser, assignmentId: string, reason?: string): Promise<Evaluation> {
    const found = await this.assignments.findById(assignmentId);
    if (!found) throw new NotFoundError('Assignment');
    const application = await this.reopeningOf(found.applicationId);
    await this.transactions.run((tx) => this.reopenWithin(tx, actor, application, [assignmentId], reason));
    return this.evaluation(assignmentId);
  }

  /**
   * What reopening an application's evaluations reads first: the name its evaluators know it by.
   * Read before the transaction, which must not wait for a second connection; an assignment's
   * application never changes.
   */
  async reopeningOf(applicationId: string): Promise<ApplicationToReopen> {
    return { applicationId, nameForEvaluators: await this.context.nameForEvaluators(applicationId) };
  }

  /**
   * Reopens evaluations of one application in the caller's transaction, so that a step built on them
   * (a moderator's revisit) commits with them or not at all: each evaluator is told why, each
   * reopening audited, the call rescored.
   */
  async reopenWithin(
    tx: Transaction,
    actor: AuthUser,
    application: ApplicationToReopen,
    assignmentIds: string[],
    reason?: string,
  ): Promise<void> {
    for (const assignmentId of assignmentIds) {
      const assignment = await this.assignments.lockById(tx, assignmentId);
      if (!assignment || assignment.applicationId !== application.applicationId) throw new NotFoundError('Assignment');
      const call = await this.context.openCall(assignment.callId, tx);
      const status = nextAssignmentStatus(assignment.status, 'reopen');
      await this.assignments.update(tx, assignmentId, { status, submittedAt: null });
      await this.scoring.requestRescore(tx, assignment.callId);
      await this.notifications.notify(tx, [
        reopenedNotice(assignment.evaluatorId, call, application.nameForEvaluators, reason),
      ]);
      await recordAssignmentEvent(this.audit, tx, actor, {
        action: 'evaluation.reopened',
        assignmentId,
        after: { status, ...(reason ? { reason } : {}) },
        before: { status: assignment.status, submittedAt: assignment.submittedAt?.toISOString() ?? null },
      });
    }
  }

  /**
   * The secretariat reads every live evaluation; an evaluator reads the submitted ones of a review stage
   * only once its own of that stage is submitted (evaluating the application in stage 1 opens nothing of
   * stage 2); nobody else learns who evaluated.
   */
  async listForApplication(actor: AuthUser, applicationId: string, page: PageQuery): Promise<Page<Evaluation>> {
    if (isStaff(actor)) {
      await this.context.requireApplication(applicationId);
      return this.assignments.evaluationsOf(applicationId, LIVE_STATUSES, page);
    }
    const own = await this.assignments.liveOf(actor.id, applicationId);
    if (own.length === 0) throw new NotFoundError('Application');
    const stages = own.filter((assignment) => assignment.status === 'submitted').map((assignment) => assignment.stage);
    if (stages.length === 0) throw new EvaluationsHiddenError();
    return this.assignments.evaluationsOf(applicationId, ['submitted'], page, stages);
  }

  /** The evaluator's own evaluation of an assignment. */
  async getOwn(actor: AuthUser, assignmentId: string): Promise<Evaluation> {
    const evaluation = await this.evaluation(assignmentId);
    if (evaluation.evaluatorId !== actor.id && !isStaff(actor)) throw new NotFoundError('Assignment');
    return evaluation;
  }

  /** The caller's own assignment, locked, with the form of its call, which must not be published. */
  private async lockOwn(tx: Transaction, actor: AuthUser, assignmentId: string): Promise<AssignmentWithForm> {
    const locked = await this.assignments.lockWithForm(tx, assignmentId);
    if (!locked || locked.assignment.evaluatorId !== actor.id) throw new NotFoundError('Assignment');
    assertEvaluationsOpen(locked.form);
    return locked;
  }

  private async evaluation(assignmentId: string): Promise<Evaluation> {
    const evaluation = await this.assignments.evaluation(assignmentId);
    if (!evaluation) throw new NotFoundError('Assignment');
    return evaluation;
  }
}
