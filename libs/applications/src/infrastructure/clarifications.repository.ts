import { Injectable } from '@nestjs/common';
import { Page, PageQuery, Transaction, Transactions } from '@app/platform';
import {
  Clarification,
  ClarificationDocumentInfo,
  ClarificationStatus,
  StoredClarificationStatus,
} from '../domain/clarification';

/** What a transition needs of a request, read under its row lock with the database's clock. */
export interface LockedClarification {
  id: string;
  applicationId: string;
  callId: string;
  status: StoredClarificationStatus;
  question: string;
  replyBy: Date;
  proposedBy: string | null;
  sentBy: string | null;
  now: Date;
}

export interface NewClarification {
  applicationId: string;
  callId: string;
  question: string;
  replyBy: Date;
  /** An evaluator's proposal waits for the secretariat; the secretariat's own question is sent at once. */
  origin: { proposedBy: string } | { sentBy: string };
}

/** An answer's document: its bytes in the row, or in the object store under `storageKey`. */
export interface ClarificationDocument extends ClarificationDocumentInfo {
  content: Buffer | null;
  storageKey: string | null;
}

/** A request in the secretariat's queue of a call: with the organisation it is put to. */
export interface CallClarification extends Clarification {
  organisation: { id: string; name: string };
}

/** Which requests of an application a reader is shown (see `mayRead` in the domain). */
export interface ClarificationReaderFilter {
  everything: boolean;
  /** Unsent requests proposed by this user are shown too. */
  proposer: string | null;
}

/** `expired` is read, never written: a sent request past its deadline by the database's clock. */
const STATUS = `CASE WHEN c.status = 'sent' AND c.reply_by <= clock_timestamp() THEN 'expired' ELSE c.status END`;

const COLUMNS = `
  c.id, c.application_id AS "applicationId", c.call_id AS "callId", ${STATUS} AS status, c.question,
  c.proposed_question AS "proposedQuestion", c.reply_by AS "replyBy",
  CASE WHEN c.proposed_by IS NULL THEN NULL ELSE json_build_object('id', c.proposed_by, 'displayName', coalesce(pu.display_name, '')) END AS "proposedBy",
  c.proposed_at AS "proposedAt",
  CASE WHEN c.sent_by IS NULL THEN NULL ELSE json_build_object('id', c.sent_by, 'displayName', coalesce(su.display_name, '')) END AS "sentBy",
  c.sent_at AS "sentAt", c.declined_at AS "declinedAt", c.decline_reason AS "declineReason", c.answer,
  CASE WHEN c.answered_by IS NULL THEN NULL ELSE json_build_object('id', c.answered_by, 'displayName', coalesce(au.display_name, '')) END AS "answeredBy",
  c.answered_at AS "answeredAt",
  CASE WHEN d.clarification_id IS NULL THEN NULL
       ELSE json_build_object('filename', d.filename, 'mimeType', d.mime_type, 'size', d.size, 'sha256', d.sha256) END AS document,
  c.created_at AS "createdAt"`;

/** The requests of an application ($1) a reader is shown: all ($2), the sent ones, and those it proposed ($3). */
const READABLE = `c.application_id = $1 AND ($2::boolean OR c.sent_at IS NOT NULL OR c.proposed_by = $3::uuid)`;
/** The requests of a call ($1) in the given statuses ($2, all when empty). */
const IN_CALL = `c.call_id = $1 AND (cardinality($2::text[]) = 0 OR ${STATUS} = ANY ($2::text[]))`;

const JOINS = `
  LEFT JOIN identity_user_names pu ON pu.user_id = c.proposed_by
  LEFT JOIN identity_user_names su ON su.user_id = c.sent_by
  LEFT JOIN identity_user_names au ON au.user_id = c.answered_by
  LEFT JOIN clarification_documents d ON d.clarification_id = c.id`;

type Row = Omit<Clarification, 'replyBy' | 'proposedAt' | 'sentAt' | 'declinedAt' | 'answeredAt' | 'createdAt'> & {
  replyBy: Date;
  proposedAt: Date | null;
  sentAt: Date | null;
  declinedAt: Date | null;
  answeredAt: Date | null;
  createdAt: Date;
  total?: string;
};

/** Clarification requests and their answers' documents; applications owns both tables. */
@Injectable()
export class ClarificationsRepository {
  constructor(private readonly transactions: Transactions) {}

  async insert(tx: Transaction, request: NewClarification): Promise<string> {
    const proposedBy = 'proposedBy' in request.origin ? request.origin.proposedBy : null;
    const sentBy = 'sentBy' in request.origin ? request.origin.sentBy : null;
    const [row] = (await tx.query(
      `INSERT INTO clarification_requests
         (application_id, call_id, status, question, proposed_question, reply_by, proposed_by, proposed_at, sent_by, sent_at)
       VALUES ($1, $2, $3, $4, CASE WHEN $5::uuid IS NULL THEN NULL ELSE $4 END, $6, $5,
               CASE WHEN $5::uuid IS NULL THEN NULL ELSE clock_timestamp() END,
               $7, CASE WHEN $7::uuid IS NULL THEN NULL ELSE clock_timestamp() END)
       RETURNING id`,
      [
        request.applicationId,
        request.callId,
        sentBy ? 'sent' : 'proposed',
        request.question,
        proposedBy,
        request.replyBy,
        sentBy,
      ],
    )) as Array<{ id: string }>;
    return row.id;
  }

  /** The request's row, held until the transaction ends, and the database's time of reading it. */
  async lock(tx: Transaction, id: string): Promise<LockedClarification | null> {
    const [row] = (await tx.query(
      `SELECT id, application_id AS "applicationId", call_id AS "callId", status, question, reply_by AS "replyBy",
              proposed_by AS "proposedBy", sent_by AS "sentBy", clock_timestamp() AS now
       FROM clarification_requests WHERE id = $1 FOR UPDATE`,
      [id],
    )) as LockedClarification[];
    return row ?? null;
  }

  async markSent(tx: Transaction, id: string, sent: { question: string; replyBy: Date; by: string }): Promise<void> {
    await tx.query(
      `UPDATE clarification_requests SET status = 'sent', question = $2, reply_by = $3, sent_by = $4, sent_at = clock_timestamp()
       WHERE id = $1`,
      [id, sent.question, sent.replyBy, sent.by],
    );
  }

  async markDeclined(tx: Transaction, id: string, declined: { reason: string; by: string }): Promise<void> {
    await tx.query(
      `UPDATE clarification_requests SET status = 'declined', decline_reason = $2, declined_by = $3, declined_at = clock_timestamp()
       WHERE id = $1`,
      [id, declined.reason, declined.by],
    );
  }

  /** Records the answer and its document, if any, in one statement. */
  async markAnswered(
    tx: Transaction,
    id: string,
    answered: { answer: string; by: string; document: ClarificationDocument | null },
  ): Promise<void> {
    const document = answered.document;
    await tx.query(
      `WITH answered AS (
         UPDATE clarification_requests SET status = 'answered', answer = $2, answered_by = $3, answered_at = clock_timestamp()
         WHERE id = $1 RETURNING id
       )
       INSERT INTO clarification_documents
         (clarification_id, filename, mime_type, size, sha256, content, storage_key, uploaded_by)
       SELECT id, $4, $5, $6, $7, $8, $9, $3 FROM answered WHERE $4::text IS NOT NULL`,
      [
        id,
        answered.answer,
        answered.by,
        document?.filename ?? null,
        document?.mimeType ?? null,
        document?.size ?? null,
        document?.sha256 ?? null,
        document?.content ?? null,
        document?.storageKey ?? null,
      ],
    );
  }

  async find(id: string, tx: Transaction = this.transactions.autocommit): Promise<Clarification | null> {
    const [row] = (await tx.query(`SELECT ${COLUMNS} FROM clarification_requests c ${JOINS} WHERE c.id = $1`, [
      id,
    ])) as Row[];
    return row ?? null;
  }

  /** An application's requests that the reader may see, oldest first. */
  async pageForApplication(
    applicationId: string,
    reader: ClarificationReaderFilter,
    page: PageQuery,
  ): Promise<Page<Clarification>> {
    const rows = (await this.transactions.autocommit.query(
      `SELECT ${COLUMNS}, count(*) OVER () AS total
       FROM clarification_requests c ${JOINS}
       WHERE ${READABLE}
       ORDER BY c.created_at, c.id
       LIMIT $4 OFFSET $5`,
      [applicationId, reader.everything, reader.proposer, page.limit, page.offset],
    )) as Row[];
    return this.toPage(rows, page, () =>
      this.count(`SELECT count(*)::int AS n FROM clarification_requests c WHERE ${READABLE}`, [
        applicationId,
        reader.everything,
        reader.proposer,
      ]),
    );
  }

  /** The requests of a call, of the given statuses (all when none), proposals waiting longest first. */
  async pageForCall(
    callId: string,
    statuses: ClarificationStatus[],
    page: PageQuery,
  ): Promise<Page<CallClarification>> {
    const rows = (await this.transactions.autocommit.query(
      `SELECT * FROM (
         SELECT ${COLUMNS},
                json_build_object('id', a.organisation_id, 'name', coalesce(o.name, '')) AS organisation,
                count(*) OVER () AS total
         FROM clarification_requests c ${JOINS}
         JOIN applications a ON a.id = c.application_id
         LEFT JOIN identity_organisation_names o ON o.id = a.organisation_id
         WHERE ${IN_CALL}
       ) listed
       ORDER BY "createdAt", id
       LIMIT $3 OFFSET $4`,
      [callId, statuses, page.limit, page.offset],
    )) as Array<Row & { organisation: CallClarification['organisation'] }>;
    return this.toPage(rows, page, () =>
      this.count(`SELECT count(*)::int AS n FROM clarification_requests c WHERE ${IN_CALL}`, [callId, statuses]),
    );
  }

  /** Who evaluates the application now (evaluation's live assignments), to be told of an answer. */
  async evaluatorIdsOf(tx: Transaction, applicationId: string): Promise<string[]> {
    const rows = (await tx.query(
      `SELECT DISTINCT evaluator_id FROM evaluation_assignment_states
        WHERE application_id = $1 AND status IN ('assigned', 'draft', 'submitted')`,
      [applicationId],
    )) as Array<{ evaluator_id: string }>;
    return rows.map((r) => r.evaluator_id);
  }

  async findDocument(clarificationId: string): Promise<ClarificationDocument | null> {
    const [row] = (await this.transactions.autocommit.query(
      `SELECT filename, mime_type AS "mimeType", size, sha256, content, storage_key AS "storageKey"
       FROM clarification_documents WHERE clarification_id = $1`,
      [clarificationId],
    )) as ClarificationDocument[];
    return row ?? null;
  }

  private async count(sql: string, params: unknown[]): Promise<number> {
    const [row] = (await this.transactions.autocommit.query(sql, params)) as Array<{ n: number }>;
    return row.n;
  }

  /** A page's rows carry the total; a page past the end has none, so the total is counted apart. */
  private async toPage<T extends Row>(
    rows: T[],
    page: PageQuery,
    count: () => Promise<number>,
  ): Promise<Page<Omit<T, 'total'>>> {
    const total = rows.length > 0 ? Number(rows[0].total) : page.offset > 0 ? await count() : 0;
    return { items: rows.map(({ total: _total, ...item }) => item), total };
  }
}
