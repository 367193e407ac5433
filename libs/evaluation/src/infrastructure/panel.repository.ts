import { Injectable } from '@nestjs/common';
import { Page, PageQuery, Sort, Transaction, Transactions } from '@app/platform';
import { ConflictEntity, PanelMemberEntity } from './evaluation.entities';

@Injectable()
export class PanelRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Adds members; those already on the panel stay as they are. */
  async add(tx: Transaction, callId: string, evaluatorIds: string[]): Promise<void> {
    await tx
      .createQueryBuilder()
      .insert()
      .into(PanelMemberEntity)
      .values(evaluatorIds.map((evaluatorId) => ({ callId, evaluatorId })))
      .orIgnore()
      .execute();
  }

  async members(callId: string, tx: Transaction = this.transactions.autocommit): Promise<PanelMemberEntity[]> {
    return tx.find(PanelMemberEntity, { where: { callId }, order: { addedAt: 'ASC', evaluatorId: 'ASC' } });
  }

  async isMember(
    callId: string,
    evaluatorId: string,
    tx: Transaction = this.transactions.autocommit,
  ): Promise<boolean> {
    return tx.exists(PanelMemberEntity, { where: { callId, evaluatorId } });
  }

  async remove(tx: Transaction, callId: string, evaluatorId: string): Promise<boolean> {
    const result = await tx.delete(PanelMemberEntity, { callId, evaluatorId });
    return (result.affected ?? 0) > 0;
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
