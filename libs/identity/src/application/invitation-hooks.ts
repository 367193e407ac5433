import { Injectable } from '@nestjs/common';
import type { Transaction } from '@app/platform';

/** What the evaluation context does for invitations that name calls (it registers itself at start). */
export interface InvitedPanelSeats {
  /** Refuses calls that are unknown or whose panel can no longer change, before anyone is invited. */
  check(callIds: string[]): Promise<void>;
  /**
   * Seats an evaluator who accepted on the panels of those calls that can still change, in the
   * acceptance's transaction; answers the calls it was seated on.
   */
  seat(tx: Transaction, evaluatorId: string, callIds: string[], invitedBy: string | null): Promise<string[]>;
}

/**
 * Where identity reaches contexts that depend on it (evaluation imports identity, not the reverse):
 * they register their part of an invitation here when the application starts.
 */
@Injectable()
export class InvitationHooks {
  private panelSeats: InvitedPanelSeats | undefined;

  registerPanelSeats(seats: InvitedPanelSeats): void {
    this.panelSeats = seats;
  }

  async checkPanels(callIds: string[]): Promise<void> {
    if (callIds.length === 0) return;
    await this.requirePanelSeats().check(callIds);
  }

  seatOnPanels(tx: Transaction, evaluatorId: string, callIds: string[], invitedBy: string | null): Promise<string[]> {
    if (callIds.length === 0) return Promise.resolve([]);
    return this.requirePanelSeats().seat(tx, evaluatorId, callIds, invitedBy);
  }

  private requirePanelSeats(): InvitedPanelSeats {
    if (!this.panelSeats) throw new Error('No context seats invited evaluators on panels (EvaluationModule missing)');
    return this.panelSeats;
  }
}
