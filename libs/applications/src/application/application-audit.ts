import type { AuditEntry } from '@app/audit';
import type { AuthUser } from '@app/platform';

/** An audit event of an application (its history lists them): who did what to it, and what changed. */
export function applicationAudit(
  actor: AuthUser,
  action: string,
  applicationId: string,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
): AuditEntry {
  return { actorId: actor.id, action, entityType: 'application', entityId: applicationId, before, after };
}
