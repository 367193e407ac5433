import { Injectable } from '@nestjs/common';
import { Page, Transaction, Transactions } from '@app/platform';
import { AuditEntry, AuditEvent } from '../domain/audit-event';
import { AuditEventEntity } from './audit-event.entity';

export interface AuditEventFilter {
  entityType?: string;
  entityId?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class AuditEventsRepository {
  constructor(private readonly transactions: Transactions) {}

  async insert(tx: Transaction, entry: AuditEntry, requestId: string | null): Promise<void> {
    await tx.query(
      `INSERT INTO audit_events (actor_id, action, entity_type, entity_id, before, after, request_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        entry.actorId,
        entry.action,
        entry.entityType,
        entry.entityId,
        entry.before ? JSON.stringify(entry.before) : null,
        entry.after ? JSON.stringify(entry.after) : null,
        requestId,
      ],
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
    const [rows, total] = await query.getManyAndCount();
    return { items: rows.map((row) => ({ ...row, before: row.before, after: row.after })), total };
  }
}
