import { Injectable } from '@nestjs/common';
import { Page, PageQuery, Sort, Transaction, Transactions } from '@app/platform';
import type { CohortStatus } from '../domain/cohort-lifecycle';
import type { PublicCohortDocument } from '../domain/public-cohort';
import type {
  CohortConstraints,
  CohortMember,
  ConstraintViolation,
  Exclusion,
  UnmetConstraint,
  WaitlistEntry,
} from '../domain/selection.types';

/** A secretariat's change to a proposal, kept with its reason. */
export interface CohortOverrideRecord {
  add: string[];
  remove: string[];
  reason: string;
  by: string;
  at: string;
}

export interface Cohort {
  id: string;
  callId: string;
  status: CohortStatus;
  constraints: CohortConstraints;
  factsFingerprint: string;
  members: CohortMember[];
  waitlist: WaitlistEntry[];
  excluded: Exclusion[];
  unmetConstraints: UnmetConstraint[];
  violations: ConstraintViolation[];
  overrides: CohortOverrideRecord[];
  snapshot: PublicCohortDocument | null;
  contentHash: string | null;
  version: number;
  createdBy: string;
  createdAt: Date;
  approvedAt: Date | null;
  publishedAt: Date | null;
}

/** What a proposal holds, as computed by the domain and stored whole. */
export type CohortContent = Pick<Cohort, 'members' | 'waitlist' | 'excluded' | 'unmetConstraints' | 'violations'>;

const COLUMNS = `id, call_id AS "callId", status, constraints, facts_fingerprint AS "factsFingerprint", members, waitlist, excluded,
  unmet_constraints AS "unmetConstraints", violations, overrides, snapshot, content_hash AS "contentHash", version,
  created_by AS "createdBy", created_at AS "createdAt", approved_at AS "approvedAt", published_at AS "publishedAt"`;

/** What a call's list of cohorts sorts by; the newest proposal first is the default and breaks every tie. */
export const COHORT_SORT_KEYS = ['createdAt', 'status', 'memberCount'] as const;
export type CohortSortKey = (typeof COHORT_SORT_KEYS)[number];

export interface CohortListQuery extends PageQuery {
  sort?: Sort<CohortSortKey>;
}

const SORT_COLUMNS: Record<CohortSortKey, string> = {
  createdAt: 'created_at',
  status: 'status',
  memberCount: 'jsonb_array_length(members)',
};

/** Cohort rows; a proposal's lists are stored whole as JSON, as the domain computed them. */
@Injectable()
export class CohortsRepository {
  constructor(private readonly transactions: Transactions) {}

  async insert(
    tx: Transaction,
    cohort: {
      callId: string;
      constraints: CohortConstraints;
      factsFingerprint: string;
      content: CohortContent;
      createdBy: string;
    },
  ): Promise<Cohort> {
    const { members, waitlist, excluded, unmetConstraints, violations } = cohort.content;
    const [row] = (await tx.query(
      `INSERT INTO cohorts (call_id, constraints, facts_fingerprint, members, waitlist, excluded, unmet_constraints,
         violations, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       RETURNING id, status, version, created_at AS "createdAt"`,
      [
        cohort.callId,
        JSON.stringify(cohort.constraints),
        cohort.factsFingerprint,
        JSON.stringify(members),
        JSON.stringify(waitlist),
        JSON.stringify(excluded),
        JSON.stringify(unmetConstraints),
        JSON.stringify(violations),
        cohort.createdBy,
      ],
    )) as Array<Pick<Cohort, 'id' | 'status' | 'version' | 'createdAt'>>;
    // What was stored, without reading a large proposal back.
    return {
      ...row,
      ...cohort.content,
      callId: cohort.callId,
      constraints: cohort.constraints,
      factsFingerprint: cohort.factsFingerprint,
      overrides: [],
      snapshot: null,
      contentHash: null,
      createdBy: cohort.createdBy,
      approvedAt: null,
      publishedAt: null,
    };
  }

  async findById(id: string, tx: Transaction = this.transactions.autocommit): Promise<Cohort | null> {
    const rows = (await tx.query(`SELECT ${COLUMNS} FROM cohorts WHERE id = $1`, [id])) as Cohort[];
    return rows[0] ?? null;
  }

  async lock(tx: Transaction, id: string): Promise<Cohort | null> {
    const rows = (await tx.query(`SELECT ${COLUMNS} FROM cohorts WHERE id = $1 FOR UPDATE`, [id])) as Cohort[];
    return rows[0] ?? null;
  }

  /** A page of the call's cohorts, newest first, without their long lists, and the count of all of them. */
  async listForCall(callId: string, page: CohortListQuery): Promise<Page<Cohort>> {
    const sort = page.sort ?? { key: 'createdAt', descending: true };
    const order = `${SORT_COLUMNS[sort.key]} ${sort.descending ? 'DESC' : 'ASC'}`;
    const [items, [{ total }]] = await Promise.all([
      this.transactions.autocommit.query(
        `SELECT ${COLUMNS} FROM cohorts WHERE call_id = $1 ORDER BY ${order}, created_at DESC, id LIMIT $2 OFFSET $3`,
        [callId, page.limit, page.offset],
      ) as Promise<Cohort[]>,
      this.transactions.autocommit.query(`SELECT count(*)::int AS total FROM cohorts WHERE call_id = $1`, [
        callId,
      ]) as Promise<Array<{ total: number }>>,
    ]);
    return { items, total };
  }

  async replaceContent(tx: Transaction, id: string, content: CohortContent, override: CohortOverrideRecord) {
    await tx.query(
      `UPDATE cohorts SET members = $2, waitlist = $3, excluded = $4, violations = $5,
         overrides = overrides || jsonb_build_array($6::jsonb), version = version + 1
       WHERE id = $1`,
      [
        id,
        JSON.stringify(content.members),
        JSON.stringify(content.waitlist),
        JSON.stringify(content.excluded),
        JSON.stringify(content.violations),
        JSON.stringify(override),
      ],
    );
  }

  /** The proposal the lottery's draw selected, in place of the one proposed (it had no override). */
  async replaceDrawnContent(tx: Transaction, id: string, content: CohortContent): Promise<void> {
    await tx.query(
      `UPDATE cohorts SET members = $2, waitlist = $3, excluded = $4, unmet_constraints = $5, violations = $6,
         version = version + 1
       WHERE id = $1`,
      [
        id,
        JSON.stringify(content.members),
        JSON.stringify(content.waitlist),
        JSON.stringify(content.excluded),
        JSON.stringify(content.unmetConstraints),
        JSON.stringify(content.violations),
      ],
    );
  }

  async markApproved(tx: Transaction, id: string, actorId: string): Promise<void> {
    await tx.query(
      `UPDATE cohorts SET status = 'approved', approved_by = $2, approved_at = clock_timestamp(), version = version + 1
       WHERE id = $1`,
      [id, actorId],
    );
  }

  async markPublished(
    tx: Transaction,
    id: string,
    publication: { actorId: string; publishedAt: Date; snapshot: PublicCohortDocument; contentHash: string },
  ): Promise<void> {
    await tx.query(
      `UPDATE cohorts SET status = 'published', published_by = $2, published_at = $3, snapshot = $4, content_hash = $5,
         version = version + 1
       WHERE id = $1`,
      [id, publication.actorId, publication.publishedAt, JSON.stringify(publication.snapshot), publication.contentHash],
    );
  }

  /** Published cohorts' public documents, newest first. */
  async listPublished(page: { limit: number; offset: number }): Promise<{ items: PublishedCohort[]; total: number }> {
    const [rows, [count]] = (await Promise.all([
      this.transactions.autocommit.query(
        `SELECT call_id AS "callId", snapshot, content_hash AS "contentHash" FROM cohorts WHERE status = 'published'
         ORDER BY published_at DESC, id LIMIT $1 OFFSET $2`,
        [page.limit, page.offset],
      ),
      this.transactions.autocommit.query(`SELECT count(*)::int AS n FROM cohorts WHERE status = 'published'`),
    ])) as [PublishedCohort[], Array<{ n: number }>];
    return { items: rows, total: count.n };
  }

  async findPublished(id: string): Promise<PublishedCohort | null> {
    const rows = (await this.transactions.autocommit.query(
      `SELECT call_id AS "callId", snapshot, content_hash AS "contentHash" FROM cohorts WHERE id = $1 AND status = 'published'`,
      [id],
    )) as PublishedCohort[];
    return rows[0] ?? null;
  }
}

export interface PublishedCohort {
  callId: string;
  snapshot: PublicCohortDocument;
  contentHash: string;
}
