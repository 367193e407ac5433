import { Injectable } from '@nestjs/common';
import { Page, PageQuery, Transaction, Transactions } from '@app/platform';
import type { CohortAmendment, CohortAmendmentDocument } from '../domain/cohort-amendment';
import type { OfferStatus } from '../domain/offer';
import type { PublicCohortMember } from '../domain/public-cohort';

export interface CohortOffer {
  id: string;
  cohortId: string;
  applicationId: string;
  publicEntry: PublicCohortMember;
  status: OfferStatus;
  offeredAt: Date;
  respondBy: Date;
  respondedAt: Date | null;
  respondedBy: string | null;
  declineReason: string | null;
  /** The secretariat member who made the offer (published the cohort or promoted the centre). */
  offeredBy: string | null;
  version: number;
}

/** An offer whose reminder is recorded now, with the members of its centre to remind. */
export interface DueOfferReminder {
  offerId: string;
  cohortId: string;
  callId: string;
  respondBy: Date;
  recipientIds: string[];
}

const OFFER_COLUMNS = `id, cohort_id AS "cohortId", application_id AS "applicationId", public_entry AS "publicEntry", status,
  offered_at AS "offeredAt", respond_by AS "respondBy", responded_at AS "respondedAt", responded_by AS "respondedBy",
  decline_reason AS "declineReason", offered_by AS "offeredBy", version`;

/** Offers to the selected centres and the amendments of published cohorts. */
@Injectable()
export class OffersRepository {
  constructor(private readonly transactions: Transactions) {}

  /** One offer per member (or to a promoted centre), all answerable until `respondBy`. */
  async insertMany(
    tx: Transaction,
    cohortId: string,
    offers: Array<{ applicationId: string; publicEntry: PublicCohortMember }>,
    offering: { at: Date; by: string; respondBy: Date },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO cohort_offers (cohort_id, application_id, public_entry, offered_at, respond_by, offered_by)
       SELECT $1, o.application_id, o.public_entry, $3, $4, $5
       FROM jsonb_to_recordset($2::jsonb) AS o (application_id uuid, public_entry jsonb)`,
      [
        cohortId,
        JSON.stringify(offers.map((o) => ({ application_id: o.applicationId, public_entry: o.publicEntry }))),
        offering.at,
        offering.respondBy,
        offering.by,
      ],
    );
  }

  /** The application's offer of its call's published cohort, if it has one. */
  async findForApplication(applicationId: string): Promise<CohortOffer | null> {
    const rows = (await this.transactions.autocommit.query(
      `SELECT ${OFFER_COLUMNS} FROM cohort_offers WHERE application_id = $1`,
      [applicationId],
    )) as CohortOffer[];
    return rows[0] ?? null;
  }

  async lockForApplication(tx: Transaction, applicationId: string): Promise<CohortOffer | null> {
    const rows = (await tx.query(`SELECT ${OFFER_COLUMNS} FROM cohort_offers WHERE application_id = $1 FOR UPDATE`, [
      applicationId,
    ])) as CohortOffer[];
    return rows[0] ?? null;
  }

  /**
   * Offers past their deadline and still unanswered, oldest first, locked; those another worker holds
   * are skipped (it is expiring them).
   */
  async lockDue(tx: Transaction, limit: number): Promise<CohortOffer[]> {
    return (await tx.query(
      `SELECT ${OFFER_COLUMNS} FROM cohort_offers
       WHERE status = 'offered' AND respond_by <= clock_timestamp()
       ORDER BY respond_by, id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    )) as CohortOffer[];
  }

  /**
   * Records the reminder due now of offers still unanswered `daysBefore` days or less before their
   * deadline (and made earlier than that, so that a short offer is not reminded as it is made), each
   * once: the row keeps when, and one another worker holds is skipped. Answers them with the active
   * members of each centre's organisation.
   */
  async recordDueReminders(tx: Transaction, daysBefore: number, limit: number): Promise<DueOfferReminder[]> {
    return (await tx.query(
      `WITH due AS (
         UPDATE cohort_offers SET reminded_at = clock_timestamp()
          WHERE id IN (
            SELECT id FROM cohort_offers
             WHERE status = 'offered' AND reminded_at IS NULL
               AND respond_by - make_interval(days => $1) <= clock_timestamp() AND clock_timestamp() < respond_by
               AND offered_at < respond_by - make_interval(days => $1)
             ORDER BY respond_by, id LIMIT $2 FOR UPDATE SKIP LOCKED)
         RETURNING id, cohort_id, application_id, respond_by
       )
       SELECT d.id AS "offerId", d.cohort_id AS "cohortId", c.call_id AS "callId", d.respond_by AS "respondBy",
              coalesce(array_agg(m.user_id ORDER BY m.user_id) FILTER (WHERE m.user_id IS NOT NULL), '{}') AS "recipientIds"
         FROM due d
         JOIN cohorts c ON c.id = d.cohort_id
         JOIN applications_organisations a ON a.application_id = d.application_id
         LEFT JOIN identity_organisation_members m ON m.organisation_id = a.organisation_id
        GROUP BY d.id, d.cohort_id, c.call_id, d.respond_by
        ORDER BY d.respond_by, d.id`,
      [daysBefore, limit],
    )) as DueOfferReminder[];
  }

  /** Every offer of the cohort, as many as its seats and promotions: for its replacements. */
  async allOfCohort(cohortId: string, tx: Transaction = this.transactions.autocommit): Promise<CohortOffer[]> {
    return (await tx.query(`SELECT ${OFFER_COLUMNS} FROM cohort_offers WHERE cohort_id = $1`, [
      cohortId,
    ])) as CohortOffer[];
  }

  /** An answer, or an expiry (by no one). */
  async close(
    tx: Transaction,
    id: string,
    closing: { status: Exclude<OfferStatus, 'offered'>; at: Date; by: string | null; declineReason: string | null },
  ): Promise<CohortOffer> {
    // As a SELECT: TypeORM answers an UPDATE with its rows and their count.
    const [row] = (await tx.query(
      `WITH answered AS (
         UPDATE cohort_offers SET status = $2, responded_at = $3, responded_by = $4, decline_reason = $5,
           version = version + 1
         WHERE id = $1 RETURNING *
       )
       SELECT ${OFFER_COLUMNS} FROM answered`,
      [id, closing.status, closing.at, closing.by, closing.declineReason],
    )) as CohortOffer[];
    return row;
  }

  /** A page of the cohort's offers in the order of the public list's names, and the count of all. */
  async listForCohort(cohortId: string, page: PageQuery): Promise<Page<CohortOffer>> {
    const [items, [{ total }]] = await Promise.all([
      this.transactions.autocommit.query(
        `SELECT ${OFFER_COLUMNS} FROM cohort_offers WHERE cohort_id = $1
         ORDER BY public_entry->>'name', id LIMIT $2 OFFSET $3`,
        [cohortId, page.limit, page.offset],
      ) as Promise<CohortOffer[]>,
      this.transactions.autocommit.query(`SELECT count(*)::int AS total FROM cohort_offers WHERE cohort_id = $1`, [
        cohortId,
      ]) as Promise<Array<{ total: number }>>,
    ]);
    return { items, total };
  }

  /** The cohort's last amendment; the one an amendment follows is read under the cohort's row lock. */
  async lastAmendment(
    cohortId: string,
    tx: Transaction = this.transactions.autocommit,
  ): Promise<CohortAmendment | null> {
    const rows = (await tx.query(
      `SELECT document, hash FROM cohort_amendments WHERE cohort_id = $1 ORDER BY sequence DESC LIMIT 1`,
      [cohortId],
    )) as Array<{ document: CohortAmendmentDocument; hash: string }>;
    return rows[0] ? { ...rows[0].document, hash: rows[0].hash } : null;
  }

  async appendAmendment(tx: Transaction, amendment: CohortAmendment, actorId: string | null): Promise<void> {
    const { hash, ...document } = amendment;
    await tx.query(
      `INSERT INTO cohort_amendments (cohort_id, sequence, document, hash, created_by) VALUES ($1, $2, $3, $4, $5)`,
      [document.cohortId, document.sequence, JSON.stringify(document), hash, actorId],
    );
  }

  /** A page of the cohort's amendments, first first, and the count of all. */
  async amendments(cohortId: string, page: PageQuery): Promise<Page<CohortAmendment>> {
    const [rows, [{ total }]] = await Promise.all([
      this.transactions.autocommit.query(
        `SELECT document, hash FROM cohort_amendments WHERE cohort_id = $1 ORDER BY sequence LIMIT $2 OFFSET $3`,
        [cohortId, page.limit, page.offset],
      ) as Promise<Array<{ document: CohortAmendmentDocument; hash: string }>>,
      this.transactions.autocommit.query(`SELECT count(*)::int AS total FROM cohort_amendments WHERE cohort_id = $1`, [
        cohortId,
      ]) as Promise<Array<{ total: number }>>,
    ]);
    return { items: rows.map((r) => ({ ...r.document, hash: r.hash })), total };
  }
}
