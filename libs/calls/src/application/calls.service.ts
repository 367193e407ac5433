import { Injectable } from '@nestjs/common';
import { AuditService } from '@app/audit';
import {
  AuthUser,
  NotFoundError,
  Outbox,
  ReadGrants,
  Page,
  Transaction,
  Transactions,
  ValidationError,
  VersionConflictError,
  isStaff,
} from '@app/platform';
import { Call, CallDefinition, CallStatus } from '../domain/call';
import { CALL_EVENTS, callEvent } from '../domain/call-events';
import { CallPatch, definitionOf, planCallChange } from '../domain/call-change';
import { CallCopyInput, copiedDefinition } from '../domain/call-copy';
import { callDefinitionErrors } from '../domain/call-definition.rules';
import { CallAction, callTransitionEvent, nextCallStatus } from '../domain/call-lifecycle';
import { CallsRepository } from '../infrastructure/calls.repository';
import { CircularSettingsRepository } from '../infrastructure/circular-settings.repository';

/** Calls the public may read: those open for applications and those with a published cohort, archived or not. */
export const PUBLIC_STATUSES: CallStatus[] = ['open', 'published', 'archived'];

@Injectable()
export class CallsService {
  constructor(
    private readonly calls: CallsRepository,
    private readonly circulars: CircularSettingsRepository,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly outbox: Outbox,
    private readonly grants: ReadGrants,
  ) {}

  async create(actor: AuthUser, definition: CallDefinition): Promise<Call> {
    return this.insert(actor, definition, { action: 'call.created' });
  }

  /**
   * A new draft with the rules of another call (any status), audited on the new call with its source.
   * It keeps the source's circular settings, and publishes `call.copied` so that other contexts copy
   * what they keep per call (the agreement terms); the secretariat edits the copy's afterwards.
   */
  async copy(actor: AuthUser, sourceId: string, input: CallCopyInput): Promise<Call> {
    const source = await this.get(sourceId);
    return this.insert(actor, copiedDefinition(source, input), {
      action: 'call.copied',
      copiedFrom: { id: source.id, reference: source.reference },
    });
  }

  private async insert(
    actor: AuthUser,
    definition: CallDefinition,
    audited: { action: string; copiedFrom?: { id: string; reference: string } },
  ): Promise<Call> {
    const errors = callDefinitionErrors(definition);
    if (errors.length > 0) throw new ValidationError(errors);
    const id = await this.transactions.run(async (tx) => {
      const callId = await this.calls.insert(tx, definition);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: audited.action,
        entityType: 'call',
        entityId: callId,
        after: {
          reference: definition.reference,
          title: definition.title,
          ...(audited.copiedFrom ? { copiedFrom: audited.copiedFrom } : {}),
        },
      });
      if (audited.copiedFrom) {
        await this.circulars.copy(tx, audited.copiedFrom.id, callId);
        await this.outbox.publish(
          tx,
          callEvent(CALL_EVENTS.copied, { callId, copiedFromId: audited.copiedFrom.id, copiedBy: actor.id }),
        );
      }
      return callId;
    });
    return this.get(id);
  }

  async list(actor: AuthUser | undefined, filter: { status?: CallStatus[]; limit: number; offset: number }) {
    const statuses = isStaff(actor)
      ? filter.status
      : PUBLIC_STATUSES.filter((s) => !filter.status || filter.status.includes(s));
    return this.calls.list({ statuses, limit: filter.limit, offset: filter.offset }) satisfies Promise<Page<Call>>;
  }

  /**
   * Open, published and archived calls are public; the others only for the secretariat and those another
   * context grants them to (the evaluators of its panel, who score against its criteria).
   */
  async getVisible(actor: AuthUser | undefined, id: string): Promise<Call> {
    const call = await this.get(id);
    if (PUBLIC_STATUSES.includes(call.status) || isStaff(actor)) return call;
    if (actor && (await this.grants.allows('call', actor, id))) return call;
    throw new NotFoundError('Call');
  }

  async get(id: string, tx?: Transaction): Promise<Call> {
    const call = await this.calls.findById(id, tx);
    if (!call) throw new NotFoundError('Call');
    return call;
  }

  /** The calls of the ids given, in their order; 404 if any is unknown. */
  async getMany(ids: string[]): Promise<Call[]> {
    const calls = new Map((await this.calls.findByIds(ids)).map((call) => [call.id, call]));
    return ids.map((id) => {
      const call = calls.get(id);
      if (!call) throw new NotFoundError('Call');
      return call;
    });
  }

  /** For a transaction that must not see the call change under it (submissions). */
  async getForShare(tx: Transaction, id: string): Promise<Call> {
    const call = await this.calls.findForShare(tx, id);
    if (!call) throw new NotFoundError('Call');
    return call;
  }

  async update(actor: AuthUser, id: string, expectedVersion: number, patch: CallPatch): Promise<Call> {
    await this.transactions.run(async (tx) => {
      const call = await this.get(id, tx);
      if (call.version !== expectedVersion) throw new VersionConflictError(call.version);
      const planned = planCallChange(call, patch);
      if (planned.changedFields.length === 0) return;
      const version = await this.calls.update(tx, id, expectedVersion, { definition: planned.definition });
      if (version === null) throw new VersionConflictError((await this.get(id, tx)).version);
      const before = definitionOf(call);
      // A draft has no scores to redo: changing its criteria is a plain update, not a reweighting.
      const reweighted = planned.weightsChanged && call.status !== 'draft';
      await this.audit.record(tx, {
        actorId: actor.id,
        action: reweighted ? 'call.reweighted' : 'call.updated',
        entityType: 'call',
        entityId: id,
        before: pick(before, planned.changedFields),
        after: pick(planned.definition, planned.changedFields),
      });
      if (reweighted) await this.outbox.publish(tx, callEvent(CALL_EVENTS.reweighted, { callId: id }));
    });
    return this.get(id);
  }

  /**
   * Closes the calls whose deadline has passed. Safe with several workers at once: the UPDATE itself
   * decides which process closes a call, and only that one records the audit event.
   */
  async closeDueCalls(): Promise<string[]> {
    return this.transactions.run(async (tx) => {
      const closed = await this.calls.closeDue(tx);
      for (const id of closed) {
        await this.audit.record(tx, {
          actorId: null,
          action: callTransitionEvent('close'),
          entityType: 'call',
          entityId: id,
          before: { status: 'open' },
          after: { status: 'closed', reason: 'deadline' },
        });
      }
      return closed;
    });
  }

  /** Within the caller's transaction: a closed call goes under review once evaluators are assigned. */
  async startReviewIfClosed(tx: Transaction, actorId: string, id: string): Promise<void> {
    const call = await this.get(id, tx);
    if (call.status !== 'closed') return;
    try {
      await this.applyTransition(tx, actorId, call, 'startReview');
    } catch (error) {
      // Another assignment in flight moved it first; that is the state we want.
      if (!(error instanceof VersionConflictError && (await this.get(id, tx)).status === 'reviewing')) throw error;
    }
  }

  /** The call, locked until the caller's transaction ends: publication holds it from first read to last write. */
  async lockForUpdate(tx: Transaction, id: string): Promise<Call> {
    const call = await this.calls.findForUpdate(tx, id);
    if (!call) throw new NotFoundError('Call');
    return call;
  }

  /**
   * Within the caller's transaction, the last step of publishing its cohort: from here on the
   * database refuses every change to the call and to what decided its outcome.
   */
  markPublished(tx: Transaction, actorId: string, call: Call): Promise<void> {
    return this.applyTransition(tx, actorId, call, 'publish');
  }

  /** Open or close (and later steps) by the secretariat; `expectedVersion` when the client sent one. */
  async transition(actor: AuthUser | null, id: string, action: CallAction, expectedVersion?: number): Promise<Call> {
    await this.transactions.run(async (tx) => {
      // Locked, so that of two simultaneous "open"s the second sees an open call (409 INVALID_TRANSITION)
      // rather than failing on a version its client never sent.
      const call = await this.calls.findForUpdate(tx, id);
      if (!call) throw new NotFoundError('Call');
      if (expectedVersion !== undefined && call.version !== expectedVersion) {
        throw new VersionConflictError(call.version);
      }
      await this.applyTransition(tx, actor?.id ?? null, call, action);
    });
    return this.get(id);
  }

  private async applyTransition(tx: Transaction, actorId: string | null, call: Call, action: CallAction) {
    const status = nextCallStatus(call.status, action);
    const version = await this.calls.update(tx, call.id, call.version, { status });
    if (version === null) throw new VersionConflictError((await this.get(call.id, tx)).version);
    await this.audit.record(tx, {
      actorId,
      action: callTransitionEvent(action),
      entityType: 'call',
      entityId: call.id,
      before: { status: call.status },
      after: { status },
    });
  }
}

function pick(definition: CallDefinition, fields: string[]): Record<string, unknown> {
  return Object.fromEntries(fields.map((field) => [field, definition[field as keyof CallDefinition]]));
}
