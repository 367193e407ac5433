import { Injectable } from '@nestjs/common';
import type { ApplicationCall } from '@app/calls';
import { Page, Transaction, Transactions, isUniqueViolation } from '@app/platform';
import {
  Answers,
  Application,
  ApplicationStatus,
  Eligibility,
  EligibilityOverride,
  ReplyDecision,
} from '../domain/application';
import { DuplicateApplicationError } from '../domain/applications.errors';
import { ApplicationEntity } from './application.entities';
import { DocumentInfo } from './documents.repository';

export interface ApplicationFilter {
  callId?: string;
  organisationId?: string;
  status?: ApplicationStatus;
  countryCode?: string;
  region?: string;
  limit: number;
  offset: number;
}

/**
 * The columns of an application row shaped as an `Application`, and its documents (without their
 * bytes) as JSON: one statement reads or writes an application and answers it whole.
 */
const APPLICATION_COLUMNS = `id, call_id AS "callId", organisation_id AS "organisationId", country_code AS "countryCode",
  region, status, answers, eligibility, eligibility_override AS "eligibilityOverride",
  reply_decision AS "replyDecision", session_preferences AS "sessionPreferences", submitted_at AS "submittedAt", withdrawn_at AS "withdrawnAt", submitted_by AS "submittedBy", feedback, version, answers_version AS "answersVersion",
  created_by AS "createdBy",
  created_at AS "createdAt",
  updated_at AS "updatedAt",
  (SELECT json_build_object('id', n.user_id, 'displayName', n.display_name)
   FROM identity_user_names n WHERE n.user_id = applications.submitted_by) AS "submitter",
  (SELECT coalesce(json_agg(json_build_object(
            'id', d.id, 'applicationId', d.application_id, 'kind', d.kind, 'filename', d.filename,
            'mimeType', d.mime_type, 'size', d.size, 'sha256', d.sha256, 'uploadedBy', d.uploaded_by,
            'createdAt', d.created_at)
          ORDER BY d.created_at, d.id), '[]')
   FROM documents d WHERE d.application_id = applications.id) AS documents`;

/** A row of calls_for_applications (alias `c`) as JSON shaped as an `ApplicationCall`, its times ISO strings. */
const APPLICATION_CALL_JSON = `json_build_object(
  'id', c.id, 'kind', c.kind, 'reference', c.reference, 'title', c.title, 'status', c.status,
  'opensAt', c.opens_at, 'closesAt', c.closes_at, 'blind', c.blind, 'hasSessions', c.has_sessions,
  'questions', c.questions)`;

type ApplicationCallJson = Omit<ApplicationCall, 'opensAt' | 'closesAt'> & { opensAt: string; closesAt: string };

function toApplicationCall(json: ApplicationCallJson): ApplicationCall {
  return { ...json, opensAt: new Date(json.opensAt), closesAt: new Date(json.closesAt) };
}

/** A reply as a session allocation reads it. */
export interface SessionRequest {
  applicationId: string;
  organisationId: string;
  countryCode: string;
  submittedAt: Date;
  /** The member who submitted it, whom the allocation is told. */
  submittedBy: string | null;
  preferences: string[];
  priorityClass: string | null;
}

/** The member of the organisation who submitted an application. */
export interface Submitter {
  id: string;
  displayName: string;
}

/** An application with its documents, in their upload order, and who submitted it. */
export interface ApplicationRecord {
  application: Application;
  documents: DocumentInfo[];
  submitter: Submitter | null;
}

/** An application's record and what it shows and checks of its call, read together. */
export interface ApplicationWithCall {
  record: ApplicationRecord;
  call: ApplicationCall;
}

type ApplicationRow = Application & {
  documents: Array<Omit<DocumentInfo, 'createdAt'> & { createdAt: string }>;
  submitter: Submitter | null;
};

function toRecord({ documents, submitter, ...application }: ApplicationRow): ApplicationRecord {
  return {
    application,
    documents: documents.map((d) => ({ ...d, createdAt: new Date(d.createdAt) })),
    submitter: submitter ?? null,
  };
}

type NewApplication = Pick<Application, 'callId' | 'organisationId' | 'countryCode' | 'region' | 'answers'> & {
  createdBy: string;
};

@Injectable()
export class ApplicationsRepository {
  constructor(private readonly transactions: Transactions) {}

  async insert(tx: Transaction, application: NewApplication): Promise<string> {
    try {
      const result = await tx.insert(ApplicationEntity, {
        ...application,
        status: 'draft',
        version: 1,
        answersVersion: 1,
      });
      return (result.identifiers[0] as { id: string }).id;
    } catch (error) {
      if (isUniqueViolation(error, 'applications_call_organisation_key')) throw new DuplicateApplicationError();
      throw error;
    }
  }

  async findById(id: string, tx: Transaction = this.transactions.autocommit): Promise<Application | null> {
    return tx.findOneBy(ApplicationEntity, { id });
  }

  async findWithDocuments(
    id: string,
    tx: Transaction = this.transactions.autocommit,
  ): Promise<ApplicationRecord | null> {
    const rows: ApplicationRow[] = await tx.query(`SELECT ${APPLICATION_COLUMNS} FROM applications WHERE id = $1`, [
      id,
    ]);
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** The application with its documents and its call, in one statement. */
  async findWithCall(id: string): Promise<ApplicationWithCall | null> {
    const rows: Array<ApplicationRow & { call: ApplicationCallJson }> = await this.transactions.autocommit.query(
      `SELECT ${APPLICATION_COLUMNS},
              (SELECT ${APPLICATION_CALL_JSON} FROM calls_for_applications c WHERE c.id = applications.call_id) AS call
       FROM applications WHERE id = $1`,
      [id],
    );
    if (!rows[0]) return null;
    const { call, ...row } = rows[0];
    return { record: toRecord(row), call: toApplicationCall(call) };
  }

  /** The calls of these ids ($1) that exist, as their applications show them: one statement however many. */
  async callsByIds(ids: string[]): Promise<ApplicationCall[]> {
    const rows: Array<{ call: ApplicationCallJson }> = await this.transactions.autocommit.query(
      `SELECT ${APPLICATION_CALL_JSON} AS call FROM calls_for_applications c WHERE c.id = ANY ($1::uuid[])`,
      [ids],
    );
    return rows.map((row) => toApplicationCall(row.call));
  }

  /** Locks the row until the transaction ends, so submissions and edits of one application queue up. */
  async lockById(tx: Transaction, id: string): Promise<Application | null> {
    return tx.findOne(ApplicationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Merges answers into a draft whose answers are still those of `expectedVersion` (a null removes
   * an answer; see answersCurrentAt), in one statement, so that of two concurrent edits from the
   * same version exactly one wins. Returns the application as written, or null when the answers
   * changed since or it is no longer a draft.
   */
  async mergeDraftAnswers(
    id: string,
    expectedVersion: number,
    answers: Record<string, Answers[string] | null>,
  ): Promise<ApplicationRecord | null> {
    const [rows] = (await this.transactions.autocommit.query(
      `UPDATE applications
       SET answers = jsonb_strip_nulls(answers || $3::jsonb), answers_version = version + 1,
           version = version + 1, updated_at = now()
       WHERE id = $1 AND $2 BETWEEN COALESCE(answers_version, version) AND version AND status = 'draft'
       RETURNING ${APPLICATION_COLUMNS}`,
      [id, expectedVersion, JSON.stringify(answers)],
    )) as [ApplicationRow[], number];
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /** A draft's session preferences anew; null when it is no longer a draft. */
  async setSessionPreferences(tx: Transaction, id: string, sessionKeys: string[]): Promise<ApplicationRecord | null> {
    const [rows] = (await tx.query(
      `UPDATE applications SET session_preferences = $2::text[], version = version + 1, updated_at = now()
       WHERE id = $1 AND status = 'draft'
       RETURNING ${APPLICATION_COLUMNS}`,
      [id, sessionKeys],
    )) as [ApplicationRow[], number];
    return rows[0] ? toRecord(rows[0]) : null;
  }

  /**
   * What a session allocation reads of a call's replies: those submitted or confirmed and held
   * eligible, with their country, time of receipt, session preferences and the answer giving their
   * priority (when the rule reads one).
   */
  async sessionRequests(callId: string, priorityQuestionKey: string | null): Promise<SessionRequest[]> {
    return this.transactions.autocommit.query(
      `SELECT id AS "applicationId", organisation_id AS "organisationId", country_code AS "countryCode",
              submitted_at AS "submittedAt", submitted_by AS "submittedBy", session_preferences AS "preferences",
              CASE WHEN $2::text IS NULL THEN NULL ELSE answers ->> $2::text END AS "priorityClass"
       FROM applications
       WHERE call_id = $1 AND status IN ('submitted', 'confirmed')
         AND COALESCE((eligibility_override ->> 'eligible')::boolean, (eligibility ->> 'eligible')::boolean) IS TRUE
       ORDER BY submitted_at, id`,
      [callId, priorityQuestionKey],
    );
  }

  async update(
    tx: Transaction,
    id: string,
    change: Partial<Pick<ApplicationEntity, 'status' | 'submittedAt' | 'withdrawnAt' | 'submittedBy'>> & {
      eligibility?: Eligibility;
      eligibilityOverride?: EligibilityOverride;
      replyDecision?: ReplyDecision;
    },
  ): Promise<ApplicationRecord> {
    const result = await tx
      .createQueryBuilder()
      .update(ApplicationEntity)
      .set({ ...change, version: () => 'version + 1', updatedAt: () => 'now()' })
      .where('id = :id', { id })
      .returning(APPLICATION_COLUMNS)
      .execute();
    return toRecord((result.raw as ApplicationRow[])[0]);
  }

  /**
   * What a submission checks once it holds the application's row: the kinds of its documents and
   * the database clock, read after the lock so that they include what was committed while it waited.
   */
  async submissionFacts(tx: Transaction, id: string): Promise<{ documentKinds: string[]; now: Date }> {
    const [row] = (await tx.query(
      `SELECT ARRAY(SELECT kind FROM documents WHERE application_id = $1 ORDER BY created_at, id) AS "documentKinds",
              clock_timestamp() AS now`,
      [id],
    )) as Array<{ documentKinds: string[]; now: Date }>;
    return row;
  }

  /**
   * Bumps the version (the ETag) after a change to the application's documents; the answers keep
   * the version they last changed at, made explicit for rows that predate it.
   */
  async touch(tx: Transaction, id: string): Promise<void> {
    await tx
      .createQueryBuilder()
      .update(ApplicationEntity)
      .set({
        answersVersion: () => 'COALESCE(answers_version, version)',
        version: () => 'version + 1',
        updatedAt: () => 'now()',
      })
      .where('id = :id', { id })
      .execute();
  }

  /** Submitted applications whose eligibility in force (the override, else the rules') is positive. */
  async listAssignable(callId: string): Promise<Application[]> {
    return this.transactions.autocommit
      .createQueryBuilder(ApplicationEntity, 'a')
      .where(`a.call_id = :callId AND a.status = 'submitted'`, { callId })
      .andWhere(
        `COALESCE((a.eligibility_override ->> 'eligible')::boolean, (a.eligibility ->> 'eligible')::boolean) IS TRUE`,
      )
      .orderBy('a.id')
      .getMany();
  }

  async findByIds(ids: string[]): Promise<Application[]> {
    if (ids.length === 0) return [];
    return this.transactions.autocommit
      .createQueryBuilder(ApplicationEntity, 'a')
      .where('a.id = ANY(CAST(:ids AS uuid[]))', { ids })
      .orderBy('a.id')
      .getMany();
  }

  async list(filter: ApplicationFilter): Promise<Page<Application>> {
    const query = this.transactions.autocommit
      .createQueryBuilder(ApplicationEntity, 'a')
      .orderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .take(filter.limit)
      .skip(filter.offset);
    if (filter.callId) query.andWhere('a.call_id = :callId', { callId: filter.callId });
    if (filter.organisationId) query.andWhere('a.organisation_id = :org', { org: filter.organisationId });
    if (filter.status) query.andWhere('a.status = :status', { status: filter.status });
    if (filter.countryCode) query.andWhere('a.country_code = :country', { country: filter.countryCode });
    if (filter.region) query.andWhere('a.region = :region', { region: filter.region });
    const [items, total] = await query.getManyAndCount();
    return { items, total };
  }
}
