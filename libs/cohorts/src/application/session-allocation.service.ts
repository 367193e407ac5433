import { Inject, Injectable } from '@nestjs/common';
import { RepliesService } from '@app/applications';
import { AuditService } from '@app/audit';
import {
  Call,
  CallSession,
  CallsService,
  SessionAllocationRule,
  assertCallKind,
  callTextsOf,
  resolveCallTexts,
} from '@app/calls';
import { NotificationsService } from '@app/notifications';
import { AuthUser, NotFoundError, Page, PageQuery, Transaction, Transactions, databaseNow } from '@app/platform';
import type { Language } from '@app/platform/languages';
import {
  AllocationOutcome,
  AllocationRequest,
  AllocationRule,
  allocateSessions,
  allocationViolations,
} from '../domain/session-allocation';
import {
  AllocationConfirmedError,
  AllocationViolationError,
  CallNotClosedError,
  NoSessionsError,
} from '../domain/session-allocation.errors';
import { PROGRAMME_TIME_ZONE } from '../domain/session-allocation-texts';
import { CohortsConfig, cohortsConfig, publicProgrammePage } from '../cohorts.config';
import { allocationNotices } from './session-allocation-notices';
import {
  ListedAllocationEntry,
  SessionAllocationState,
  SessionAllocationsRepository,
} from '../infrastructure/session-allocations.repository';

/** A session with the seats the allocation gives away. */
export interface AllocatedSession extends CallSession {
  taken: number;
}

/** The allocation board: the rule it was computed by, each session's seats, a page of the replies. */
export interface SessionAllocationView extends Page<ListedAllocationEntry> {
  state: SessionAllocationState;
  sessions: AllocatedSession[];
}

/**
 * The published programme: each session with its speakers, in the allocation's order; the call's
 * and the sessions' titles in `language`, English where it has none (those fields in `fallback`).
 */
export interface Programme {
  callId: string;
  reference: string;
  title: string;
  language: Language;
  /** The fields shown in English: `title`, `sessions.<key>.title`. */
  fallback: string[];
  timeZone: string;
  confirmedAt: Date;
  sessions: Array<CallSession & { speakers: Array<{ organisationName: string; countryCode: string }> }>;
}

/**
 * The allocation of a registration call's session seats (issue 19, docs/rules.md): computed by the
 * call's rule over its eligible replies once it is closed, amended by the secretariat with a reason
 * (within the sessions' capacities and the country limit), then confirmed: each replier is told,
 * in its language, and the programme is published.
 */
@Injectable()
export class SessionAllocationService {
  constructor(
    private readonly allocations: SessionAllocationsRepository,
    private readonly calls: CallsService,
    private readonly replies: RepliesService,
    private readonly notifications: NotificationsService,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    @Inject(cohortsConfig.KEY) private readonly config: CohortsConfig,
  ) {}

  /** Computes the allocation anew by the call's rule, replacing one not yet confirmed. */
  async compute(actor: AuthUser, callId: string, page: PageQuery): Promise<SessionAllocationView> {
    const call = await this.calls.get(callId);
    const rule = allocatedRuleOf(call);
    if (call.status !== 'closed') throw new CallNotClosedError();
    const requests = await this.replies.sessionRequests(callId, rule.rule === 'priority' ? rule.questionKey : null);
    const outcomes = allocateSessions(call.sessions, requests.map(toAllocationRequest), domainRule(rule));
    const byId = new Map(requests.map((r) => [r.applicationId, r]));
    await this.transactions.run(async (tx) => {
      await this.assertNotConfirmed(tx, callId);
      await this.allocations.replace(
        tx,
        callId,
        rule,
        actor.id,
        outcomes.map((outcome) => {
          const request = byId.get(outcome.replyId);
          if (!request) throw new Error(`allocation outcome for unknown reply ${outcome.replyId}`);
          return {
            applicationId: outcome.replyId,
            processingOrder: outcome.order,
            organisationId: request.organisationId,
            countryCode: request.countryCode,
            recipientId: request.submittedBy,
            sessionKey: outcome.sessionKey,
            preferenceRank: outcome.preferenceRank,
            reason: outcome.reason,
            passedOver: outcome.passedOver,
          };
        }),
      );
      await this.record(tx, actor, 'session_allocation.computed', callId, {
        rule,
        allocated: outcomes.filter((o) => o.sessionKey !== null).length,
        unallocated: outcomes.filter((o) => o.sessionKey === null).length,
      });
    });
    return this.view(callId, page);
  }

  /** The allocation board; 404 before the allocation is computed. */
  async view(callId: string, page: PageQuery): Promise<SessionAllocationView> {
    const call = await this.calls.get(callId);
    const state = await this.allocations.state(callId);
    if (!state) throw new NotFoundError('Session allocation');
    const [entries, taken] = await Promise.all([
      this.allocations.page(callId, page),
      this.allocations.seatsTaken(callId),
    ]);
    return {
      ...entries,
      state,
      sessions: call.sessions.map((session) => ({ ...session, taken: taken.get(session.key) ?? 0 })),
    };
  }

  /**
   * Moves one reply to another session, or out of every session (null), with the reason kept;
   * refused when it would seat more than a session holds or a country above its limit.
   */
  async amend(
    actor: AuthUser,
    callId: string,
    applicationId: string,
    change: { sessionKey: string | null; reason: string },
  ): Promise<ListedAllocationEntry> {
    const call = await this.calls.get(callId);
    const rule = allocatedRuleOf(call);
    return this.transactions.run(async (tx) => {
      const state = await this.assertNotConfirmed(tx, callId);
      if (!state) throw new NotFoundError('Session allocation');
      const entries = await this.allocations.all(tx, callId);
      const entry = entries.find((e) => e.applicationId === applicationId);
      if (!entry) throw new NotFoundError('Reply');
      const amended = entries.map((e) => (e === entry ? { ...e, sessionKey: change.sessionKey } : e));
      // Only the replies' countries matter to the limits an amendment must keep.
      const replies = amended.map((e) => ({
        replyId: e.applicationId,
        countryCode: e.countryCode,
        receivedAt: new Date(0),
        priorityClass: null,
        preferences: [],
      }));
      const violations = allocationViolations(call.sessions, amended.map(asOutcome), replies, domainRule(rule));
      if (violations.length > 0) {
        const titles = new Map(call.sessions.map((s) => [s.key, s.title]));
        throw new AllocationViolationError(violations, (key) => titles.get(key) ?? key);
      }
      const amendment = {
        reason: change.reason,
        amendedBy: actor.id,
        amendedAt: (await databaseNow(tx)).toISOString(),
        computedSessionKey: entry.amendment ? entry.amendment.computedSessionKey : entry.sessionKey,
      };
      await this.allocations.amend(tx, callId, applicationId, change.sessionKey, amendment);
      await this.record(tx, actor, 'session_allocation.amended', callId, {
        applicationId,
        from: entry.sessionKey,
        to: change.sessionKey,
        reason: change.reason,
      });
      const [written] = (await this.allocations.all(tx, callId)).filter((e) => e.applicationId === applicationId);
      return written;
    });
  }

  /**
   * Confirms the allocation: each replier learns its session (with its time in Geneva) or why it has
   * none, in its language, and the programme is published. Confirming again changes nothing.
   */
  async confirm(actor: AuthUser, callId: string, page: PageQuery): Promise<SessionAllocationView> {
    const call = await this.calls.get(callId);
    allocatedRuleOf(call);
    await this.transactions.run(async (tx) => {
      const state = await this.allocations.state(callId, tx);
      if (!state) throw new NotFoundError('Session allocation');
      if (state.confirmedAt) return;
      const entries = await this.allocations.all(tx, callId);
      await this.allocations.confirm(tx, callId, actor.id);
      await this.notifications.notify(tx, allocationNotices(call, entries, publicProgrammePage(this.config, callId)));
      await this.record(tx, actor, 'session_allocation.confirmed', callId, { replies: entries.length });
    });
    return this.view(callId, page);
  }

  /** The programme, once the allocation is confirmed, its titles in `language`: public. */
  async programme(callId: string, language: Language = 'en'): Promise<Programme> {
    const call = await this.calls.get(callId);
    const state = await this.allocations.state(callId);
    if (call.status === 'draft' || !state?.confirmedAt) throw new NotFoundError('Programme');
    const entries = await this.allocations.all(this.transactions.autocommit, callId);
    const texts = resolveCallTexts(callTextsOf(call), call.translations, language);
    return {
      callId,
      reference: call.reference,
      title: texts.title,
      language,
      fallback: texts.fallback.filter((field) => field === 'title' || field.startsWith('sessions.')),
      timeZone: PROGRAMME_TIME_ZONE,
      confirmedAt: state.confirmedAt,
      sessions: call.sessions.map((session, index) => ({
        ...session,
        title: texts.sessions[index].title,
        speakers: entries
          .filter((e) => e.sessionKey === session.key)
          .map((e) => ({ organisationName: e.organisationName, countryCode: e.countryCode })),
      })),
    };
  }

  /** The state, locked; refuses a change once confirmed. */
  private async assertNotConfirmed(tx: Transaction, callId: string): Promise<SessionAllocationState | null> {
    const state = await this.allocations.state(callId, tx);
    if (state?.confirmedAt) throw new AllocationConfirmedError();
    return state;
  }

  private record(tx: Transaction, actor: AuthUser, action: string, callId: string, after: Record<string, unknown>) {
    return this.audit.record(tx, { actorId: actor.id, action, entityType: 'call', entityId: callId, after });
  }
}

/** The call's allocation rule; 409 unless it is a registration call with sessions and a rule. */
function allocatedRuleOf(call: Call): SessionAllocationRule {
  assertCallKind(call, 'registration');
  if (call.sessions.length === 0 || !call.sessionAllocation) throw new NoSessionsError();
  return call.sessionAllocation;
}

function domainRule(rule: SessionAllocationRule): AllocationRule {
  return rule.rule === 'receipt'
    ? { rule: 'receipt', maxPerCountry: rule.maxPerCountry }
    : { rule: 'priority', classes: rule.classes, maxPerCountry: rule.maxPerCountry };
}

function toAllocationRequest(request: {
  applicationId: string;
  countryCode: string;
  submittedAt: Date;
  priorityClass: string | null;
  preferences: string[];
}): AllocationRequest {
  return {
    replyId: request.applicationId,
    countryCode: request.countryCode,
    receivedAt: new Date(request.submittedAt),
    priorityClass: request.priorityClass,
    preferences: request.preferences,
  };
}

function asOutcome(entry: ListedAllocationEntry): AllocationOutcome {
  return {
    replyId: entry.applicationId,
    order: entry.processingOrder,
    sessionKey: entry.sessionKey,
    preferenceRank: entry.preferenceRank,
    reason: entry.reason,
    passedOver: entry.passedOver,
  };
}
