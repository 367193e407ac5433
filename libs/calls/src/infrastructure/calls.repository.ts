import { Injectable } from '@nestjs/common';
import { MoreThan } from 'typeorm';
import { Page, Transaction, Transactions, isUniqueViolation } from '@app/platform';
import { Call, CallDefinition, CallStatus } from '../domain/call';
import type { CallSession } from '../domain/call-sessions';
import type { CallTranslations } from '../domain/call-translations';
import { ReferenceTakenError } from '../domain/calls.errors';
import { scheduleOf } from '../domain/review-stages';
import { CallEntity, CallStageEntity, CriterionEntity, QuestionEntity } from './call.entities';
import { CALLS_BY_IDS_SQL, CALL_PAGE_SQL, CallLock, CallPageRow, CallRow, callByIdSql, toCall } from './call.sql';

export interface CallFilter {
  statuses?: CallStatus[];
  limit: number;
  offset: number;
}

@Injectable()
export class CallsRepository {
  constructor(private readonly transactions: Transactions) {}

  async insert(tx: Transaction, definition: CallDefinition): Promise<string> {
    try {
      const { id } = await tx.save(CallEntity, toEntity(tx, definition, { status: 'draft', version: 1 }));
      await this.writeStages(tx, id, definition);
      await this.writeTranslations(tx, id, definition.translations);
      await this.writeSessions(tx, id, definition.sessions);
      return id;
    } catch (error) {
      if (isUniqueViolation(error, 'calls_reference_key')) throw new ReferenceTakenError(definition.reference);
      throw error;
    }
  }

  async findById(id: string, tx: Transaction = this.transactions.autocommit): Promise<Call | null> {
    return this.read(tx, id, 'none');
  }

  /** The calls of the ids given that exist, in no particular order. */
  async findByIds(ids: string[]): Promise<Call[]> {
    const rows: CallRow[] = await this.transactions.autocommit.query(CALLS_BY_IDS_SQL, [ids]);
    return rows.map(toCall);
  }

  /**
   * Reads a call and holds a share lock on it until the transaction ends: submissions hold it
   * while they check the deadline, so a concurrent close waits for them and they see it after.
   */
  findForShare(tx: Transaction, id: string): Promise<Call | null> {
    return this.read(tx, id, 'share');
  }

  /**
   * Reads a call and holds an exclusive lock on it until the transaction ends: two transitions of
   * one call then run one after the other, the second seeing the status the first left.
   */
  findForUpdate(tx: Transaction, id: string): Promise<Call | null> {
    return this.read(tx, id, 'update');
  }

  private async read(tx: Transaction, id: string, lock: CallLock): Promise<Call | null> {
    const rows: CallRow[] = await tx.query(callByIdSql(lock), [id]);
    return rows[0] ? toCall(rows[0]) : null;
  }

  /** Closes, in one statement, every open call whose deadline has passed; returns their ids. */
  async closeDue(tx: Transaction): Promise<string[]> {
    const [rows] = (await tx.query(
      `UPDATE calls SET status = 'closed', version = version + 1, updated_at = now()
       WHERE status = 'open' AND closes_at <= clock_timestamp()
       RETURNING id`,
    )) as [Array<{ id: string }>, number];
    return rows.map((r) => r.id);
  }

  /** A page of calls with their criteria and questions, in one statement (two when the page is past the end). */
  async list(filter: CallFilter): Promise<Page<Call>> {
    // No allowed status (e.g. the public asking for drafts) matches no call.
    if (filter.statuses?.length === 0) return { items: [], total: 0 };
    const rows: CallPageRow[] = await this.transactions.autocommit.query(CALL_PAGE_SQL, [
      filter.statuses ?? null,
      filter.limit,
      filter.offset,
    ]);
    if (rows.length === 0 && filter.offset > 0) return { items: [], total: await this.count(filter.statuses) };
    return { items: rows.map(({ total: _total, ...call }) => toCall(call)), total: rows[0]?.total ?? 0 };
  }

  private async count(statuses: CallStatus[] | undefined): Promise<number> {
    const [row] = (await this.transactions.autocommit.query(
      `SELECT count(*)::int AS total FROM calls WHERE $1::text[] IS NULL OR status = ANY($1)`,
      [statuses ?? null],
    )) as Array<{ total: number }>;
    return row.total;
  }

  /**
   * Writes a new definition and status when the stored version is still `expectedVersion`;
   * returns the new version, or null when someone else changed the call first.
   */
  async update(
    tx: Transaction,
    id: string,
    expectedVersion: number,
    change: { definition?: CallDefinition; status?: CallStatus },
  ): Promise<number | null> {
    const { definition, status } = change;
    const columns = {
      ...(status ? { status } : {}),
      ...(definition
        ? {
            reference: definition.reference,
            title: definition.title,
            description: definition.description,
            opensAt: definition.opensAt,
            closesAt: definition.closesAt,
            cohortSize: definition.cohortSize,
            evaluatorsPerApplication: definition.evaluatorsPerApplication,
            eligibility: definition.eligibility,
            selection: definition.selection,
            scoring: definition.scoring,
            assignment: definition.assignment,
            blind: definition.blind,
            expertise: definition.expertise,
            finalRanking: definition.finalRanking,
            sessionAllocation: definition.sessionAllocation,
          }
        : {}),
    };
    let result;
    try {
      result = await tx
        .createQueryBuilder()
        .update(CallEntity)
        .set({ ...columns, version: () => 'version + 1', updatedAt: () => 'now()' })
        .where('id = :id AND version = :expectedVersion', { id, expectedVersion })
        .returning(['version'])
        .execute();
    } catch (error) {
      if (definition && isUniqueViolation(error, 'calls_reference_key')) {
        throw new ReferenceTakenError(definition.reference);
      }
      throw error;
    }
    const row = (result.raw as Array<{ version: number }>)[0];
    if (!row) return null;
    if (definition) await this.replaceChildren(tx, id, definition);
    return row.version;
  }

  private async replaceChildren(tx: Transaction, callId: string, definition: CallDefinition): Promise<void> {
    await tx.delete(CriterionEntity, { call: { id: callId } });
    await tx.delete(QuestionEntity, { call: { id: callId } });
    const call = { id: callId } as CallEntity;
    await tx.insert(
      CriterionEntity,
      definition.criteria.map((c, position) => ({ ...c, call, position, stage: 1 })),
    );
    await this.writeStages(tx, callId, definition);
    await this.writeTranslations(tx, callId, definition.translations);
    await this.writeSessions(tx, callId, definition.sessions);
    if (definition.questions.length > 0) {
      await tx.insert(
        QuestionEntity,
        definition.questions.map((q, position) => questionRow(q, call, position)),
      );
    }
  }

  /** The call's translations anew: one row per language, in one statement. */
  private async writeTranslations(tx: Transaction, callId: string, translations: CallTranslations): Promise<void> {
    await tx.query(`DELETE FROM call_translations WHERE call_id = $1`, [callId]);
    const rows = Object.entries(translations).map(([language, t]) => ({
      language,
      title: t.title ?? null,
      description: t.description ?? null,
      criteria: t.criteria ?? null,
      questions: t.questions ?? null,
      sessions: t.sessions ?? null,
    }));
    if (rows.length === 0) return;
    await tx.query(
      `INSERT INTO call_translations (call_id, language, title, description, criteria, questions, sessions)
       SELECT $1, t.language, t.title, t.description, t.criteria, t.questions, t.sessions
       FROM jsonb_to_recordset($2::jsonb)
         AS t(language text, title text, description text, criteria jsonb, questions jsonb, sessions jsonb)`,
      [callId, JSON.stringify(rows)],
    );
  }

  /** The call's sessions anew, in their order, in one statement. */
  private async writeSessions(tx: Transaction, callId: string, sessions: CallSession[]): Promise<void> {
    await tx.query(`DELETE FROM call_sessions WHERE call_id = $1`, [callId]);
    if (sessions.length === 0) return;
    await tx.query(
      `INSERT INTO call_sessions (call_id, position, key, title, starts_at, ends_at, capacity)
       SELECT $1, s.position, s.key, s.title, s.starts_at, s.ends_at, s.capacity
       FROM jsonb_to_recordset($2::jsonb)
         AS s(position int, key text, title text, starts_at timestamptz, ends_at timestamptz, capacity int)`,
      [
        callId,
        JSON.stringify(
          sessions.map((s, position) => ({
            position,
            key: s.key,
            title: s.title,
            starts_at: s.startsAt.toISOString(),
            ends_at: s.endsAt?.toISOString() ?? null,
            capacity: s.capacity,
          })),
        ),
      ],
    );
  }

  /**
   * The call's stages, and the criteria of stages 2..n. Stage 1's scale and evaluators are the
   * call's, which the database mirrors into it (1765900000300-ReviewStages); its criteria are the
   * call's, written with it.
   */
  private async writeStages(tx: Transaction, callId: string, definition: CallDefinition): Promise<void> {
    const [first, ...later] = definition.stages;
    await tx.update(CallStageEntity, { callId, position: 1 }, { name: first.name, ...scheduleOf(first) });
    await tx.delete(CallStageEntity, { callId, position: MoreThan(1) });
    if (later.length > 0) {
      await tx.insert(
        CallStageEntity,
        later.map((stage, index) => ({
          callId,
          position: index + 2,
          name: stage.name,
          scoring: stage.scoring,
          evaluatorsPerApplication: stage.evaluatorsPerApplication,
          ...scheduleOf(stage),
        })),
      );
    }
    const call = { id: callId } as CallEntity;
    const criteria = later.flatMap((stage, index) =>
      stage.criteria.map((c, position) => ({ ...c, call, position, stage: index + 2 })),
    );
    if (criteria.length > 0) await tx.insert(CriterionEntity, criteria);
  }
}

function toEntity(
  tx: Transaction,
  definition: CallDefinition,
  state: { status: CallStatus; version: number },
): CallEntity {
  const { translations: _translations, sessions: _sessions, ...columns } = definition;
  return tx.create(CallEntity, {
    ...columns,
    ...state,
    criteria: definition.criteria.map((c, position) => ({ ...c, position, stage: 1 })),
    questions: definition.questions.map((q, position) => questionRow(q, undefined, position)),
  });
}

function questionRow(question: CallDefinition['questions'][number], call: CallEntity | undefined, position: number) {
  return {
    key: question.key,
    label: question.label,
    type: question.type,
    required: question.required,
    maxLength: question.maxLength ?? null,
    options: question.options ?? null,
    minCount: question.minCount ?? null,
    maxCount: question.maxCount ?? null,
    position,
    ...(call ? { call } : {}),
  };
}
