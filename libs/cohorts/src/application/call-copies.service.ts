import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import type { CallCopiedPayload } from '@app/calls';
import { Outbox, Transactions, databaseNow } from '@app/platform';
import { AgreementsRepository } from '../infrastructure/agreements.repository';

/**
 * What the cohorts context keeps per call and a copied call starts from: the agreement terms. The
 * circular settings live on the call's row and are copied with it by the calls context.
 */
@Injectable()
export class CallCopiesService {
  constructor(
    private readonly agreements: AgreementsRepository,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly transactions: Transactions,
  ) {}

  /**
   * The job of `call.copied`: the copy gets its source's terms, audited as written by whoever copied
   * the call, unless the secretariat wrote the copy's own first. Idempotent; completes the outbox row.
   */
  async copied(event: CallCopiedPayload, outboxId: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const at = await databaseNow(tx);
      const terms = await this.agreements.copyTerms(tx, event.copiedFromId, event.callId, at, event.copiedBy);
      if (terms !== null) {
        await this.audit.record(tx, {
          actorId: event.copiedBy,
          action: 'call.agreement_terms_written',
          entityType: 'call',
          entityId: event.callId,
          after: { terms, copiedFrom: { id: event.copiedFromId } },
        });
      }
      await this.outbox.complete(tx, [outboxId]);
    });
  }
}
