import { Injectable } from '@nestjs/common';
import { Page, PageQuery, Sort, Transactions } from '@app/platform';
import type { Application, ApplicationStatus } from '../domain/application';

/** What the secretariat's list sorts by; `createdAt` (then id) is the default and breaks every tie. */
export const APPLICATION_LIST_SORT_KEYS = ['createdAt', 'submittedAt', 'organisation', 'country', 'status'] as const;
export type ApplicationListSortKey = (typeof APPLICATION_LIST_SORT_KEYS)[number];

export const ELIGIBILITY_FILTERS = ['eligible', 'ineligible'] as const;
export type EligibilityFilter = (typeof ELIGIBILITY_FILTERS)[number];

/** Which of a call's applications the list holds, and in what order. */
export interface ApplicationListCriteria {
  status?: ApplicationStatus;
  countryCode?: string;
  region?: string;
  /** The eligibility in force (the secretariat's decision, else the computed one); drafts have none. */
  eligibility?: EligibilityFilter;
  /** Part of the organisation's name or city, any case. */
  search?: string;
  sort: Sort<ApplicationListSortKey>;
}

export interface ApplicationListFilter extends ApplicationListCriteria, PageQuery {}

/** An application with the name and city of the organisation that applied. */
export interface ListedApplication extends Application {
  organisation: { name: string; city: string | null };
}

const SORT_COLUMNS: Record<ApplicationListSortKey, string> = {
  createdAt: 'a.created_at',
  submittedAt: 'a.submitted_at',
  organisation: 'lower(o.name)',
  country: 'a.country_code',
  status: 'a.status',
};

const APPLICATION_COLUMNS = `a.id, a.call_id AS "callId", a.organisation_id AS "organisationId",
  a.country_code AS "countryCode", a.region, a.status, a.answers, a.eligibility,
  a.eligibility_override AS "eligibilityOverride", a.reply_decision AS "replyDecision", a.session_preferences AS "sessionPreferences", a.submitted_at AS "submittedAt", a.withdrawn_at AS "withdrawnAt",
  a.feedback, a.version, a.answers_version AS "answersVersion", a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

const EFFECTIVE_ELIGIBILITY = `COALESCE((a.eligibility_override ->> 'eligible')::boolean,
  (a.eligibility ->> 'eligible')::boolean)`;

type Row = Application & { sort_key: unknown; total: number; name: string | null; city: string | null };

/** The secretariat's list of a call's applications: filtered, searched, sorted and paged in the database. */
@Injectable()
export class ApplicationListRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * A page of the call's applications with the count of all that pass the filters, in one statement.
   * The organisations are joined (through identity's view) for the search and the sort only when
   * they ask for it, since the planner removes an unused left join, and for the page's rows.
   */
  async page(callId: string, filter: ApplicationListFilter): Promise<Page<ListedApplication>> {
    const { from, params, order, sortColumn } = listed(callId, filter);
    const limit = `$${params.length + 1}`;
    const offset = `$${params.length + 2}`;
    const rows = (await this.transactions.autocommit.query(
      `SELECT counted.total, page.*, po.name, po.city
         FROM (SELECT count(*)::int AS total FROM ${from}) counted
         LEFT JOIN LATERAL (
           SELECT ${sortColumn} AS sort_key, ${APPLICATION_COLUMNS}
             FROM ${from}
            ORDER BY ${order('')} LIMIT ${limit} OFFSET ${offset}
         ) page ON true
         LEFT JOIN identity_organisation_names po ON po.id = page."organisationId"
        ORDER BY ${order('page.')}`,
      [...params, filter.limit, filter.offset],
    )) as Row[];
    return { items: rows.flatMap(toListed), total: rows[0]?.total ?? 0 };
  }

  /** Every application the list holds, in its order, handed to `each` a batch at a time (an export). */
  forEachBatch(
    callId: string,
    criteria: ApplicationListCriteria,
    batchSize: number,
    each: (batch: ListedApplication[]) => Promise<void>,
  ): Promise<void> {
    const { from, params, order, sortColumn } = listed(callId, criteria);
    return this.transactions.forEachBatch<Row>(
      `SELECT ${sortColumn} AS sort_key, ${APPLICATION_COLUMNS}, o.name, o.city FROM ${from} ORDER BY ${order('')}`,
      params,
      batchSize,
      (rows) => each(rows.flatMap(toListed)),
    );
  }
}

/**
 * The statement parts of the list: what it reads from (with the organisations, joined through
 * identity's view for the search, the sort and the rows), its parameters, and its order.
 */
function listed(callId: string, criteria: ApplicationListCriteria) {
  const params: unknown[] = [callId];
  const condition = (sql: (param: string) => string, value: unknown) => {
    params.push(value);
    return `AND ${sql(`$${params.length}`)}`;
  };
  const conditions = [
    criteria.status && condition((p) => `a.status = ${p}`, criteria.status),
    criteria.countryCode && condition((p) => `a.country_code = ${p}`, criteria.countryCode),
    criteria.region && condition((p) => `a.region = ${p}`, criteria.region),
    criteria.eligibility && condition((p) => `${EFFECTIVE_ELIGIBILITY} = ${p}`, criteria.eligibility === 'eligible'),
    criteria.search &&
      condition(
        (p) => `(strpos(lower(o.name), lower(${p})) > 0 OR strpos(lower(o.city), lower(${p})) > 0)`,
        criteria.search,
      ),
  ].filter(Boolean);
  const from = `applications a LEFT JOIN identity_organisation_names o ON o.id = a.organisation_id
    WHERE a.call_id = $1 ${conditions.join(' ')}`;
  // Unsubmitted applications have no submission time: last whichever the direction.
  const order = (alias: string) =>
    `${alias}sort_key ${criteria.sort.descending ? 'DESC' : 'ASC'} NULLS LAST, ${alias}"createdAt", ${alias}id`;
  return { from, params, order, sortColumn: SORT_COLUMNS[criteria.sort.key] };
}

function toListed({ sort_key: _sortKey, total: _total, name, city, ...application }: Row): ListedApplication[] {
  if (application.id === null) return [];
  return [{ ...application, organisation: { name: name ?? '', city } }];
}
