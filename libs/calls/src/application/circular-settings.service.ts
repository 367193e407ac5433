import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { AuthUser, NotFoundError, Transaction, Transactions } from '@app/platform';
import { assertBeforePublication } from '../domain/call-lifecycle';
import {
  CircularSettings,
  assertKnownPlaceholders,
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
    return found.circular ?? defaultCircularSettings(found);
  }

  /** Replaces the settings (audited); a text naming an unknown figure is refused whole (422 UNKNOWN_PLACEHOLDER). */
  async replace(actor: AuthUser, callId: string, settings: CircularSettings): Promise<CircularSettings> {
    assertKnownPlaceholders(settings);
    const next = normalisedCircularSettings(settings);
    await this.transactions.run(async (tx) => {
      const found = await this.settings.find(callId, { tx, forUpdate: true });
      if (!found) throw new NotFoundError('Call');
      assertBeforePublication(found);
      await this.settings.save(tx, callId, next);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'call.circular_changed',
        entityType: 'call',
        entityId: callId,
        before: found.circular ? { ...found.circular } : null,
        after: { ...next },
      });
    });
    return next;
  }
}
