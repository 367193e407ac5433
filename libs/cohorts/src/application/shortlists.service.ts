import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import { Call, CallsService, assertBeforePublication, stageAt } from '@app/calls';
import { AuthUser, NotFoundError, Transaction, Transactions, ValidationError } from '@app/platform';
import { ScoringService } from '@app/scoring';
import { InvalidShortlistChangeError, ShortlistConfirmedError, StageNotScoredError } from '../domain/cohorts.errors';
import {
  ShortlistAmendment,
  ShortlistRule,
  amendShortlist,
  assertRuleGiven,
  proposeShortlist,
} from '../domain/shortlist';
import { SelectionFactsRepository } from '../infrastructure/selection-facts.repository';
import { Shortlist, ShortlistsRepository } from '../infrastructure/shortlists.repository';

/**
 * Shortlists between review stages (issue 14): proposed from the previous stage's ranking by a rule,
 * amended by the secretariat with written reasons, confirmed; only the applications a confirmed
 * shortlist advances are assigned in its stage. Every step is audited on the call.
 */
@Injectable()
export class ShortlistsService {
  constructor(
    private readonly shortlists: ShortlistsRepository,
    private readonly facts: SelectionFactsRepository,
    private readonly calls: CallsService,
    private readonly scoring: ScoringService,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
  ) {}

  /** Proposes the shortlist into `stage` from the ranking of the stage before; replaces an earlier proposal. */
  async propose(actor: AuthUser, callId: string, stage: number, rule: ShortlistRule): Promise<Shortlist> {
    assertRuleGiven(rule);
    const call = await this.laterStageOf(callId, stage);
    assertBeforePublication(call);
    const from = stage - 1;
    const status = await this.scoring.status(callId);
    if (!status.upToDate) throw new StageNotScoredError(from, status.pending);
    await this.transactions.run(async (tx) => {
      await this.assertOpen(tx, callId, stage);
      const applications = await this.facts.applicationsFor(callId, tx, from);
      if (!applications.some((a) => a.rank !== null)) throw new StageNotScoredError(from);
      const entries = proposeShortlist(applications, rule, {
        evaluatorsPerApplication: stageAt(call, from).evaluatorsPerApplication,
        minPerRegion: call.selection.minPerRegion ?? {},
      });
      await this.shortlists.propose(tx, { callId, stage, rule, entries }, actor.id);
      await this.record(tx, actor, callId, 'shortlist.proposed', {
        stage,
        rule,
        advancing: entries.filter((e) => e.advancing).length,
      });
    });
    return this.get(callId, stage);
  }

  /** Advances or holds back applications against the rule, with a written reason; only while proposed. */
  async amend(actor: AuthUser, callId: string, stage: number, amendment: ShortlistAmendment): Promise<Shortlist> {
    assertBeforePublication(await this.laterStageOf(callId, stage));
    await this.transactions.run(async (tx) => {
      const shortlist = await this.assertOpen(tx, callId, stage);
      if (!shortlist) throw new NotFoundError('Shortlist');
      await this.shortlists.saveEntries(tx, callId, stage, amendShortlist(shortlist.entries, amendment));
      await this.record(tx, actor, callId, 'shortlist.amended', {
        stage,
        advance: [...amendment.advance],
        holdBack: [...amendment.holdBack],
        reason: amendment.note,
      });
    });
    return this.get(callId, stage);
  }

  /** Confirms the shortlist: its advancing applications may now be assigned in the stage. Repeating it changes nothing. */
  async confirm(actor: AuthUser, callId: string, stage: number): Promise<Shortlist> {
    assertBeforePublication(await this.laterStageOf(callId, stage));
    await this.transactions.run(async (tx) => {
      const shortlist = await this.shortlists.lock(tx, callId, stage);
      if (!shortlist) throw new NotFoundError('Shortlist');
      if (shortlist.status === 'confirmed') return;
      const advancing = shortlist.entries.filter((e) => e.advancing).length;
      if (advancing === 0) throw new InvalidShortlistChangeError('NOTHING_ADVANCES');
      await this.shortlists.confirm(tx, callId, stage, actor.id);
      await this.record(tx, actor, callId, 'shortlist.confirmed', { stage, advancing });
    });
    return this.get(callId, stage);
  }

  async get(callId: string, stage: number): Promise<Shortlist> {
    const shortlist = await this.shortlists.find(callId, stage);
    if (!shortlist) {
      await this.laterStageOf(callId, stage);
      throw new NotFoundError('Shortlist');
    }
    return shortlist;
  }

  /** Who applied, for the entries shown. */
  organisationsOf(applicationIds: string[]) {
    return this.facts.organisationsOf(applicationIds);
  }

  /** The call, when `stage` is one of its stages after the first. */
  private async laterStageOf(callId: string, stage: number): Promise<Call> {
    const call = await this.calls.get(callId);
    stageAt(call, stage);
    if (stage < 2) {
      throw new ValidationError([
        { field: 'stage', message: 'a shortlist leads into stage 2 or later', code: 'FIRST_STAGE_HAS_NO_SHORTLIST' },
      ]);
    }
    return call;
  }

  /** The stored shortlist, locked, or null; refused once confirmed. */
  private async assertOpen(tx: Transaction, callId: string, stage: number): Promise<Shortlist | null> {
    const shortlist = await this.shortlists.lock(tx, callId, stage);
    if (shortlist?.status === 'confirmed') throw new ShortlistConfirmedError(stage);
    return shortlist;
  }

  private record(tx: Transaction, actor: AuthUser, callId: string, action: string, after: Record<string, unknown>) {
    return this.audit.record(tx, { actorId: actor.id, action, entityType: 'call', entityId: callId, after });
  }
}
