import { Injectable } from '@nestjs/common';
import { Page, Transaction, Transactions, currentApiToken, currentRequestId } from '@app/platform';
import { AuditEntry, AuditEvent } from '../domain/audit-event';
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
}
