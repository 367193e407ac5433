import { INTL_LOCALES, type Language } from '@app/platform/languages';
import { Injectable } from '@nestjs/common';
import { Transaction, Transactions } from '@app/platform';
import type { PublicCohortMember } from '../domain/public-cohort';
import type { StageScore } from '../domain/final-ranking';
import type { ApplicationForSelection, Region } from '../domain/selection.types';

export interface EntryOrganisation {
  name: string;
  city: string | null;
  countryCode: string;
  region: Region;
}

/**
 * The applications selection considers ($1 is the call), with their results in stage $2 when scored;
 * in the call's last stage when $2 is null (a cohort is selected from it).
 */
const FACTS_OF_CALL = `FROM applications_selection_facts a
  LEFT JOIN scoring_application_results r ON r.application_id = a.application_id
    AND r.stage = COALESCE($2::int, (SELECT max(s.stage) FROM calls_review_stages s WHERE s.call_id = $1))
  WHERE a.call_id = $1`;

/**
 * What selection reads of the other contexts, through the views they grant it, set-based: a call of
 * 100,000 ranked applications is one query, not a loop of service calls.
 */
@Injectable()
export class SelectionFactsRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * Every submitted application of the call (withdrawn ones too), with its result in a stage (the last
   * unless given) when scored. Its score is the one it ranks by: a moderator's consensus score where
   * there is one, else the evaluators' score, so that the minimum score and the released score agree
   * with the rank.
   */
  async applicationsFor(
    callId: string,
    tx: Transaction = this.transactions.autocommit,
    stage: number | null = null,
  ): Promise<ApplicationForSelection[]> {
    return (await tx.query(
      `SELECT a.application_id AS "applicationId", r.rank, COALESCE(r.consensus_score, r.score) AS score,
              a.country_code AS "countryCode", a.region,
              a.status, a.eligible, COALESCE(r.evaluation_count, 0) AS "evaluationCount"
       ${FACTS_OF_CALL}`,
      [callId, stage],
    )) as ApplicationForSelection[];
  }

  /** Every stage score of the call's applications, for a weighted final ranking. */
  async stageScores(callId: string, tx: Transaction = this.transactions.autocommit): Promise<StageScore[]> {
    return (await tx.query(
      `SELECT r.application_id AS "applicationId", r.stage, r.score, r.consensus_score AS "consensusScore"
       FROM applications_selection_facts a
       JOIN scoring_application_results r ON r.application_id = a.application_id
       WHERE a.call_id = $1`,
      [callId],
    )) as StageScore[];
  }

  /**
   * A digest of those facts in the stages given (those the final ranking is made from), computed where
   * they are: when it differs later, a proposal no longer describes the call (an application was
   * withdrawn, an evaluation of any of those stages rescored) and must be made again. A consensus
   * score counts where there is one (concat_ws skips nulls, so a digest without any reads as before).
   */
  async factsFingerprint(
    callId: string,
    stages: number[],
    tx: Transaction = this.transactions.autocommit,
  ): Promise<string> {
    const [row] = (await tx.query(
      `SELECT encode(sha256(convert_to(coalesce(string_agg(
                concat_ws('|', a.application_id, r.rank, r.score::text, a.status, a.eligible, r.evaluation_count,
                          r.consensus_score::text),
                ',' ORDER BY a.application_id, r.stage), ''), 'UTF8')), 'hex') AS fingerprint
       FROM applications_selection_facts a
       LEFT JOIN scoring_application_results r ON r.application_id = a.application_id AND r.stage = ANY ($2::int[])
       WHERE a.call_id = $1`,
      [callId, stages],
    )) as Array<{ fingerprint: string }>;
    return row.fingerprint;
  }

  /** The organisations behind applications, for showing a proposal. */
  async organisationsOf(applicationIds: string[]): Promise<Map<string, EntryOrganisation>> {
    const rows = (await this.transactions.autocommit.query(
      `SELECT a.application_id AS id, o.name, o.city, a.country_code AS "countryCode", a.region
       FROM applications_organisations a JOIN identity_organisation_names o ON o.id = a.organisation_id
       WHERE a.application_id = ANY ($1::uuid[])`,
      [applicationIds],
    )) as Array<EntryOrganisation & { id: string }>;
    return new Map(rows.map(({ id, ...organisation }) => [id, organisation]));
  }

  /**
   * The public description of the members: organisation, city, country (English name) and region,
   * each with the application it describes.
   */
  async publicMembers(
    tx: Transaction,
    applicationIds: string[],
  ): Promise<Array<{ applicationId: string; publicEntry: PublicCohortMember }>> {
    const rows = (await tx.query(
      `SELECT a.application_id AS "applicationId", o.name, o.city, a.country_code AS "countryCode",
              c.name_en AS "countryName", a.region,
              (SELECT r.consensus_score FROM scoring_application_results r
                WHERE r.application_id = a.application_id ORDER BY r.stage DESC LIMIT 1) AS "consensusScore"
       FROM applications_organisations a
       JOIN identity_organisation_names o ON o.id = a.organisation_id
       JOIN identity_country_names c ON c.code = a.country_code
       WHERE a.application_id = ANY ($1::uuid[])`,
      [applicationIds],
    )) as Array<PublicCohortMember & { applicationId: string; consensusScore: number | null }>;
    // A member's consensus score is stated only where there is one: other documents read as before.
    return rows.map(({ applicationId, consensusScore, ...member }) => ({
      applicationId,
      publicEntry: consensusScore === null ? member : { ...member, consensusScore },
    }));
  }

  /** Applications submitted and not withdrawn, eligible or not, and their distinct countries. */
  async submissionCounts(tx: Transaction, callId: string): Promise<{ applications: number; countries: number }> {
    const [row] = (await tx.query(
      `SELECT count(*)::int AS applications, count(DISTINCT country_code)::int AS countries
       FROM applications_selection_facts WHERE call_id = $1 AND status <> 'withdrawn'`,
      [callId],
    )) as Array<{ applications: number; countries: number }>;
    return row;
  }

  /** Distinct evaluators who submitted an evaluation of the call. */
  async evaluatorCount(callId: string): Promise<number> {
    const [row] = (await this.transactions.autocommit.query(
      `SELECT count(DISTINCT evaluator_id)::int AS n FROM evaluation_submitted_evaluations WHERE call_id = $1`,
      [callId],
    )) as Array<{ n: number }>;
    return row.n;
  }

  /** Applications of the call that a moderator's consensus score ranks, in any stage. */
  async consensusScoreCount(callId: string): Promise<number> {
    const [row] = (await this.transactions.autocommit.query(
      `SELECT count(DISTINCT r.application_id)::int AS n
       FROM applications_selection_facts a
       JOIN scoring_application_results r ON r.application_id = a.application_id
       WHERE a.call_id = $1 AND r.consensus_score IS NOT NULL`,
      [callId],
    )) as Array<{ n: number }>;
    return row.n;
  }

  /**
   * Country names in a language: the countries table's own in English and French, Intl's (CLDR) in
   * the other four, or the English name where CLDR has none.
   */
  async countryNames(codes: string[], locale: Language): Promise<Map<string, string>> {
    const rows = (await this.transactions.autocommit.query(
      `SELECT code, ${locale === 'fr' ? 'name_fr' : 'name_en'} AS name FROM identity_country_names WHERE code = ANY ($1::text[])`,
      [codes],
    )) as Array<{ code: string; name: string }>;
    const cldr =
      locale === 'en' || locale === 'fr'
        ? undefined
        : new Intl.DisplayNames([INTL_LOCALES[locale]], { type: 'region', fallback: 'none' });
    return new Map(rows.map((r) => [r.code.trim(), cldr?.of(r.code.trim()) ?? r.name]));
  }
}
