import { Injectable } from '@nestjs/common';
import { Page, PageQuery, Transaction, Transactions, isUniqueViolation } from '@app/platform';
import { Assignment, AssignmentStatus, CriterionScore, Evaluation, LIVE_STATUSES } from '../domain/evaluation';
import { AlreadyAssignedError } from '../domain/evaluation.errors';
import { AssignmentEntity, CriterionScoreEntity } from './evaluation.entities';

export type AssignmentChange = Partial<Pick<Assignment, 'status' | 'endReason' | 'overallComment' | 'submittedAt'>>;

@Injectable()
export class AssignmentsRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * Serialises, until the transaction ends, everything that decides who may evaluate what in a call:
   * automatic and manual assignment, and conflict declarations (which release live assignments).
   */
  async lockCall(tx: Transaction, callId: string): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`assignments:${callId}`]);
  }

  /** Inserts many assignments in one statement (arrays unnested by PostgreSQL, no parameter limit). */
  async insertMany(tx: Transaction, callId: string, pairs: Array<{ applicationId: string; evaluatorId: string }>) {
    if (pairs.length === 0) return;
    try {
      await tx.query(
        `INSERT INTO assignments (call_id, application_id, evaluator_id)
         SELECT $1, a, e FROM unnest($2::uuid[], $3::uuid[]) AS pair(a, e)`,
        [callId, pairs.map((p) => p.applicationId), pairs.map((p) => p.evaluatorId)],
      );
    } catch (error) {
      if (isUniqueViolation(error, 'assignments_live_key')) throw new AlreadyAssignedError();
      throw error;
    }
  }

  async insertOne(tx: Transaction, callId: string, applicationId: string, evaluatorId: string): Promise<string> {
    await this.insertMany(tx, callId, [{ applicationId, evaluatorId }]);
    const row = await tx.findOneOrFail(AssignmentEntity, {
      where: { applicationId, evaluatorId, status: 'assigned' },
      order: { createdAt: 'DESC' },
    });
    return row.id;
  }

  /** The slots held in a call: who evaluates what. */
  async liveForCall(callId: string, tx: Transaction = this.transactions.autocommit): Promise<Assignment[]> {
    return tx
      .createQueryBuilder(AssignmentEntity, 'a')
      .where('a.call_id = :callId AND a.status IN (:...live)', { callId, live: LIVE_STATUSES })
      .orderBy('a.application_id')
      .addOrderBy('a.evaluator_id')
      .getMany();
  }

  /** Who declined which application in a call (declining is final for that pair). */
  async declinedForCall(
    callId: string,
    tx: Transaction = this.transactions.autocommit,
  ): Promise<Array<{ applicationId: string; evaluatorId: string }>> {
    return tx
      .createQueryBuilder(AssignmentEntity, 'a')
      .select(['a.applicationId', 'a.evaluatorId'])
      .where(`a.call_id = :callId AND a.status = 'declined'`, { callId })
      .getMany();
  }

  async findById(id: string, tx: Transaction = this.transactions.autocommit): Promise<Assignment | null> {
    return tx.findOneBy(AssignmentEntity, { id });
  }

  async lockById(tx: Transaction, id: string): Promise<Assignment | null> {
    return tx.findOne(AssignmentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  async findLive(
    evaluatorId: string,
    applicationId: string,
    tx: Transaction = this.transactions.autocommit,
  ): Promise<Assignment | null> {
    return tx
      .createQueryBuilder(AssignmentEntity, 'a')
      .where('a.evaluator_id = :evaluatorId AND a.application_id = :applicationId', { evaluatorId, applicationId })
      .andWhere('a.status IN (:...live)', { live: LIVE_STATUSES })
      .getOne();
  }

  async update(tx: Transaction, id: string, change: AssignmentChange): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(AssignmentEntity)
      .set({ ...change, updatedAt: () => 'now()' })
      .where('id = :id', { id })
      .execute();
  }

  async replaceScores(tx: Transaction, assignmentId: string, scores: CriterionScore[]): Promise<void> {
    await tx.delete(CriterionScoreEntity, { assignmentId });
    if (scores.length === 0) return;
    await tx.insert(
      CriterionScoreEntity,
      scores.map((s) => ({ assignmentId, criterionCode: s.criterionCode, score: s.score, comment: s.comment ?? null })),
    );
  }

  async scoresOf(assignmentIds: string[], tx: Transaction = this.transactions.autocommit): Promise<CriterionScoreEntity[]> {
    if (assignmentIds.length === 0) return [];
    return tx
      .createQueryBuilder(CriterionScoreEntity, 's')
      .where('s.assignment_id = ANY(CAST(:ids AS uuid[]))', { ids: assignmentIds })
      .orderBy('s.criterion_code')
      .getMany();
  }

  async listForEvaluator(
    evaluatorId: string,
    filter: { callId?: string; limit: number; offset: number },
  ): Promise<Page<Assignment>> {
    const query = this.transactions.autocommit
      .createQueryBuilder(AssignmentEntity, 'a')
      .where('a.evaluator_id = :evaluatorId AND a.status IN (:...live)', { evaluatorId, live: LIVE_STATUSES })
      .orderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .take(filter.limit)
      .skip(filter.offset);
    if (filter.callId) query.andWhere('a.call_id = :callId', { callId: filter.callId });
    const [items, total] = await query.getManyAndCount();
    return { items, total };
  }

  /** A page of the live assignments of an application with their scores, optionally only submitted ones. */
  async evaluationsOf(
    applicationId: string,
    statuses: readonly AssignmentStatus[],
    page: PageQuery,
  ): Promise<Page<Evaluation>> {
    const [assignments, total] = await this.transactions.autocommit
      .createQueryBuilder(AssignmentEntity, 'a')
      .where('a.application_id = :applicationId AND a.status IN (:...statuses)', { applicationId, statuses })
      .orderBy('a.submitted_at', 'ASC', 'NULLS LAST')
      .addOrderBy('a.id', 'ASC')
      .take(page.limit)
      .skip(page.offset)
      .getManyAndCount();
    return { items: await this.withScores(assignments), total };
  }

  async evaluation(assignmentId: string): Promise<Evaluation | null> {
    const assignment = await this.findById(assignmentId);
    return assignment ? (await this.withScores([assignment]))[0] : null;
  }

  private async withScores(assignments: Assignment[]): Promise<Evaluation[]> {
    const scores = await this.scoresOf(assignments.map((a) => a.id));
    return assignments.map((a) => ({
      ...a,
      scores: scores
        .filter((s) => s.assignmentId === a.id)
        .map((s) => ({ criterionCode: s.criterionCode, score: s.score, ...(s.comment ? { comment: s.comment } : {}) })),
    }));
  }
}
