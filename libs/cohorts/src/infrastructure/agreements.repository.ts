import { Injectable } from '@nestjs/common';
import { Page, PageQuery, Transaction, Transactions } from '@app/platform';
import type { AgreementDocument, AgreementStatus } from '../domain/agreement';
import type { PublicCohortMember } from '../domain/public-cohort';

export interface SignedCopyInfo {
  id: string;
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  uploadedAt: Date;
}

/** A signed copy with where its bytes are: in its row, or in the object store under `storageKey`. */
export interface SignedCopy extends SignedCopyInfo {
  content: Buffer | null;
  storageKey: string | null;
}

export interface CooperationAgreement {
  id: string;
  cohortId: string;
  callId: string;
  applicationId: string;
  document: AgreementDocument;
  status: AgreementStatus;
  issuedAt: Date;
  signedAt: Date | null;
  countersignedAt: Date | null;
  returnReason: string | null;
  remindedAt: Date | null;
  /** The secretariat withdrew the centre from the cohort after the agreement was issued: it is void. */
  centreWithdrawn: boolean;
  /** The copy the centre uploaded last, if any. */
  signedCopy: SignedCopyInfo | null;
}

export interface AgreementTerms {
  callId: string;
  terms: string;
  updatedAt: Date;
}

export interface DirectoryEntry {
  centre: PublicCohortMember;
  call: { reference: string; title: string };
  /** When the secretariat countersigned the agreement. */
  since: Date;
}

const LAST_COPY = `(SELECT jsonb_build_object('id', c.id, 'filename', c.filename, 'mimeType', c.mime_type, 'size', c.size,
    'sha256', c.sha256, 'uploadedAt', c.uploaded_at)
  FROM agreement_signed_copies c WHERE c.agreement_id = a.id ORDER BY c.uploaded_at DESC, c.id DESC LIMIT 1)`;

/** An agreement is only issued to an accepted offer; the secretariat's withdrawal of the centre voids it. */
const CENTRE_WITHDRAWN = (alias: string) =>
  `EXISTS (SELECT 1 FROM cohort_offers o WHERE o.application_id = ${alias}.application_id AND o.status = 'withdrawn')`;

const AGREEMENT_COLUMNS = `a.id, a.cohort_id AS "cohortId",
  (SELECT k.call_id FROM cohorts k WHERE k.id = a.cohort_id) AS "callId", a.application_id AS "applicationId", a.document, a.status,
  a.issued_at AS "issuedAt", a.signed_at AS "signedAt", a.countersigned_at AS "countersignedAt",
  a.return_reason AS "returnReason", a.reminded_at AS "remindedAt", ${LAST_COPY} AS "signedCopy",
  ${CENTRE_WITHDRAWN('a')} AS "centreWithdrawn"`;

type AgreementRow = Omit<CooperationAgreement, 'signedCopy'> & {
  signedCopy: (Omit<SignedCopyInfo, 'uploadedAt'> & { uploadedAt: string }) | null;
};

function toAgreement(row: AgreementRow): CooperationAgreement {
  return {
    ...row,
    signedCopy: row.signedCopy && { ...row.signedCopy, uploadedAt: new Date(row.signedCopy.uploadedAt) },
  };
}

/** The terms per call, the agreements with the centres that accepted, their signed copies, the directory. */
@Injectable()
export class AgreementsRepository {
  constructor(private readonly transactions: Transactions) {}

  async terms(callId: string, tx: Transaction = this.transactions.autocommit): Promise<AgreementTerms | null> {
    const rows = (await tx.query(
      `SELECT call_id AS "callId", terms, updated_at AS "updatedAt" FROM agreement_terms WHERE call_id = $1`,
      [callId],
    )) as AgreementTerms[];
    return rows[0] ?? null;
  }

  /**
   * Gives `targetId` the terms of `sourceId`, unless it has terms already (a copy's own, written
   * since): answers the terms copied, or null when there was nothing to copy or the copy had its own.
   */
  async copyTerms(tx: Transaction, sourceId: string, targetId: string, at: Date, by: string): Promise<string | null> {
    const rows = (await tx.query(
      `INSERT INTO agreement_terms (call_id, terms, updated_at, updated_by)
       SELECT $2, terms, $3, $4 FROM agreement_terms WHERE call_id = $1
       ON CONFLICT (call_id) DO NOTHING
       RETURNING terms`,
      [sourceId, targetId, at, by],
    )) as Array<{ terms: string }>;
    return rows[0]?.terms ?? null;
  }

  async writeTerms(tx: Transaction, callId: string, terms: string, at: Date, by: string): Promise<AgreementTerms> {
    const [row] = (await tx.query(
      `WITH written AS (
         INSERT INTO agreement_terms (call_id, terms, updated_at, updated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (call_id) DO UPDATE SET terms = $2, updated_at = $3, updated_by = $4,
           version = agreement_terms.version + 1
         RETURNING call_id, terms, updated_at
       )
       SELECT call_id AS "callId", terms, updated_at AS "updatedAt" FROM written`,
      [callId, terms, at, by],
    )) as AgreementTerms[];
    return row;
  }

  /**
   * Issues an agreement to each centre of the cohort that accepted its offer and has none yet, its
   * document made of the centre as the offer named it, the call and the terms. Answers the
   * applications issued one.
   */
  async issueToAccepted(
    tx: Transaction,
    cohortId: string,
    content: { call: AgreementDocument['call']; terms: string; issuedAt: Date },
    by: string,
  ): Promise<string[]> {
    const rows = (await tx.query(
      `WITH issued AS (
         INSERT INTO cooperation_agreements (cohort_id, application_id, document, issued_at, issued_by)
         SELECT o.cohort_id, o.application_id,
                jsonb_build_object('centre', o.public_entry, 'call', $2::jsonb, 'terms', $3::text, 'issuedAt', $4::text),
                $5, $6
         FROM cohort_offers o
         WHERE o.cohort_id = $1 AND o.status = 'accepted'
         ORDER BY o.application_id
         ON CONFLICT (application_id) DO NOTHING
         RETURNING application_id
       )
       SELECT application_id AS "applicationId" FROM issued`,
      [cohortId, JSON.stringify(content.call), content.terms, content.issuedAt.toISOString(), content.issuedAt, by],
    )) as Array<{ applicationId: string }>;
    return rows.map((r) => r.applicationId);
  }

  async findForApplication(applicationId: string): Promise<CooperationAgreement | null> {
    const rows = (await this.transactions.autocommit.query(
      `SELECT ${AGREEMENT_COLUMNS} FROM cooperation_agreements a WHERE a.application_id = $1`,
      [applicationId],
    )) as AgreementRow[];
    return rows[0] ? toAgreement(rows[0]) : null;
  }

  async lockForApplication(tx: Transaction, applicationId: string): Promise<CooperationAgreement | null> {
    const rows = (await tx.query(
      `SELECT ${AGREEMENT_COLUMNS} FROM cooperation_agreements a WHERE a.application_id = $1 FOR UPDATE OF a`,
      [applicationId],
    )) as AgreementRow[];
    return rows[0] ? toAgreement(rows[0]) : null;
  }

  /** Moves the agreement on: a signature, a return (with its reason) or the countersignature. */
  async transition(
    tx: Transaction,
    id: string,
    change: { status: AgreementStatus; at: Date; by: string; returnReason?: string },
  ): Promise<void> {
    await tx.query(
      `UPDATE cooperation_agreements SET status = $2, version = version + 1,
         signed_at = CASE $2 WHEN 'issued' THEN NULL WHEN 'signed' THEN $3 ELSE signed_at END,
         countersigned_at = CASE WHEN $2 = 'countersigned' THEN $3 END,
         countersigned_by = CASE WHEN $2 = 'countersigned' THEN $4::uuid END,
         return_reason = $5
       WHERE id = $1`,
      [id, change.status, change.at, change.by, change.returnReason ?? null],
    );
  }

  async insertSignedCopy(
    tx: Transaction,
    agreementId: string,
    copy: Omit<SignedCopy, 'uploadedAt'>,
    by: string,
    at: Date,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO agreement_signed_copies
         (id, agreement_id, filename, mime_type, size, sha256, content, storage_key, uploaded_by, uploaded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        copy.id,
        agreementId,
        copy.filename,
        copy.mimeType,
        copy.size,
        copy.sha256,
        copy.content,
        copy.storageKey,
        by,
        at,
      ],
    );
  }

  async signedCopy(agreementId: string): Promise<SignedCopy | null> {
    const rows = (await this.transactions.autocommit.query(
      `SELECT id, filename, mime_type AS "mimeType", size, sha256, content, storage_key AS "storageKey",
              uploaded_at AS "uploadedAt"
       FROM agreement_signed_copies WHERE agreement_id = $1 ORDER BY uploaded_at DESC, id DESC LIMIT 1`,
      [agreementId],
    )) as SignedCopy[];
    return rows[0] ?? null;
  }

  /** A page of the cohort's agreements in the order of the centres' names, and the count of all. */
  async listForCohort(cohortId: string, page: PageQuery): Promise<Page<CooperationAgreement>> {
    const [rows, [{ total }]] = await Promise.all([
      this.transactions.autocommit.query(
        `SELECT ${AGREEMENT_COLUMNS} FROM cooperation_agreements a
         WHERE a.cohort_id = $1 ORDER BY a.document->'centre'->>'name', a.id LIMIT $2 OFFSET $3`,
        [cohortId, page.limit, page.offset],
      ) as Promise<AgreementRow[]>,
      this.transactions.autocommit.query(
        `SELECT count(*)::int AS total FROM cooperation_agreements WHERE cohort_id = $1`,
        [cohortId],
      ) as Promise<Array<{ total: number }>>,
    ]);
    return { items: rows.map(toAgreement), total };
  }

  /** The network: every centre with a countersigned agreement, by name; and their count. */
  async directory(page: PageQuery): Promise<Page<DirectoryEntry>> {
    const [items, [{ total }]] = await Promise.all([
      this.transactions.autocommit.query(
        `SELECT a.document->'centre' AS centre, a.document->'call' AS call, a.countersigned_at AS since
         FROM cooperation_agreements a WHERE a.status = 'countersigned' AND NOT ${CENTRE_WITHDRAWN('a')}
         ORDER BY a.document->'centre'->>'name', a.id LIMIT $1 OFFSET $2`,
        [page.limit, page.offset],
      ) as Promise<DirectoryEntry[]>,
      this.transactions.autocommit.query(
        `SELECT count(*)::int AS total FROM cooperation_agreements a
         WHERE a.status = 'countersigned' AND NOT ${CENTRE_WITHDRAWN('a')}`,
      ) as Promise<Array<{ total: number }>>,
    ]);
    return { items, total };
  }

  /**
   * The pending signatures due a reminder (issued `intervalDays` ago, or reminded that long ago),
   * marked reminded at `now` in the same statement, so that each is reminded once per interval
   * however many workers run. Answers them.
   */
  async takeDueReminders(tx: Transaction, intervalDays: number, limit: number): Promise<CooperationAgreement[]> {
    const rows = (await tx.query(
      `WITH due AS (
         SELECT id FROM cooperation_agreements
         WHERE status = 'issued' AND coalesce(reminded_at, issued_at) <= now() - make_interval(days => $1)
           AND NOT ${CENTRE_WITHDRAWN('cooperation_agreements')}
         ORDER BY issued_at, id LIMIT $2 FOR UPDATE SKIP LOCKED
       ),
       reminded AS (
         UPDATE cooperation_agreements a SET reminded_at = now() FROM due WHERE a.id = due.id RETURNING a.*
       )
       SELECT ${AGREEMENT_COLUMNS} FROM reminded a`,
      [intervalDays, limit],
    )) as AgreementRow[];
    return rows.map(toAgreement);
  }
}
