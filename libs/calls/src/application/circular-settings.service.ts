import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { AuthUser, NotFoundError, Transaction, Transactions } from '@app/platform';
import { assertBeforePublication } from '../domain/call-lifecycle';
import {
  CircularContact,
  CircularSettings,
  assertKnownPlaceholders,
  circularSettingsAsStored,
  defaultCircularSettings,
  normalisedCircularSettings,
} from '../domain/circular-settings';
import { CircularSettingsRepository } from '../infrastructure/circular-settings.repository';

/** What a call's results circular and announcement say; the secretariat writes it until publication. */
@Injectable()
export class CircularSettingsService {
  constructor(
    private readonly settings: CircularSettingsRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** The settings as written, or the defaults while none are; `tx`: as that transaction sees them. */
  async get(callId: string, tx?: Transaction): Promise<CircularSettings> {
    const found = await this.settings.find(callId, { tx });
    if (!found) throw new NotFoundError('Call');
    return found.circular ? circularSettingsAsStored(found.circular) : defaultCircularSettings(found);
  }

  /**
   * Replaces the settings (audited); a text naming an unknown figure is refused whole (422 UNKNOWN_PLACEHOLDER).
   * A contact left out keeps the one written, so that a client unaware of it does not erase it; null removes it.
   */
  async replace(
    actor: AuthUser,
    callId: string,
    settings: Omit<CircularSettings, 'contact'> & { contact?: CircularContact | null },
  ): Promise<CircularSettings> {
    assertKnownPlaceholders(settings);
    return this.transactions.run(async (tx) => {
      const found = await this.settings.find(callId, { tx, forUpdate: true });
      if (!found) throw new NotFoundError('Call');
      assertBeforePublication(found);
      const contact = settings.contact === undefined ? (found.circular?.contact ?? null) : settings.contact;
      const next = normalisedCircularSettings({ ...settings, contact });
      await this.settings.save(tx, callId, next);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'call.circular_changed',
        entityType: 'call',
        entityId: callId,
        before: found.circular ? { ...found.circular } : null,
        after: { ...next },
      });
      return next;
    });
  }
}
