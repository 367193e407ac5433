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

/** An event as a history shows it: what changed and when, and who made the change, by name. */
export interface HistoryEntry {
  id: string;
  occurredAt: Date;
  action: string;
  entityType: string;
  entityId: string;
  /** Null for the platform itself. */
  actor: { id: string; displayName: string } | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** How a history learns its actors' names (the identity context knows them). */
export type DisplayNames = (ids: string[]) => Promise<Array<{ id: string; displayName: string }>>;
