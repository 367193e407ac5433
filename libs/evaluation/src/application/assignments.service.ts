import { randomInt } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { ScoringService } from '@app/scoring';
import { NotificationsService } from '@app/notifications';
import { stageAt } from '@app/calls';
import { AuthUser, NotFoundError, Page, Transaction, Transactions } from '@app/platform';
import { nextAssignmentStatus } from '../domain/assignment-lifecycle';
import { PairScore } from '../domain/assignment-network';
import { planAutoAssignment } from '../domain/expertise-plan';
import { conflictOf, conflictedEvaluators } from '../domain/conflicts';
import { Assignment, AssignmentStatus } from '../domain/evaluation';
import {
  ConflictOfInterestError,
  EvaluatorInactiveError,
  NotAssignableError,
  NotOnPanelError,
  NotShortlistedError,
} from '../domain/evaluation.errors';
import { AssignmentsRepository } from '../infrastructure/assignments.repository';
import { ConflictsRepository, PanelRepository } from '../infrastructure/panel.repository';
import { recordAssignmentEvent, stageNamed } from './assignment-audit';
import { assignmentNotices } from './assignment-notices';
import { EvaluationContext } from './evaluation-context';
import { ExpertiseService } from './expertise.service';

export interface AutoAssignmentReport {
  created: number;
  /** Live assignments per panel evaluator after the run. */
  assignmentsPerEvaluator: Record<string, number>;
  unassigned: Array<{ applicationId: string; missing: number }>;
  /** Mean affinity over the stage's live assignments on the panel after the run; null when none. */
  meanAffinity: number | null;
  worstServed: { applicationId: string; meanAffinity: number } | null;
  maxPairProbability: number | null;
  seed: number | null;
  dryRun: boolean;
  /** The new pairs, in a dry run only. */
  proposal: PairScore[] | null;
}

export interface AutoAssignmentRequest {
  /** Randomise with this cap on any pair's probability (0 < q ≤ 1). */
  maxPairProbability?: number;
  /** The draw's seed; generated when absent. */
  seed?: number;
  /** Answer the proposal without writing it. */
  dryRun?: boolean;
}

@Injectable()
export class AssignmentsService {
  constructor(
    private readonly assignments: AssignmentsRepository,
    private readonly panel: PanelRepository,
    private readonly conflicts: ConflictsRepository,
    private readonly context: EvaluationContext,
    private readonly transactions: Transactions,
    private readonly scoring: ScoringService,
    private readonly audit: AuditService,
    private readonly notifications: NotificationsService,
    private readonly expertise: ExpertiseService,
  ) {}

  /**
   * Fills every missing slot of the stage's assignable applications (in a later stage, those its
   * confirmed shortlist advances) from the stage's panel (its own, else the call's) without a
   * conflict, no evaluator above the highest load of the most even filling, with the greatest total
   * affinity between the evaluators' declared expertise and the applications' topics (or, with
   * `maxPairProbability`, one seeded draw under that cap: expertise-plan.ts). Runs of one call are
   * serialised by an advisory lock, so two clicks cannot assign twice; the same facts (and seed)
   * always give the same assignments. A dry run answers them and writes nothing.
   */
  async autoAssign(
    actor: AuthUser,
    callId: string,
    stage = 1,
    request: AutoAssignmentRequest = {},
  ): Promise<AutoAssignmentReport> {
    const call = await this.context.assignableCall(callId);
    const { evaluatorsPerApplication } = stageAt(call, stage);
    const applications = await this.context.assignableApplications(callId, stage);
    const topics = await this.expertise.applicationTopics(
      call,
      applications.map((a) => a.id),
    );
    const randomised = request.maxPairProbability !== undefined;
    const options = randomised
      ? { maxPairProbability: request.maxPairProbability, seed: request.seed ?? randomInt(0, 2 ** 31 - 1) }
      : {};
    // Deactivated evaluators keep their seat and past work but are given nothing new; read before the
    // transaction, which must not wait for a second connection.
    const seated = await this.context.usersByIds(
      (await this.panel.stagePanel(callId, stage)).members.map((m) => m.evaluatorId),
    );
    const inactive = new Set(seated.filter((u) => !u.active).map((u) => u.id));
    return this.transactions.run(async (tx) => {
      await this.assignments.lockCall(tx, callId);
      // One after the other: a transaction is one connection, which runs one query at a time.
      const { members } = await this.panel.stagePanel(callId, stage, tx);
      const live = await this.assignments.liveForCall(callId, tx, stage);
      const declared = await this.conflicts.forCall(callId, tx);
      const declined = await this.assignments.declinedForCall(callId, tx, stage);
      const evaluators = await this.context.evaluatorProfiles(
        members.map((m) => m.evaluatorId).filter((id) => !inactive.has(id)),
        tx,
      );
      // An evaluator that declined an application is not offered it again: its slot goes to someone else.
      const excluded = [...declared, ...declined];
      const conflicted = conflictedEvaluators(evaluators, applications, excluded, call.assignment.excludeSameCountry);
      const assignedTo = new Map<string, string[]>();
      for (const a of live)
        assignedTo.set(a.applicationId, [...(assignedTo.get(a.applicationId) ?? []), a.evaluatorId]);

      // Ordered by what people see, so that the same facts give the same pairs in any database.
      const keys = new Map([
        ...evaluators.map((e) => [e.id, e.email.toLowerCase()] as const),
        ...applications.map((a) => [a.id, a.organisationName.toLowerCase()] as const),
      ]);
      const input = {
        evaluators: evaluators.map((e) => e.id),
        slots: evaluatorsPerApplication,
        applications: applications.map((a) => ({
          id: a.id,
          assigned: assignedTo.get(a.id) ?? [],
          conflicted: [...(conflicted.get(a.id) ?? [])],
        })),
      };
      const affinity = await this.expertise.affinities(callId, input.evaluators, topics, tx);
      const result = planAutoAssignment(input, (id) => keys.get(id) ?? '', affinity, options);
      const report: AutoAssignmentReport = {
        created: result.created.length,
        assignmentsPerEvaluator: Object.fromEntries(result.loads),
        unassigned: result.unassigned,
        meanAffinity: result.report.meanAffinity,
        worstServed: result.report.worstServed,
        maxPairProbability: result.maxPairProbability,
        seed: result.seed,
        dryRun: request.dryRun ?? false,
        proposal: request.dryRun ? result.created : null,
      };
      if (request.dryRun) return report;
      await this.assignments.insertMany(tx, callId, result.created, stage);
      await this.notifications.notify(
        tx,
        assignmentNotices(
          call,
          result.created.map((a) => a.evaluatorId),
        ),
      );
      if (result.created.length > 0) await this.context.startReviewIfClosed(tx, actor.id, call);
      const { meanAffinity, maxPairProbability, seed } = report;
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'assignments.auto_assigned',
        entityType: 'call',
        entityId: callId,
        after: {
          created: report.created,
          unassigned: report.unassigned.length,
          ...stageNamed(stage),
          ...(meanAffinity !== null ? { meanAffinity } : {}),
          ...(seed !== null ? { seed, maxPairProbability } : {}),
        },
      });
      return report;
    });
  }

  /**
   * Assigns one evaluator of the stage's panel by hand, in a stage (1 unless given); refused on any
   * conflict, declared or automatic, and in a later stage for an application its confirmed shortlist
   * does not advance.
   */
  async assign(
    actor: AuthUser,
    callId: string,
    applicationId: string,
    evaluatorId: string,
    stage = 1,
  ): Promise<Assignment> {
    const call = await this.context.assignableCall(callId);
    stageAt(call, stage);
    const application = await this.context.applicationProfile(callId, applicationId);
    const assignable = await this.context.assignableApplications(callId, stage);
    if (!assignable.some((a) => a.id === applicationId)) {
      throw stage === 1 ? new NotAssignableError() : new NotShortlistedError(stage);
    }
    const [user] = await this.context.usersByIds([evaluatorId]);
    if (user && !user.active) throw new EvaluatorInactiveError([evaluatorId]);
    const id = await this.transactions.run(async (tx) => {
      await this.assignments.lockCall(tx, callId);
      if (!(await this.panel.isStageMember(callId, stage, evaluatorId, tx))) throw new NotOnPanelError(stage);
      const [evaluator] = await this.context.evaluatorProfiles([evaluatorId], tx);
      const declared = await this.conflicts.exists(evaluatorId, applicationId, tx);
      const conflict = conflictOf(evaluator, application, declared, call.assignment.excludeSameCountry);
      if (conflict) throw new ConflictOfInterestError(conflict);
      const assignmentId = await this.assignments.insertOne(tx, callId, applicationId, evaluatorId, stage);
      await this.notifications.notify(tx, assignmentNotices(call, [evaluatorId]));
      await this.context.startReviewIfClosed(tx, actor.id, call);
      await recordAssignmentEvent(this.audit, tx, actor, {
        action: 'assignment.created',
        assignmentId,
        after: { applicationId, evaluatorId, ...stageNamed(stage) },
      });
      return assignmentId;
    });
    return this.require(id);
  }

  /** The evaluator gives the slot back, with a reason; the secretariat can then reassign it. */
  async decline(actor: AuthUser, id: string, reason: string): Promise<Assignment> {
    return this.end(actor, id, 'decline', reason, (a) => a.evaluatorId === actor.id);
  }

  /** The secretariat frees a slot, even a submitted one (its evaluation then no longer counts). */
  async release(actor: AuthUser, id: string, reason: string): Promise<Assignment> {
    return this.end(actor, id, 'release', reason, () => true);
  }

  async listMine(
    actor: AuthUser,
    filter: { callId?: string; limit: number; offset: number },
  ): Promise<Page<Assignment>> {
    return this.assignments.listForEvaluator(actor.id, filter);
  }

  /** A page of a call's assignments with who applied, for the secretariat. */
  async listForCall(
    callId: string,
    filter: { evaluatorId?: string; status?: AssignmentStatus[]; limit: number; offset: number },
  ): Promise<Page<Assignment & { organisationName: string }>> {
    await this.context.call(callId);
    const page = await this.assignments.listForCall(callId, { ...filter, statuses: filter.status });
    const organisations = await this.context.applicantOrganisations(page.items.map((a) => a.applicationId));
    return {
      total: page.total,
      items: page.items.map((a) => ({ ...a, organisationName: organisations.get(a.applicationId)?.name ?? '' })),
    };
  }

  /** The evaluator's own assignment; anyone else's is not found. */
  async getOwn(actor: AuthUser, id: string, tx?: Transaction): Promise<Assignment> {
    const assignment = await this.assignments.findById(id, tx);
    if (!assignment || assignment.evaluatorId !== actor.id) throw new NotFoundError('Assignment');
    return assignment;
  }

  private async end(
    actor: AuthUser,
    id: string,
    action: 'decline' | 'release',
    reason: string,
    allowed: (assignment: Assignment) => boolean,
  ): Promise<Assignment> {
    await this.transactions.run(async (tx) => {
      const assignment = await this.assignments.lockById(tx, id);
      if (!assignment || !allowed(assignment)) throw new NotFoundError('Assignment');
      await this.context.openCall(assignment.callId, tx);
      const status = nextAssignmentStatus(assignment.status, action);
      // A freed slot holds no submission (the table enforces it); the audit event keeps when it was.
      await this.assignments.update(tx, id, { status, endReason: reason, submittedAt: null });
      // A submitted evaluation stops counting: the call's scores must be recomputed.
      if (assignment.status === 'submitted') await this.scoring.requestRescore(tx, assignment.callId);
      const before = { status: assignment.status, submittedAt: assignment.submittedAt?.toISOString() ?? null };
      await recordAssignmentEvent(this.audit, tx, actor, {
        action: `assignment.${status}`,
        assignmentId: id,
        after: { reason },
        before,
      });
    });
    return this.require(id);
  }

  private async require(id: string): Promise<Assignment> {
    const assignment = await this.assignments.findById(id);
    if (!assignment) throw new NotFoundError('Assignment');
    return assignment;
  }
}
