import { Injectable } from '@nestjs/common';
import { Page, Transaction, Transactions } from '@app/platform';
import { AuditEntry, AuditEvent } from '../domain/audit-event';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditEventFilter {
  entityType?: string;
  entityId?: string;
  /** Events of any of these entities (e.g. an application and its assignments), of any of `entityTypes`. */
  entityIds?: string[];
  entityTypes?: string[];
  limit: number;
  offset: number;
}

@Injectable()
export class AuditEventsRepository {
  constructor(private readonly transactions: Transactions) {}

  insert(
    tx: Transaction,
    entry: AuditEntry,
    requestId: string | null,
    apiToken: { id: string; name: string } | null = null,
  ): Promise<void> {
    return this.insertMany(tx, [entry], requestId, apiToken);
  }

  /** Every entry in one statement, however many there are. */
  async insertMany(
    tx: Transaction,
    entries: AuditEntry[],
    requestId: string | null,
    apiToken: { id: string; name: string } | null = null,
  ): Promise<void> {
    if (entries.length === 0) return;
    await tx.query(
      `INSERT INTO audit_events (actor_id, action, entity_type, entity_id, before, after, request_id,
                                 api_token_id, api_token_name)
       SELECT e."actorId", e.action, e."entityType", e."entityId", e.before, e.after, $2, $3, $4
       FROM jsonb_to_recordset($1::jsonb)
         AS e ("actorId" uuid, action text, "entityType" text, "entityId" uuid, before jsonb, after jsonb)`,
      [JSON.stringify(entries), requestId, apiToken?.id ?? null, apiToken?.name ?? null],
    );
  }

  async find(filter: AuditEventFilter): Promise<Page<AuditEvent>> {
    const query = this.transactions.autocommit
      .createQueryBuilder(AuditEventEntity, 'e')
      .orderBy('e.occurred_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .take(filter.limit)
      .skip(filter.offset);
    if (filter.entityType) query.andWhere('e.entity_type = :entityType', { entityType: filter.entityType });
    if (filter.entityId) query.andWhere('e.entity_id = :entityId', { entityId: filter.entityId });
    if (filter.entityTypes) query.andWhere('e.entity_type = ANY(:entityTypes)', { entityTypes: filter.entityTypes });
    if (filter.entityIds)
      query.andWhere('e.entity_id = ANY(CAST(:entityIds AS uuid[]))', { entityIds: filter.entityIds });
    const [rows, total] = await query.getManyAndCount();
    return { items: rows.map((row) => ({ ...row, before: row.before, after: row.after })), total };
  }
}
