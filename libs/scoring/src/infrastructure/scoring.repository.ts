import { Injectable } from '@nestjs/common';
import { Transaction, Transactions } from '@app/platform';
import {
  ANY_KEPT_TOTAL_SQL,
  ASSIGNMENTS_WRITTEN_SINCE_SQL,
  DIFF_KEPT_TOTALS_SQL,
  FORGET_TOTALS_OF_OLD_DEFINITION_SQL,
  FORGET_TOTALS_SQL,
  KEEP_EVERY_TOTAL_SQL,
  KEEP_TOTALS_SQL,
} from './incremental-scoring.sql';
import { TotalCount, callMoments } from '../domain/call-moments';
import {
  FORGET_EVALUATOR_MOMENTS_SQL,
  FORGET_TOTALS_STAGED_BY_RUN_SQL,
  KEEP_APPLICATION_FIGURES_SQL,
  KEEP_APPLICATION_PARTS_SQL,
  KEEP_EVALUATOR_MOMENTS_SQL,
  KEEP_RUN_TOTALS_SQL,
  KEEP_STAGE_MOMENTS_SQL,
  RANK_STAGE_SQL,
  TOTALS_BY_VALUE_SQL,
} from './scoring-aggregates.sql';
import { APPLICATION_RESULT_COLUMNS, ApplicationResult, ResultRow, toResult } from './application-result';
import { CalibrationRepository, StageFit } from './calibration.repository';
import { SCORE_CALL_SQL } from './scoring.sql';
import {
  Changed,
  ChangedRow,
  Rescored,
  ScoredCall,
  ScoredStage,
  StageKey,
  StageScorer,
  Written,
  firstCount,
  kept,
  merge,
  scoredCall,
  union,
} from './stage-rescoring';
import { withoutNestedLoops } from './without-nested-loops';

export type { ApplicationResult } from './application-result';
export type { ScoredCall } from './stage-rescoring';

/**
 * Set-based scoring (DESIGN.md §2): a call is scored by one SQL statement, never a loop per row.
 * The results agree with the pure `scoreCall` of ../domain to 1e-9, with identical ranks.
 */
@Injectable()
export class ScoringRepository {
  constructor(
    private readonly transactions: Transactions,
    private readonly calibration: CalibrationRepository,
  ) {}

  /**
   * Serialises the scoring of a call in the caller's transaction: whatever writes results holds it
   * exclusively, chunks of a run that only stage totals hold it shared. Taken before reading, so that
   * (in READ COMMITTED) a statement that waited sees the facts the previous holder committed.
   */
  async lockCall(tx: Transaction, callId: string, mode: 'exclusive' | 'shared'): Promise<void> {
    const lock = mode === 'exclusive' ? 'pg_advisory_xact_lock' : 'pg_advisory_xact_lock_shared';
    await tx.query(`SELECT ${lock}(hashtextextended('scoring:' || $1::text, 0))`, [callId]);
  }

  /** The call's review stages, 1..n, each with whether it is calibrated. */
  async stagesOf(tx: Transaction, callId: string): Promise<StageKey[]> {
    const rows = (await tx.query(
      `SELECT stage, normalization FROM calls_scoring_settings WHERE call_id = $1 ORDER BY stage`,
      [callId],
    )) as Array<{ stage: number; normalization: string }>;
    return rows.map((r) => ({ callId, stage: r.stage, calibrated: r.normalization === 'calibrated' }));
  }

  /**
   * Recomputes and upserts, stage by stage, the result of every application of the call that has a
   * submitted evaluation in the stage, and deletes the results of those that no longer have one.
   * Idempotent. The caller holds the call's lock (`lockCall`).
   */
  async scoreCall(tx: Transaction, callId: string): Promise<ScoredCall> {
    const scored: Array<ScoredStage & { stage: number }> = [];
    for (const of of await this.stagesOf(tx, callId)) {
      const { applications } = firstCount(await tx.query(SCORE_CALL_SQL, [callId, of.stage]));
      // A calibrated stage: the statement wrote raw scores and their ranks; the fit over the same totals replaces them.
      const uncertaintyOutdated = of.calibrated && (await this.calibrateFromLiveTotals(tx, of));
      scored.push({ stage: of.stage, applications, uncertaintyOutdated });
    }
    return scoredCall(scored);
  }

  private async calibrateFromLiveTotals(tx: Transaction, of: StageKey): Promise<boolean> {
    const fit = await this.calibration.fitStage(tx, of, 'live');
    const { ranking } = await this.calibration.writeScores(tx, of, fit, []);
    return this.calibration.keepFit(tx, of, fit, ranking);
  }

  /**
   * The same results as `scoreCall`, bit for bit, at the cost of what changed since the last
   * rescoring: the totals of the evaluations submitted or reopened meanwhile (found by one scan of
   * the call's assignments for those written since), the moments of their evaluators, the figures
   * of their applications, the call's moments from its totals grouped by value, then one pass over
   * the kept totals for what moves with the moments (normalised scores, ranks); writes only the
   * results that changed. Each stage of the call is rescored so, from its own facts. Idempotent;
   * the caller holds the call's lock.
   */
  async rescoreIncrementally(tx: Transaction, callId: string): Promise<ScoredCall> {
    await sortInMemory(tx);
    const scored: Array<ScoredStage & { stage: number }> = [];
    for (const of of await this.stagesOf(tx, callId)) {
      scored.push({ stage: of.stage, ...(await this.rescoreStageIncrementally(tx, of)) });
    }
    return scoredCall(scored);
  }

  private async rescoreStageIncrementally(tx: Transaction, of: StageKey): Promise<ScoredStage> {
    const key = [of.callId, of.stage];
    await tx.query(FORGET_TOTALS_OF_OLD_DEFINITION_SQL, key);
    const [definition] = (await tx.query(
      `SELECT assignments_seen FROM scoring_call_definitions WHERE call_id = $1 AND stage = $2`,
      key,
    )) as Array<{ assignments_seen: string | null }>;
    const since = definition?.assignments_seen ?? null;
    const [written] = (await tx.query(ASSIGNMENTS_WRITTEN_SINCE_SQL, [...key, since])) as Array<{
      candidates: string[];
      submitted: number;
      seen: string;
    }>;
    const [{ any }] = (await tx.query(ANY_KEPT_TOTAL_SQL, key)) as Array<{ any: boolean }>;
    let changed: Changed = 'every';
    let totals: TotalCount[];
    if (any) {
      changed = await this.bringTotalsUpToDate(tx, of, since === null ? null : written.candidates);
      totals = await this.totalsByValue(tx, of);
      // Kept totals of assignments deleted since, or of evaluations without scores: compared in full.
      if (since !== null && kept(totals) !== written.submitted) {
        changed = merge(changed, await this.bringTotalsUpToDate(tx, of, null));
        totals = await this.totalsByValue(tx, of);
      }
    } else {
      await tx.query(KEEP_EVERY_TOTAL_SQL, key);
      totals = await this.totalsByValue(tx, of);
    }
    const result = await this.scoreFromAggregates(tx, of, changed, totals);
    await tx.query(
      `UPDATE scoring_call_definitions SET rescored_at = clock_timestamp(), assignments_seen = $3
       WHERE call_id = $1 AND stage = $2`,
      [...key, written.seen],
    );
    return result;
  }

  /** Forgets the stale kept totals of the assignments given (all when null) and keeps the missing ones. */
  private async bringTotalsUpToDate(tx: Transaction, of: StageKey, assignments: string[] | null): Promise<Changed> {
    if (assignments !== null && assignments.length === 0) return { applications: [], evaluators: [] };
    const key = [of.callId, of.stage];
    const [diff] = (await tx.query(DIFF_KEPT_TOTALS_SQL, [...key, assignments])) as Array<{
      stale: string[];
      missing: string[];
    }>;
    const [forgotten] = (await tx.query(FORGET_TOTALS_SQL, [...key, diff.stale])) as ChangedRow[];
    const [keptNow] = (await tx.query(KEEP_TOTALS_SQL, [...key, diff.missing])) as ChangedRow[];
    return {
      applications: union(forgotten.applications, keptNow.applications),
      evaluators: union(forgotten.evaluators, keptNow.evaluators),
    };
  }

  private async totalsByValue(tx: Transaction, of: StageKey): Promise<TotalCount[]> {
    return (await tx.query(TOTALS_BY_VALUE_SQL, [of.callId, of.stage])) as TotalCount[];
  }

  /**
   * Brings the changed evaluators' moments and applications' figures up to date, then scores the
   * stage: from the moments (z-scores, or raw scores), or for a calibrated stage from the fit over
   * every kept total, refitted each time, so that a run and rescorings that reach the same totals
   * write the same results.
   */
  private async scoreFromAggregates(
    tx: Transaction,
    of: StageKey,
    changed: Changed,
    totals: TotalCount[],
  ): Promise<ScoredStage> {
    const key = [of.callId, of.stage];
    const evaluators = changed === 'every' ? null : changed.evaluators;
    await this.keepEvaluatorMoments(tx, of, evaluators);
    const applications = changed === 'every' ? null : changed.applications;
    const [{ written: figures }] = (await tx.query(KEEP_APPLICATION_FIGURES_SQL, [...key, applications])) as Written[];
    const written = union(figures, await this.keepParts(tx, of, applications, evaluators ?? []));
    const scorer = of.calibrated ? await this.calibratedScorer(tx, of) : await this.momentsScorer(tx, of, totals);
    const rescored = await scorer.score(written);
    if (rescored.unscored === 0 || applications === null) {
      return { applications: written.length + rescored.applications, uncertaintyOutdated: await scorer.finish() };
    }
    // Results missing for applications whose totals did not change: their figures are computed afresh.
    const [again] = (await tx.query(KEEP_APPLICATION_FIGURES_SQL, [...key, null])) as Written[];
    const added = again.written.filter((id) => !written.includes(id));
    await this.keepParts(tx, of, added, []);
    const completed = await scorer.score([...written, ...added]);
    return {
      applications: written.length + added.length + rescored.applications + completed.applications,
      uncertaintyOutdated: await scorer.finish(),
    };
  }

  /**
   * Brings up to date the parts of the normalised scores of the applications given and of those the
   * evaluators given evaluated (every application's when `applications` is null).
   */
  private async keepParts(
    tx: Transaction,
    of: StageKey,
    applications: string[] | null,
    evaluators: string[],
  ): Promise<string[]> {
    if (applications !== null && applications.length === 0 && evaluators.length === 0) return [];
    const parameters = [of.callId, of.stage, applications, evaluators];
    const [{ written }] = (await withoutNestedLoops(tx, () =>
      tx.query(KEEP_APPLICATION_PARTS_SQL, parameters),
    )) as Written[];
    return written;
  }

  /** Keeps the stage's moments, from which its scores are computed where read, then ranks the stage by them. */
  private async momentsScorer(tx: Transaction, of: StageKey, totals: TotalCount[]): Promise<StageScorer> {
    const moments = callMoments(totals);
    const parameters = [of.callId, of.stage, moments?.mean ?? null, moments?.stdDev ?? null];
    if (moments) await tx.query(KEEP_STAGE_MOMENTS_SQL, parameters);
    return {
      score: async (written) =>
        withoutNestedLoops(
          tx,
          async () => ((await tx.query(RANK_STAGE_SQL, [...parameters, written, kept(totals)])) as Rescored[])[0],
        ),
      finish: () => Promise.resolve(false),
    };
  }

  /** The stage's kept totals read in one ordered statement and fitted once; the scores written from the fit. */
  private async calibratedScorer(tx: Transaction, of: StageKey): Promise<StageScorer> {
    const fit: StageFit = await this.calibration.fitStage(tx, of, 'kept');
    let ranking = '';
    return {
      score: async (written) => {
        const result = await this.calibration.writeScores(tx, of, fit, written);
        ranking = result.ranking;
        return result;
      },
      finish: () => this.calibration.keepFit(tx, of, fit, ranking),
    };
  }

  /** Recomputes the moments of the evaluators given (every evaluator of the stage when null) from their kept totals. */
  private async keepEvaluatorMoments(tx: Transaction, of: StageKey, evaluators: string[] | null): Promise<void> {
    if (evaluators !== null && evaluators.length === 0) return;
    await tx.query(FORGET_EVALUATOR_MOMENTS_SQL, [of.callId, of.stage, evaluators]);
    await tx.query(KEEP_EVALUATOR_MOMENTS_SQL, [of.callId, of.stage, evaluators]);
  }

  /**
   * Scores the call as `scoreCall` does, stage by stage, from the totals a full run ($runId)
   * computed from every criterion score. The caller holds the call's lock.
   */
  async scoreCallFromRun(tx: Transaction, callId: string, runId: string): Promise<ScoredCall> {
    await sortInMemory(tx);
    const scored: Array<ScoredStage & { stage: number }> = [];
    for (const of of await this.stagesOf(tx, callId)) {
      scored.push({ stage: of.stage, ...(await this.scoreStageFromRun(tx, of, runId)) });
    }
    return scoredCall(scored);
  }

  /**
   * The run's chunks staged the totals that differ from the kept ones, which become kept; then, as
   * in an incremental rescoring, the moments of their evaluators and the figures of their
   * applications are recomputed (everyone's when the weights changed or every total is new), and
   * one pass over the kept totals scores every result, writing only those that changed. The next
   * rescoring starts from what the run computed.
   */
  private async scoreStageFromRun(tx: Transaction, of: StageKey, runId: string): Promise<ScoredStage> {
    const key = [of.callId, of.stage];
    const [definition] = (await tx.query(FORGET_TOTALS_OF_OLD_DEFINITION_SQL, key)) as Array<{ forgotten: number }>;
    const [forgotten] = (await tx.query(FORGET_TOTALS_STAGED_BY_RUN_SQL, [...key, runId])) as ChangedRow[];
    const [keptNow] = (await tx.query(KEEP_RUN_TOTALS_SQL, [...key, runId])) as Array<ChangedRow & { kept: number }>;
    // Reweighted since the totals the chunks compared with were kept: those equal under both weights were not staged.
    if (definition.forgotten > 0) await this.bringTotalsUpToDate(tx, of, null);
    const totals = await this.totalsByValue(tx, of);
    const changed: Changed =
      definition.forgotten > 0 || keptNow.kept === kept(totals)
        ? 'every'
        : {
            applications: union(forgotten.applications, keptNow.applications),
            evaluators: union(forgotten.evaluators, keptNow.evaluators),
          };
    const result = await this.scoreFromAggregates(tx, of, changed, totals);
    // The chunks read the assignments at different times: the next rescoring compares them all once.
    await tx.query(
      `UPDATE scoring_call_definitions SET rescored_at = clock_timestamp(), assignments_seen = NULL
       WHERE call_id = $1 AND stage = $2`,
      key,
    );
    return result;
  }

  /**
   * When the call's results were last brought up to date: an incremental rescoring that changed no
   * result wrote none, so its own time counts too, as does that of the stages' moments, which the
   * scores are computed from.
   */
  async lastComputedAt(callId: string, tx: Transaction = this.transactions.autocommit): Promise<Date | null> {
    const [row] = (await tx.query(
      `SELECT greatest(
         (SELECT max(computed_at) FROM application_results WHERE call_id = $1),
         (SELECT max(computed_at) FROM scoring_stage_moments WHERE call_id = $1),
         (SELECT max(rescored_at) FROM scoring_call_definitions WHERE call_id = $1)) AS at`,
      [callId],
    )) as Array<{ at: Date | null }>;
    return row.at;
  }

  /** The stored result of one application of the call in a stage; null until it has a submitted evaluation there. */
  async resultOf(callId: string, applicationId: string, stage = 1): Promise<ApplicationResult | null> {
    const rows = (await this.transactions.autocommit.query(
      `SELECT ${APPLICATION_RESULT_COLUMNS} FROM scoring_results WHERE application_id = $1 AND call_id = $2 AND stage = $3`,
      [applicationId, callId, stage],
    )) as ResultRow[];
    return rows.length > 0 ? toResult(rows[0]) : null;
  }

  /** Every stored result of the call's stage (ranked ones by rank, then the others by application id). */
  async results(
    callId: string,
    tx: Transaction = this.transactions.autocommit,
    stage = 1,
  ): Promise<ApplicationResult[]> {
    const rows = (await tx.query(
      `SELECT ${APPLICATION_RESULT_COLUMNS} FROM scoring_results WHERE call_id = $1 AND stage = $2
       ORDER BY rank NULLS LAST, application_id`,
      [callId, stage],
    )) as ResultRow[];
    return rows.map(toResult);
  }

  /** Every stored result of the call, of every stage, by stage then rank. */
  async resultsOfEveryStage(
    callId: string,
    tx: Transaction = this.transactions.autocommit,
  ): Promise<ApplicationResult[]> {
    const rows = (await tx.query(
      `SELECT ${APPLICATION_RESULT_COLUMNS} FROM scoring_results WHERE call_id = $1 ORDER BY stage, rank NULLS LAST, application_id`,
      [callId],
    )) as ResultRow[];
    return rows.map(toResult);
  }
}

/** Small sorts per evaluator and application, one per application, in memory; compiling them costs more than it saves. */
async function sortInMemory(tx: Transaction): Promise<void> {
  await tx.query(`SET LOCAL work_mem = '64MB'`);
  await tx.query(`SET LOCAL jit = off`);
}
