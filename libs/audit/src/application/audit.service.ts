import { Injectable } from '@nestjs/common';
import { Page, Transaction, Transactions, currentApiToken, currentRequestId } from '@app/platform';
import { AuditEntry, AuditEvent, DisplayNames, HistoryEntry } from '../domain/audit-event';
import { AuditEventFilter, AuditEventsRepository } from '../infrastructure/audit-events.repository';

@Injectable()
export class AuditService {
  constructor(
    private readonly events: AuditEventsRepository,
    private readonly transactions: Transactions,
  ) {}

  /** Records an event inside the caller's transaction, so it exists exactly when the change does. */
  record(tx: Transaction, entry: AuditEntry): Promise<void> {
    return this.recordMany(tx, [entry]);
  }

  /** An event that goes with no change of state, such as an export: who read what, on its own. */
  recordAlone(entry: AuditEntry): Promise<void> {
    return this.transactions.run((tx) => this.record(tx, entry));
  }

  /**
   * Several events in one statement, in the caller's transaction; with the request's id and, when it
   * was made with a personal API token, the token's id and name.
   */
  recordMany(tx: Transaction, entries: AuditEntry[]): Promise<void> {
    return this.events.insertMany(tx, entries, currentRequestId(), currentApiToken());
  }

  list(filter: AuditEventFilter): Promise<Page<AuditEvent>> {
    return this.events.find(filter);
  }

  /** A page of the events the filter selects, oldest first, each with its actor's name. */
  async history(filter: AuditEventFilter, displayNames: DisplayNames): Promise<Page<HistoryEntry>> {
    const events = await this.events.find(filter);
    const actorIds = [...new Set(events.items.flatMap((e) => (e.actorId ? [e.actorId] : [])))];
    const names = new Map((await displayNames(actorIds)).map((u) => [u.id, u.displayName]));
    return {
      total: events.total,
      items: events.items.map((e) => ({
        id: e.id,
        occurredAt: e.occurredAt,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        actor: e.actorId ? { id: e.actorId, displayName: names.get(e.actorId) ?? '' } : null,
        before: e.before,
        after: e.after,
      })),
    };
  }
}
