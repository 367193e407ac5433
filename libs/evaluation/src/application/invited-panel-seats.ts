import { Injectable, OnModuleInit } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { InvitationHooks, InvitedPanelSeats } from '@app/identity';
import { NotFoundError, Transaction } from '@app/platform';
import { CallPublishedError } from '../domain/evaluation.errors';
import { PanelRepository } from '../infrastructure/panel.repository';
import { EvaluationContext } from './evaluation-context';

/**
 * Seats invited evaluators on the panels their invitation names, when they accept, in identity's
 * transaction (identity calls it through InvitationHooks: evaluation depends on identity, not the
 * reverse). A call published since the invitation is passed over: its panel no longer changes.
 */
@Injectable()
export class InvitedPanelSeatsRegistration implements InvitedPanelSeats, OnModuleInit {
  constructor(
    private readonly hooks: InvitationHooks,
    private readonly context: EvaluationContext,
    private readonly panel: PanelRepository,
    private readonly audit: AuditService,
  ) {}

  onModuleInit(): void {
    this.hooks.registerPanelSeats(this);
  }

  /** Every call must exist and be before publication (NOT_FOUND, CALL_PUBLISHED otherwise). */
  async check(callIds: string[]): Promise<void> {
    for (const callId of callIds) await this.context.openCall(callId);
  }

  async seat(tx: Transaction, evaluatorId: string, callIds: string[], invitedBy: string | null): Promise<string[]> {
    const seated: string[] = [];
    for (const callId of callIds) {
      if (!(await this.stillOpen(tx, callId))) continue;
      await this.panel.add(tx, callId, [evaluatorId]);
      seated.push(callId);
    }
    if (seated.length > 0) {
      await this.audit.recordMany(
        tx,
        seated.map((callId) => ({
          actorId: invitedBy ?? evaluatorId,
          action: 'panel.members_added',
          entityType: 'call',
          entityId: callId,
          after: { evaluatorIds: [evaluatorId], throughInvitation: true },
        })),
      );
    }
    return seated;
  }

  /** Reads (and share-locks) the call in the transaction; a refusal here is a plain read, so the transaction goes on. */
  private stillOpen(tx: Transaction, callId: string): Promise<boolean> {
    return this.context.openCall(callId, tx).then(
      () => true,
      (error: unknown) => {
        if (error instanceof CallPublishedError || error instanceof NotFoundError) return false;
        throw error;
      },
    );
  }
}
