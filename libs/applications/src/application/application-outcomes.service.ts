import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Transaction } from '@app/platform';
import {
  ApplicationOutcomesRepository,
  PublicationOutcome,
  PublishedOutcome,
} from '../infrastructure/application-outcomes.repository';

export type {
  FinalPlace,
  Outcome,
  PublicationOutcome,
  PublishedOutcome,
} from '../infrastructure/application-outcomes.repository';

/**
 * The one writer of an application's outcome: at a cohort's publication, every submitted application
 * of the call gets its outcome and feedback in one statement, and a centre withdrawn from the cohort
 * later gets `withdrawn`; each change audited, in the caller's transaction.
 */
@Injectable()
export class ApplicationOutcomesService {
  constructor(
    private readonly outcomes: ApplicationOutcomesRepository,
    private readonly audit: AuditService,
  ) {}

  /**
   * Members are selected, the waitlist waitlisted, every other submitted application not selected;
   * each is released its place in the final ranking.
   */
  async publish(
    tx: Transaction,
    actorId: string,
    callId: string,
    outcome: PublicationOutcome,
  ): Promise<PublishedOutcome[]> {
    const published = await this.outcomes.publish(tx, callId, outcome);
    await this.audit.recordMany(
      tx,
      published.map((p) => ({
        actorId,
        action: 'application.outcome_published',
        entityType: 'application',
        entityId: p.applicationId,
        before: { status: 'submitted' },
        after: { status: p.outcome, version: p.version },
      })),
    );
    return published;
  }

  /** In the caller's transaction: the centre withdrawn from the published cohort gets the outcome `withdrawn`, audited. */
  async withdrawFromCohort(tx: Transaction, actorId: string | null, applicationId: string): Promise<void> {
    const changed = await this.outcomes.withdrawFromCohort(tx, applicationId);
    if (!changed) return;
    await this.audit.record(tx, {
      actorId,
      action: 'application.outcome_changed',
      entityType: 'application',
      entityId: applicationId,
      before: { status: changed.before },
      after: { status: 'withdrawn_from_cohort', version: changed.version },
    });
  }

  /** Who is told of the application's outcome (and of a later offer of a place). */
  recipientOf(tx: Transaction, applicationId: string): Promise<string | null> {
    return this.outcomes.recipientOf(tx, applicationId);
  }

  /** Whom `publish` would tell which outcome, for a preview of the notices; nothing is written. */
  preview(
    callId: string,
    outcome: { selected: string[]; waitlisted: string[] },
  ): Promise<Array<Omit<PublishedOutcome, 'version'>>> {
    return this.outcomes.preview(callId, outcome);
  }
}
