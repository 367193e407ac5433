import { Injectable } from '@nestjs/common';
import { Page, PageQuery, Sort, Transactions } from '@app/platform';

/** What the ranking sorts by; `rank` is the default and breaks every tie. */
export const RANKING_SORT_KEYS = [
  'rank',
  'score',
  'rawScore',
  'normalizedScore',
  'evaluationCount',
  'spread',
  'stdDev',
  'organisation',
  'country',
] as const;
export type RankingSortKey = (typeof RANKING_SORT_KEYS)[number];

/** Which ranked applications to read, and in what order. */
export interface RankingCriteria {
  /** The review stage whose ranking it is; stage 1 when absent. */
  stage?: number;
  /** Part of the organisation's name or city, any case. */
  search?: string;
  sort: Sort<RankingSortKey>;
}

export interface RankingFilter extends RankingCriteria, PageQuery {}

/** One ranked application with who applied. */
export interface RankingEntry {
  applicationId: string;
  score: number;
  rawScore: number;
  normalizedScore: number;
  evaluationCount: number;
  spread: number;
  stdDev: number;
  needsModeration: boolean;
  /** The moderator's consensus score, which the rank is by instead of `score`; null when none was recorded. */
  consensusScore: number | null;
  rank: number;
  organisation: { name: string; countryCode: string; region: string };
  /** How sure the rank is (calibrated stages, once the bootstrap has run); null otherwise. */
  uncertainty: RankingUncertainty | null;
}

export interface RankingUncertainty {
  /** Share of the bootstrap's replicates in which the application ranks within the cohort size. */
  probabilityInCohort: number;
  /** The 90% interval of its rank (5th and 95th percentiles of the replicates' ranks). */
  rankInterval: { lower: number; upper: number };
  meanRank: number;
  /** Computed from other totals or ranks than the current ones: a newer bootstrap is pending. */
  stale: boolean;
}

/** A ranked application as exported: with the application's status and eligibility now. */
export interface ExportedRankingEntry extends RankingEntry {
  status: string;
  eligible: boolean | null;
}

interface EntryRow {
  application_id: string | null;
  score: number;
  raw_score: number;
  normalized_score: number;
  evaluation_count: number;
  spread: number;
  std_dev: number;
  needs_moderation: boolean;
  consensus_score: number | null;
  rank: number;
  name: string | null;
  country_code: string;
  region: string;
  total: number;
  probability_in_cohort?: number | null;
  rank_lower?: number | null;
  rank_upper?: number | null;
  mean_rank?: number | null;
  uncertainty_stale?: boolean | null;
}

type ExportRow = EntryRow & { status: string; eligible: boolean | null };

const SORT_COLUMNS: Record<RankingSortKey, string> = {
  rank: 'r.rank',
  score: 'r.score',
  rawScore: 'r.raw_score',
  normalizedScore: 'r.normalized_score',
  evaluationCount: 'r.evaluation_count',
  spread: 'r.spread',
  stdDev: 'r.std_dev',
  organisation: 'lower(o.name)',
  country: 'a.country_code',
};

/**
 * The ranked applications of the call ($1) in the stage given by the parameter `stage`. Left joins on
 * primary keys: the planner removes those the statement does not use, so the default (no search, by
 * rank) reads only application_results on its (call_id, stage, rank) index, through scoring_results.
 */
const rankedOfStage = (stage: string, moreJoins = '') => `scoring_results r
  LEFT JOIN applications_organisations a ON a.application_id = r.application_id
  LEFT JOIN identity_organisation_names o ON o.id = a.organisation_id${moreJoins}
  WHERE r.call_id = $1 AND r.stage = ${stage} AND r.rank IS NOT NULL`;

const searched = (param: string) =>
  `AND (strpos(lower(o.name), lower(${param})) > 0 OR strpos(lower(o.city), lower(${param})) > 0)`;

const RESULT_COLUMNS = `r.application_id, r.score, r.raw_score, r.normalized_score, r.evaluation_count, r.spread,
  r.std_dev, r.needs_moderation, r.consensus_score, r.rank`;

/** A calibrated result's rank uncertainty (§ calibrated scores), null for the others: columns and joins by key. */
const UNCERTAINTY_COLUMNS = `pu.probability_in_cohort, pu.rank_lower, pu.rank_upper, pu.mean_rank,
  pc.uncertainty_fingerprint IS DISTINCT FROM pc.fingerprint AS uncertainty_stale`;
const uncertaintyOfResults = (applicationId: string, stage: string) => `
  LEFT JOIN scoring_rank_uncertainties pu ON pu.application_id = ${applicationId} AND pu.stage = ${stage}
  LEFT JOIN scoring_calibrations pc ON pc.call_id = $1 AND pc.stage = ${stage}`;

/** The ranking as the secretariat reads it: searched, sorted and paged in the database. */
@Injectable()
export class RankingRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * A page of the call's ranked applications with the count of those the search finds, in one
   * statement. The page is chosen on keys alone and only its rows are joined to who applied, so a
   * page deep in a large call costs no join per skipped row. The count comes on a row of its own,
   * left-joined to the page, so a page past the end still says how many there are.
   */
  async page(callId: string, filter: RankingFilter): Promise<Page<RankingEntry>> {
    const ranked = rankedOfStage('$4');
    const where = filter.search === undefined ? ranked : `${ranked} ${searched('$5')}`;
    const direction = filter.sort.descending ? 'DESC' : 'ASC';
    const rows = (await this.transactions.autocommit.query(
      `SELECT counted.total, page.*, po.name, pa.country_code, pa.region, ${UNCERTAINTY_COLUMNS}
         FROM (SELECT count(*)::int AS total FROM ${where}) counted
         LEFT JOIN LATERAL (
           SELECT ${SORT_COLUMNS[filter.sort.key]} AS sort_key, ${RESULT_COLUMNS}
             FROM ${where}
            ORDER BY sort_key ${direction}, r.rank LIMIT $2 OFFSET $3
         ) page ON true
         LEFT JOIN applications_organisations pa ON pa.application_id = page.application_id
         LEFT JOIN identity_organisation_names po ON po.id = pa.organisation_id
         ${uncertaintyOfResults('page.application_id', '$4')}
        ORDER BY page.sort_key ${direction}, page.rank`,
      [callId, filter.limit, filter.offset, filter.stage ?? 1, ...(filter.search === undefined ? [] : [filter.search])],
    )) as EntryRow[];
    return { items: rows.flatMap(toEntry), total: rows[0]?.total ?? 0 };
  }

  /**
   * Every ranked application the search finds, in the order asked, with its status and eligibility
   * now (withdrawn or overridden since the last scoring, say), handed to `each` a batch at a time.
   */
  forEachBatch(
    callId: string,
    criteria: RankingCriteria,
    batchSize: number,
    each: (batch: ExportedRankingEntry[]) => Promise<void>,
  ): Promise<void> {
    const ranked = rankedOfStage('$2', uncertaintyOfResults('r.application_id', '$2'));
    const where = criteria.search === undefined ? ranked : `${ranked} ${searched('$3')}`;
    return this.transactions.forEachBatch<ExportRow>(
      `SELECT ${RESULT_COLUMNS}, o.name, a.country_code, a.region, a.status, a.eligible, ${UNCERTAINTY_COLUMNS}
         FROM ${where}
        ORDER BY ${SORT_COLUMNS[criteria.sort.key]} ${criteria.sort.descending ? 'DESC' : 'ASC'}, r.rank`,
      [callId, criteria.stage ?? 1, ...(criteria.search === undefined ? [] : [criteria.search])],
      batchSize,
      (rows) =>
        each(
          rows.flatMap((row) =>
            toEntry(row).map((entry) => ({ ...entry, status: row.status, eligible: row.eligible })),
          ),
        ),
    );
  }
}

function toEntry(row: EntryRow): RankingEntry[] {
  if (row.application_id === null) return [];
  return [
    {
      applicationId: row.application_id,
      score: row.score,
      rawScore: row.raw_score,
      normalizedScore: row.normalized_score,
      evaluationCount: row.evaluation_count,
      spread: row.spread,
      stdDev: row.std_dev,
      needsModeration: row.needs_moderation,
      consensusScore: row.consensus_score,
      rank: row.rank,
      organisation: { name: row.name ?? '', countryCode: row.country_code, region: row.region },
      uncertainty: uncertaintyOf(row),
    },
  ];
}

function uncertaintyOf(row: EntryRow): RankingUncertainty | null {
  if (row.probability_in_cohort === undefined || row.probability_in_cohort === null) return null;
  return {
    probabilityInCohort: row.probability_in_cohort,
    rankInterval: { lower: row.rank_lower as number, upper: row.rank_upper as number },
    meanRank: row.mean_rank as number,
    stale: row.uncertainty_stale === true,
  };
}
