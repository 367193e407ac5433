import { Injectable } from '@nestjs/common';
import { Page, PageQuery, Sort, Transactions } from '@app/platform';
import type { Application, ApplicationStatus } from '../domain/application';

/** What the secretariat's list sorts by; `createdAt` (then id) is the default and breaks every tie. */
export const APPLICATION_LIST_SORT_KEYS = ['createdAt', 'submittedAt', 'organisation', 'country', 'status'] as const;
export type ApplicationListSortKey = (typeof APPLICATION_LIST_SORT_KEYS)[number];

export const ELIGIBILITY_FILTERS = ['eligible', 'ineligible'] as const;
export type EligibilityFilter = (typeof ELIGIBILITY_FILTERS)[number];

export interface ApplicationListFilter extends PageQuery {
  status?: ApplicationStatus;
  countryCode?: string;
  region?: string;
  /** The eligibility in force (the secretariat's decision, else the computed one); drafts have none. */
  eligibility?: EligibilityFilter;
  /** Part of the organisation's name or city, any case. */
  search?: string;
  sort: Sort<ApplicationListSortKey>;
}

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
  a.eligibility_override AS "eligibilityOverride", a.submitted_at AS "submittedAt", a.withdrawn_at AS "withdrawnAt",
  a.feedback, a.version, a.created_at AS "createdAt", a.updated_at AS "updatedAt"`;

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
    const params: unknown[] = [callId, filter.limit, filter.offset];
    const condition = (sql: (param: string) => string, value: unknown) => {
      params.push(value);
      return `AND ${sql(`$${params.length}`)}`;
    };
    const conditions = [
      filter.status && condition((p) => `a.status = ${p}`, filter.status),
      filter.countryCode && condition((p) => `a.country_code = ${p}`, filter.countryCode),
      filter.region && condition((p) => `a.region = ${p}`, filter.region),
      filter.eligibility && condition((p) => `${EFFECTIVE_ELIGIBILITY} = ${p}`, filter.eligibility === 'eligible'),
      filter.search &&
        condition(
          (p) => `(strpos(lower(o.name), lower(${p})) > 0 OR strpos(lower(o.city), lower(${p})) > 0)`,
          filter.search,
        ),
    ].filter(Boolean);
    const where = `applications a LEFT JOIN identity_organisation_names o ON o.id = a.organisation_id
      WHERE a.call_id = $1 ${conditions.join(' ')}`;
    // Unsubmitted applications have no submission time: last whichever the direction.
    const order = (alias: string) =>
      `${alias}sort_key ${filter.sort.descending ? 'DESC' : 'ASC'} NULLS LAST, ${alias}"createdAt", ${alias}id`;
    const rows = (await this.transactions.autocommit.query(
      `SELECT counted.total, page.*, po.name, po.city
         FROM (SELECT count(*)::int AS total FROM ${where}) counted
         LEFT JOIN LATERAL (
           SELECT ${SORT_COLUMNS[filter.sort.key]} AS sort_key, ${APPLICATION_COLUMNS}
             FROM ${where}
            ORDER BY ${order('')} LIMIT $2 OFFSET $3
         ) page ON true
         LEFT JOIN identity_organisation_names po ON po.id = page."organisationId"
        ORDER BY ${order('page.')}`,
      params,
    )) as Row[];
    return { items: rows.flatMap(toListed), total: rows[0]?.total ?? 0 };
  }
}

function toListed({ sort_key: _sortKey, total: _total, name, city, ...application }: Row): ListedApplication[] {
  if (application.id === null) return [];
  return [{ ...application, organisation: { name: name ?? '', city } }];
}
