import { Injectable } from '@nestjs/common';
import { Page, PageQuery, Sort, Transaction, Transactions } from '@app/platform';
import { ConflictEntity, PanelMemberEntity } from './evaluation.entities';

/**
 * The panel of stage $2 of call $1 (columns evaluator_id, added_at, own): the stage's own members when
 * it names any, else the call's panel (stage 1's always: a stage's own panel starts at stage 2).
 */
export const STAGE_PANEL_SQL = `
  SELECT evaluator_id, added_at, true AS own FROM stage_panel_members WHERE call_id = $1 AND stage = $2
  UNION ALL
  SELECT evaluator_id, added_at, false AS own FROM panel_members
   WHERE call_id = $1 AND NOT EXISTS (SELECT 1 FROM stage_panel_members WHERE call_id = $1 AND stage = $2)`;

export interface PanelSeat {
  evaluatorId: string;
  addedAt: Date;
}

/** A stage's panel: its members, and whether they are the stage's own or the call's. */
export interface StagePanel {
  own: boolean;
  members: PanelSeat[];
}

@Injectable()
export class PanelRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Adds members to the call's panel; those already on it stay as they are. */
  async add(tx: Transaction, callId: string, evaluatorIds: string[]): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(PanelMemberEntity)
      .values(evaluatorIds.map((evaluatorId) => ({ callId, evaluatorId })))
      .orIgnore()
      .execute();
  }

  /** Adds members to a later stage's own panel; those already on it stay as they are. */
  async addToStage(tx: Transaction, callId: string, stage: number, evaluatorIds: string[]): Promise<void> {
    await tx.query(
      `INSERT INTO stage_panel_members (call_id, stage, evaluator_id)
       SELECT $1, $2, id FROM unnest($3::uuid[]) id
       ON CONFLICT DO NOTHING`,
      [callId, stage, evaluatorIds],
    );
  }

  /** The call's panel. */
  async members(callId: string, tx: Transaction = this.transactions.autocommit): Promise<PanelMemberEntity[]> {
    return tx.find(PanelMemberEntity, { where: { callId }, order: { addedAt: 'ASC', evaluatorId: 'ASC' } });
  }

  /** The panel a stage assigns from, in the order its members joined. */
  async stagePanel(callId: string, stage: number, tx: Transaction = this.transactions.autocommit): Promise<StagePanel> {
    const rows = (await tx.query(
      `SELECT evaluator_id AS "evaluatorId", added_at AS "addedAt", own FROM (${STAGE_PANEL_SQL}) p
       ORDER BY added_at, evaluator_id`,
      [callId, stage],
    )) as Array<PanelSeat & { own: boolean }>;
    return {
      own: rows.some((row) => row.own),
      members: rows.map(({ evaluatorId, addedAt }) => ({ evaluatorId, addedAt })),
    };
  }

  /** The later stages of the call that name a panel of their own. */
  async stagesWithOwnPanel(callId: string, tx: Transaction = this.transactions.autocommit): Promise<Set<number>> {
    const rows = (await tx.query(`SELECT DISTINCT stage FROM stage_panel_members WHERE call_id = $1`, [
      callId,
    ])) as Array<{ stage: number }>;
    return new Set(rows.map((row) => row.stage));
  }

  /** On any panel of the call: the call's, or a stage's own. */
  async isMember(
    callId: string,
    evaluatorId: string,
    tx: Transaction = this.transactions.autocommit,
  ): Promise<boolean> {
    const [row] = (await tx.query(
      `SELECT EXISTS (SELECT 1 FROM panel_members WHERE call_id = $1 AND evaluator_id = $2)
           OR EXISTS (SELECT 1 FROM stage_panel_members WHERE call_id = $1 AND evaluator_id = $2) AS member`,
      [callId, evaluatorId],
    )) as Array<{ member: boolean }>;
    return row.member;
  }

  /** On the panel the stage assigns from. */
  async isStageMember(
    callId: string,
    stage: number,
    evaluatorId: string,
    tx: Transaction = this.transactions.autocommit,
  ): Promise<boolean> {
    const [row] = (await tx.query(
      `SELECT EXISTS (SELECT 1 FROM (${STAGE_PANEL_SQL}) p WHERE p.evaluator_id = $3) AS member`,
      [callId, stage, evaluatorId],
    )) as Array<{ member: boolean }>;
    return row.member;
  }

  /** Takes an evaluator off the call's panel. */
  async remove(tx: Transaction, callId: string, evaluatorId: string): Promise<boolean> {
    const result = await tx.delete(PanelMemberEntity, { callId, evaluatorId });
    return (result.affected ?? 0) > 0;
  }

  /** Takes an evaluator off a later stage's own panel. */
  async removeFromStage(tx: Transaction, callId: string, stage: number, evaluatorId: string): Promise<boolean> {
    // A DELETE answers [rows, affected].
    const [, affected] = (await tx.query(
      `DELETE FROM stage_panel_members WHERE call_id = $1 AND stage = $2 AND evaluator_id = $3`,
      [callId, stage, evaluatorId],
    )) as [unknown[], number];
    return affected > 0;
  }
}

/** What a call's list of conflicts sorts by; the oldest first is the default and breaks every tie. */
export const CONFLICT_SORT_KEYS = ['createdAt', 'source'] as const;
export type ConflictSortKey = (typeof CONFLICT_SORT_KEYS)[number];

export interface ConflictListQuery extends PageQuery {
  sort?: Sort<ConflictSortKey>;
}

@Injectable()
export class ConflictsRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Records a declared conflict; declaring the same one again keeps the first. Returns it. */
  async declare(
    tx: Transaction,
    conflict: Pick<ConflictEntity, 'callId' | 'evaluatorId' | 'applicationId' | 'reason' | 'declaredBy'>,
  ): Promise<ConflictEntity> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(ConflictEntity)
      .values({ ...conflict, source: 'declared' })
      .orIgnore()
      .execute();
    return tx.findOneByOrFail(ConflictEntity, {
      evaluatorId: conflict.evaluatorId,
      applicationId: conflict.applicationId,
    });
  }

  async forCall(callId: string, tx: Transaction = this.transactions.autocommit): Promise<ConflictEntity[]> {
    return tx.find(ConflictEntity, { where: { callId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** A page of the call's conflicts, sorted as asked, with the count of all of them. */
  async pageForCall(callId: string, page: ConflictListQuery): Promise<Page<ConflictEntity>> {
    const sort = page.sort ?? { key: 'createdAt', descending: false };
    const direction = sort.descending ? 'DESC' : 'ASC';
    const [items, total] = await this.transactions.autocommit.findAndCount(ConflictEntity, {
      where: { callId },
      order:
        sort.key === 'source'
          ? { source: direction, createdAt: 'ASC', id: 'ASC' }
          : { createdAt: direction, id: direction },
      take: page.limit,
      skip: page.offset,
    });
    return { items, total };
  }

  async exists(evaluatorId: string, applicationId: string, tx: Transaction = this.transactions.autocommit) {
    return tx.exists(ConflictEntity, { where: { evaluatorId, applicationId } });
  }

  /** Those of the applications given that the evaluator has declared a conflict with. */
  async declaredAmong(evaluatorId: string, applicationIds: string[], tx: Transaction): Promise<Set<string>> {
    const rows = await tx
      .createQueryBuilder(ConflictEntity, 'c')
      .select('c.application_id', 'applicationId')
      .where('c.evaluator_id = :evaluatorId AND c.application_id = ANY(CAST(:applicationIds AS uuid[]))', {
        evaluatorId,
        applicationIds,
      })
      .getRawMany<{ applicationId: string }>();
    return new Set(rows.map((row) => row.applicationId));
  }
}
