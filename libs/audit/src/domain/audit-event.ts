/** What happened to which entity, by whom; written in the transaction of the change itself. */
export interface AuditEntry {
  actorId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

export interface AuditEvent extends Required<AuditEntry> {
  id: string;
  occurredAt: Date;
  requestId: string | null;
  /** The personal API token the change was made with, and its name then; null otherwise. */
  apiTokenId: string | null;
  apiTokenName: string | null;
}
