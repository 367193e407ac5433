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
}
