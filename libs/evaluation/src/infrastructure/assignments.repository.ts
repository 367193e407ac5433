import { Injectable } from '@nestjs/common';
import type { EvaluationForm } from '@app/calls';
import { Page, PageQuery, Transaction, Transactions, isUniqueViolation } from '@app/platform';
import {
  Assignment,
  AssignmentStatus,
  Confidence,
  CriterionScore,
  Evaluation,
  LIVE_STATUSES,
} from '../domain/evaluation';
import { AlreadyAssignedError } from '../domain/evaluation.errors';
import { AssignmentEntity, CriterionScoreEntity } from './evaluation.entities';

/** The columns of assignment row `a` shaped as an `Assignment`, for statements that answer the row they read or write. */
const ASSIGNMENT_COLUMNS = `a.id, a.call_id AS "callId", a.stage, a.application_id AS "applicationId",
  a.evaluator_id AS "evaluatorId", a.status, a.end_reason AS "endReason", a.overall_comment AS "overallComment",
  a.confidence, a.affinity, a.submitted_at AS "submittedAt", a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

/** An assignment locked for a change of its evaluation, with what the evaluation is checked against. */
export interface AssignmentWithForm {
  assignment: Assignment;
  form: EvaluationForm;
}

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

  /**
   * Inserts many assignments in one statement (arrays unnested by PostgreSQL, no parameter limit),
   * each in its pair's stage or else `stage`, with its affinity if the automatic assignment gave one;
   * answers the new ids with their pairs.
   */
  async insertMany(
    tx: Transaction,
    callId: string,
    pairs: Array<{ applicationId: string; evaluatorId: string; stage?: number; affinity?: number }>,
    stage = 1,
  ): Promise<Array<{ id: string; applicationId: string; evaluatorId: string }>> {
    if (pairs.length === 0) return [];
    try {
      return (await tx.query(
        `INSERT INTO assignments (call_id, stage, application_id, evaluator_id, affinity)
         SELECT $1, s, a, e, f FROM unnest($2::uuid[], $3::uuid[], $4::int[], $5::float8[]) AS pair(a, e, s, f)
         RETURNING id, application_id AS "applicationId", evaluator_id AS "evaluatorId"`,
        [
          callId,
          pairs.map((p) => p.applicationId),
          pairs.map((p) => p.evaluatorId),
          pairs.map((p) => p.stage ?? stage),
          pairs.map((p) => p.affinity ?? null),
        ],
      )) as Array<{ id: string; applicationId: string; evaluatorId: string }>;
    } catch (error) {
      if (isUniqueViolation(error, 'assignments_live_key')) throw new AlreadyAssignedError();
      throw error;
    }
  }

  async insertOne(tx: Transaction, callId: string, applicationId: string, evaluatorId: string, stage = 1) {
    const [row] = await this.insertMany(tx, callId, [{ applicationId, evaluatorId }], stage);
    return row.id;
  }

  /** The slots held in a stage of a call (stage 1 unless given): who evaluates what. */
  async liveForCall(callId: string, tx: Transaction = this.transactions.autocommit, stage = 1): Promise<Assignment[]> {
    return tx
      .createQueryBuilder(AssignmentEntity, 'a')
      .where('a.call_id = :callId AND a.stage = :stage AND a.status IN (:...live)', {
        callId,
        stage,
        live: LIVE_STATUSES,
      })
      .orderBy('a.application_id')
      .addOrderBy('a.evaluator_id')
      .getMany();
  }

  /** How many live assignments each evaluator holds in a stage of a call (evaluators without any left out). */
  async liveLoads(callId: string, stage: number): Promise<Map<string, number>> {
    const rows = (await this.transactions.autocommit.query(
      `SELECT evaluator_id AS "evaluatorId", count(*)::int AS load FROM assignments
        WHERE call_id = $1 AND stage = $2 AND status = ANY($3::text[]) GROUP BY evaluator_id`,
      [callId, stage, LIVE_STATUSES],
    )) as Array<{ evaluatorId: string; load: number }>;
    return new Map(rows.map((row) => [row.evaluatorId, row.load]));
  }

  /** Whether the evaluator holds a live assignment of the call in any of the stages. */
  async holdsLive(tx: Transaction, callId: string, evaluatorId: string, stages: readonly number[]): Promise<boolean> {
    const [row] = (await tx.query(
      `SELECT EXISTS (SELECT 1 FROM assignments WHERE call_id = $1 AND evaluator_id = $2
                        AND stage = ANY($3::int[]) AND status = ANY($4::text[])) AS holds`,
      [callId, evaluatorId, stages, LIVE_STATUSES],
    )) as Array<{ holds: boolean }>;
    return row.holds;
  }

  /** Who declined which application in a stage of a call (declining is final for that pair and stage). */
  async declinedForCall(
    callId: string,
    tx: Transaction = this.transactions.autocommit,
    stage = 1,
  ): Promise<Array<{ applicationId: string; evaluatorId: string }>> {
    return tx
      .createQueryBuilder(AssignmentEntity, 'a')
      .select(['a.applicationId', 'a.evaluatorId'])
      .where(`a.call_id = :callId AND a.stage = :stage AND a.status = 'declined'`, { callId, stage })
      .getMany();
  }

  /** Every assignment an application ever had, freed ones included. */
  async idsForApplication(applicationId: string): Promise<string[]> {
    const rows = await this.transactions.autocommit
      .createQueryBuilder(AssignmentEntity, 'a')
      .select('a.id')
      .where('a.application_id = :applicationId', { applicationId })
      .getMany();
    return rows.map((row) => row.id);
  }

  async findById(id: string, tx: Transaction = this.transactions.autocommit): Promise<Assignment | null> {
    return tx.findOneBy(AssignmentEntity, { id });
  }

  async lockById(tx: Transaction, id: string): Promise<Assignment | null> {
    return tx.findOne(AssignmentEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Locks the assignment until the transaction ends, and share-locks its call, read as the form its
   * evaluation is checked against (so that a publication, which locks the call exclusively, cannot
   * pass a change in flight): one statement.
   */
  async lockWithForm(tx: Transaction, id: string): Promise<AssignmentWithForm | null> {
    const rows: Array<Assignment & { form: EvaluationForm }> = await tx.query(
      `SELECT ${ASSIGNMENT_COLUMNS}, json_build_object('status', f.status, 'stages', f.stages) AS form
       FROM assignments a JOIN calls_evaluation_forms f ON f.call_id = a.call_id
       WHERE a.id = $1
       FOR UPDATE OF a FOR SHARE OF f`,
      [id],
    );
    if (!rows[0]) return null;
    const { form, ...assignment } = rows[0];
    return { assignment, form };
  }

  /** Locks the given assignments of a call (the others are left out), in id order. */
  async lockMany(tx: Transaction, callId: string, ids: string[]): Promise<Assignment[]> {
    return tx
      .createQueryBuilder(AssignmentEntity, 'a')
      .where('a.call_id = :callId AND a.id = ANY(CAST(:ids AS uuid[]))', { callId, ids })
      .orderBy('a.id')
      .setLock('pessimistic_write')
      .getMany();
  }

  /** Frees many slots at once, with the same reason. */
  async endMany(tx: Transaction, ids: string[], status: AssignmentStatus, endReason: string): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(AssignmentEntity)
      .set({ status, endReason, submittedAt: null, updatedAt: () => 'now()' })
      .where('id = ANY(CAST(:ids AS uuid[]))', { ids })
      .execute();
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

  /** The evaluator's live assignments of the application, one per review stage it evaluates in. */
  async liveOf(evaluatorId: string, applicationId: string): Promise<Assignment[]> {
    return this.transactions.autocommit
      .createQueryBuilder(AssignmentEntity, 'a')
      .where('a.evaluator_id = :evaluatorId AND a.application_id = :applicationId', { evaluatorId, applicationId })
      .andWhere('a.status IN (:...live)', { live: LIVE_STATUSES })
      .getMany();
  }

  async update(tx: Transaction, id: string, change: AssignmentChange): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(AssignmentEntity)
      .set({ ...change, updatedAt: () => 'now()' })
      .where('id = :id', { id })
      .execute();
  }

  /**
   * Replaces an assignment's scores (those no longer given are deleted, the others written over)
   * and sets its status, overall comment and confidence, in one statement; answers the evaluation as written,
   * its scores in the order `scoresOf` reads them. The scores must name distinct criteria.
   */
  async saveScores(
    tx: Transaction,
    assignmentId: string,
    change: { status: AssignmentStatus; overallComment: string | null; confidence: Confidence | null },
    scores: CriterionScore[],
  ): Promise<Evaluation> {
    const [rows] = (await tx.query(
      `WITH given AS (
         SELECT code, score, comment FROM unnest($4::text[], $5::int[], $6::text[]) AS s(code, score, comment)
       ), removed AS (
         DELETE FROM criterion_scores WHERE assignment_id = $1 AND criterion_code NOT IN (SELECT code FROM given)
       ), written AS (
         INSERT INTO criterion_scores (assignment_id, criterion_code, score, comment)
         SELECT $1, code, score, comment FROM given
         ON CONFLICT (assignment_id, criterion_code) DO UPDATE SET score = EXCLUDED.score, comment = EXCLUDED.comment
       )
       UPDATE assignments a SET status = $2, overall_comment = $3, confidence = $7, updated_at = now() WHERE a.id = $1
       RETURNING ${ASSIGNMENT_COLUMNS},
         (SELECT coalesce(json_agg(json_strip_nulls(json_build_object(
                   'criterionCode', code, 'score', score, 'comment', nullif(comment, '')))
                 ORDER BY code), '[]')
          FROM given) AS scores`,
      [
        assignmentId,
        change.status,
        change.overallComment,
        scores.map((s) => s.criterionCode),
        scores.map((s) => s.score),
        scores.map((s) => s.comment ?? null),
        change.confidence,
      ],
    )) as [Evaluation[], number];
    return rows[0];
  }

  async scoresOf(
    assignmentIds: string[],
    tx: Transaction = this.transactions.autocommit,
  ): Promise<CriterionScoreEntity[]> {
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

  /** A page of a call's assignments, optionally of one evaluator and in given statuses, oldest first. */
  async listForCall(
    callId: string,
    filter: { evaluatorId?: string; statuses?: readonly AssignmentStatus[]; limit: number; offset: number },
  ): Promise<Page<Assignment>> {
    const query = this.transactions.autocommit
      .createQueryBuilder(AssignmentEntity, 'a')
      .where('a.call_id = :callId', { callId })
      .orderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .take(filter.limit)
      .skip(filter.offset);
    if (filter.evaluatorId) query.andWhere('a.evaluator_id = :evaluatorId', { evaluatorId: filter.evaluatorId });
    if (filter.statuses?.length) query.andWhere('a.status IN (:...statuses)', { statuses: filter.statuses });
    const [items, total] = await query.getManyAndCount();
    return { items, total };
  }

  /** A page of the live assignments of an application with their scores, in the given statuses and, if given, review stages. */
  async evaluationsOf(
    applicationId: string,
    statuses: readonly AssignmentStatus[],
    page: PageQuery,
    stages?: readonly number[],
  ): Promise<Page<Evaluation>> {
    const query = this.transactions.autocommit
      .createQueryBuilder(AssignmentEntity, 'a')
      .where('a.application_id = :applicationId AND a.status IN (:...statuses)', { applicationId, statuses });
    if (stages) query.andWhere('a.stage = ANY(:stages)', { stages });
    const [assignments, total] = await query
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
