import { Injectable } from '@nestjs/common';
import { Page, PageQuery, Sort, Transactions } from '@app/platform';
import { LIVE_STATUSES } from '../domain/evaluation';
import { STAGE_PANEL_SQL } from './panel.repository';

/** What the paged panel sorts by; by name (in any case) unless asked otherwise, then by id on every tie. */
export const PANEL_MEMBER_SORT_KEYS = ['name', 'email', 'country', 'affiliation', 'load', 'submitted'] as const;
export type PanelMemberSortKey = (typeof PANEL_MEMBER_SORT_KEYS)[number];

export interface PanelMemberListQuery extends PageQuery {
  sort: Sort<PanelMemberSortKey>;
}

/** A member of a stage's panel with its account's details and its assignments in the stage, counted. */
export interface ListedPanelMember {
  evaluatorId: string;
  displayName: string;
  email: string;
  countryCode: string | null;
  affiliation: string | null;
  addedAt: Date;
  /** Live assignments in the stage (assigned, in draft or submitted). */
  load: number;
  /** Of those, the evaluations submitted. */
  submitted: number;
}

const LOAD = 'count(*) FILTER (WHERE a.status = ANY($5::text[]))';
const SUBMITTED = `count(*) FILTER (WHERE a.status = 'submitted')`;

const SORT_COLUMNS: Record<PanelMemberSortKey, string> = {
  name: 'lower(u.display_name)',
  email: 'lower(u.email)',
  country: 'u.country_code',
  affiliation: 'lower(u.affiliation)',
  load: LOAD,
  submitted: SUBMITTED,
};

type Row = { total: number; evaluator_id: string | null } & Omit<ListedPanelMember, 'evaluatorId'>;

/**
 * The secretariat's list of a stage's panel (the stage's own, else the call's; ./panel.repository):
 * sorted, paged and counted in the database, one statement
 * whatever the panel's size. The count comes on a row of its own, left-joined to the page, so a page
 * past the end still says how many members there are. The members' accounts are read through
 * identity's view of them.
 */
@Injectable()
export class PanelMembersRepository {
  constructor(private readonly transactions: Transactions) {}

  async page(callId: string, stage: number, query: PanelMemberListQuery): Promise<Page<ListedPanelMember>> {
    const direction = query.sort.descending ? 'DESC' : 'ASC';
    // Members without a country or an affiliation come last whichever the direction.
    const order = (alias: string) => `${alias}sort_key ${direction} NULLS LAST, ${alias}name_key, ${alias}evaluator_id`;
    const rows = (await this.transactions.autocommit.query(
      `SELECT counted.total, page.evaluator_id, page.display_name AS "displayName", page.email,
              page.country_code AS "countryCode", page.affiliation, page.added_at AS "addedAt",
              page.load, page.submitted
         FROM (SELECT count(*)::int AS total FROM (${STAGE_PANEL_SQL}) p) counted
         LEFT JOIN LATERAL (
           SELECT m.evaluator_id, m.added_at, u.display_name, u.email, u.country_code,
                  u.affiliation, ${LOAD}::int AS load, ${SUBMITTED}::int AS submitted,
                  ${SORT_COLUMNS[query.sort.key]} AS sort_key, lower(u.display_name) AS name_key
             FROM (${STAGE_PANEL_SQL}) m
             JOIN identity_user_profiles u ON u.user_id = m.evaluator_id
             LEFT JOIN assignments a ON a.call_id = $1 AND a.stage = $2 AND a.evaluator_id = m.evaluator_id
            GROUP BY m.evaluator_id, m.added_at, u.display_name, u.email, u.country_code, u.affiliation
            ORDER BY ${order('')}
            LIMIT $3 OFFSET $4
         ) page ON true
        ORDER BY ${order('page.')}`,
      [callId, stage, query.limit, query.offset, LIVE_STATUSES],
    )) as Row[];
    return {
      total: rows[0]?.total ?? 0,
      items: rows.flatMap(({ total: _total, evaluator_id: evaluatorId, ...member }) =>
        evaluatorId === null ? [] : [{ evaluatorId, ...member }],
      ),
    };
  }
}
