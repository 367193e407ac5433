import { Client } from 'pg';
import { PUBLISH_OUTCOMES_SQL } from '../../libs/applications/src/infrastructure/application-outcomes.repository';
import { SCORE_CALL_SQL, STAGE_RUN_TOTALS_SQL } from '../../libs/scoring/src/infrastructure/scoring.sql';
import {
  ASSIGNMENTS_WRITTEN_SINCE_SQL,
  DIFF_KEPT_TOTALS_SQL,
  KEEP_EVERY_TOTAL_SQL,
} from '../../libs/scoring/src/infrastructure/incremental-scoring.sql';
import {
  FORGET_TOTALS_STAGED_BY_RUN_SQL,
  KEEP_APPLICATION_FIGURES_SQL,
  KEEP_EVALUATOR_MOMENTS_SQL,
  KEEP_APPLICATION_PARTS_SQL,
  KEEP_RUN_TOTALS_SQL,
  KEEP_STAGE_MOMENTS_SQL,
  RANK_STAGE_SQL,
  TOTALS_BY_VALUE_SQL,
} from '../../libs/scoring/src/infrastructure/scoring-aggregates.sql';
import { withoutNestedLoops } from '../../libs/scoring/src/infrastructure/without-nested-loops';
import { PEOPLE_SQL, callId, callSql } from '../bench/scoring-bench-data';

/**
 * The heavy scoring and publication statements keep plans linear in a call's size when the
 * planner's statistics are stale, as after a bulk import that autovacuum has not analysed yet. A
 * call is bulk-loaded over the statistics the tables had before, and each statement's EXPLAIN
 * ANALYZE is searched for nested loops whose inner side does, per outer row, work that grows with
 * the call: the shape of a join planned as one row, quadratic (minutes at 40,000 applications).
 */
const APPLICATIONS = 1000;
/** Rows a nested loop's inner side may touch per outer row (an index probe and its aggregates)… */
const WORK_PER_OUTER_ROW = 200;
/** …beyond work linear in the call's criterion scores (3 evaluations × 8 criteria each). */
const LINEAR_WORK = 20 * APPLICATIONS * 3 * 8;
/** The call's one review stage. */
const STAGE = 1;
/** A run's one chunk compares every assignment id, from the lowest. */
const FIRST_ID = '00000000-0000-0000-0000-000000000000';
const LOADED_TABLES = ['organisations', 'calls', 'criteria', 'applications', 'assignments', 'criterion_scores'];

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Parent Relationship'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  'Rows Removed by Join Filter'?: number;
  Plans?: PlanNode[];
}

/** Rows a subtree produced or filtered out, over all its executions (EXPLAIN gives them per execution). */
function work(node: PlanNode): number {
  const perLoop =
    node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0) + (node['Rows Removed by Join Filter'] ?? 0);
  return perLoop * node['Actual Loops'] + (node.Plans ?? []).reduce((sum, child) => sum + work(child), 0);
}

/** The nested loops of the plan whose inner side's work is beyond linear. */
function superlinearJoins(node: PlanNode, found: string[] = []): string[] {
  const outer = node.Plans?.find((child) => child['Parent Relationship'] === 'Outer');
  const inner = node.Plans?.find((child) => child['Parent Relationship'] === 'Inner');
  if (node['Node Type'] === 'Nested Loop' && outer && inner) {
    const outerRows = outer['Actual Rows'] * outer['Actual Loops'];
    const innerWork = work(inner);
    if (innerWork > WORK_PER_OUTER_ROW * outerRows + LINEAR_WORK) {
      const name = `${inner['Node Type']}${inner['Relation Name'] ? ` on ${inner['Relation Name']}` : ''}`;
      found.push(`${name}: ${innerWork} rows for ${outerRows} outer rows`);
    }
  }
  for (const child of node.Plans ?? []) superlinearJoins(child, found);
  return found;
}

describe('scoring and publication statements on stale planner statistics', () => {
  let db: Client;
  let call: string;

  /**
   * Runs the statements in one transaction, rolled back, and answers the plan each ran with. A
   * statement marked `withoutNestedLoops` runs as the repositories run it, with nested loops off.
   */
  async function plansOf(...statements: Array<[string, unknown[], 'withoutNestedLoops'?]>): Promise<PlanNode[]> {
    const plans: PlanNode[] = [];
    const tx = { query: async <T>(sql: string, parameters?: unknown[]) => (await db.query(sql, parameters)).rows as T };
    await db.query('BEGIN');
    try {
      for (const [sql, parameters, setting] of statements) {
        const explain = async () =>
          (
            await db.query<{ 'QUERY PLAN': Array<{ Plan: PlanNode }> }>(
              `EXPLAIN (ANALYZE, FORMAT JSON) ${sql}`,
              parameters,
            )
          ).rows;
        const rows = setting ? await withoutNestedLoops(tx, explain) : await explain();
        plans.push(rows[0]['QUERY PLAN'][0].Plan);
      }
    } finally {
      await db.query('ROLLBACK');
    }
    return plans;
  }

  beforeAll(async () => {
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    await db.query('ANALYZE');
    for (const table of LOADED_TABLES) await db.query(`ALTER TABLE ${table} SET (autovacuum_enabled = false)`);
    await db.query('BEGIN');
    for (const sql of [...PEOPLE_SQL, ...callSql('stale-plans', APPLICATIONS)]) await db.query(sql);
    await db.query('COMMIT');
    call = (await db.query<{ id: string }>(`SELECT ${callId('stale-plans')} AS id`)).rows[0].id;
    // Results written and not analysed either, as the incremental rescoring after the load leaves them.
    await db.query(SCORE_CALL_SQL, [call, STAGE]);
  });

  afterAll(async () => {
    for (const table of LOADED_TABLES) await db.query(`ALTER TABLE ${table} RESET (autovacuum_enabled)`);
    await db.end();
  });

  it('scores a call from its live facts in work linear in the call', async () => {
    const [plan] = await plansOf([SCORE_CALL_SQL, [call, STAGE]]);
    expect(superlinearJoins(plan)).toEqual([]);
  });

  it('stages the totals of a run and makes them the kept ones in work linear in the call', async () => {
    const run = '00000000-0000-4000-8000-000000000001';
    const plans = await plansOf(
      [STAGE_RUN_TOTALS_SQL, [call, run, FIRST_ID, null]],
      [FORGET_TOTALS_STAGED_BY_RUN_SQL, [call, STAGE, run]],
      [KEEP_RUN_TOTALS_SQL, [call, STAGE, run]],
    );
    expect(plans.flatMap((plan) => superlinearJoins(plan))).toEqual([]);
  });

  it('rescores incrementally from kept totals and moments in work linear in the call', async () => {
    const { rows } = await db.query<{ some: string[]; evaluators: string[] }>(
      `SELECT (array_agg(id ORDER BY id))[1:30] AS some, (array_agg(DISTINCT evaluator_id))[1:3] AS evaluators
       FROM assignments WHERE call_id = $1`,
      [call],
    );
    const run = '00000000-0000-4000-8000-000000000002';
    // Kept totals, moments and figures first kept, then a rescoring of some changed assignments, then a full run's refresh.
    const plans = await plansOf(
      [KEEP_EVERY_TOTAL_SQL, [call, STAGE]],
      [KEEP_EVALUATOR_MOMENTS_SQL, [call, STAGE, null]],
      [TOTALS_BY_VALUE_SQL, [call, STAGE]],
      [KEEP_APPLICATION_FIGURES_SQL, [call, STAGE, null]],
      [KEEP_APPLICATION_PARTS_SQL, [call, STAGE, null, null], 'withoutNestedLoops'],
      [KEEP_STAGE_MOMENTS_SQL, [call, STAGE, 50, 20]],
      [RANK_STAGE_SQL, [call, STAGE, 50, 20, [], 3000], 'withoutNestedLoops'],
      [ASSIGNMENTS_WRITTEN_SINCE_SQL, [call, STAGE, '0']],
      [DIFF_KEPT_TOTALS_SQL, [call, STAGE, null]],
      [DIFF_KEPT_TOTALS_SQL, [call, STAGE, rows[0].some]],
      [KEEP_APPLICATION_FIGURES_SQL, [call, STAGE, []]],
      [KEEP_APPLICATION_PARTS_SQL, [call, STAGE, [], rows[0].evaluators], 'withoutNestedLoops'],
      [KEEP_STAGE_MOMENTS_SQL, [call, STAGE, 50.5, 19.5]],
      [RANK_STAGE_SQL, [call, STAGE, 50.5, 19.5, [], 3000], 'withoutNestedLoops'],
      [STAGE_RUN_TOTALS_SQL, [call, run, FIRST_ID, null]],
      [FORGET_TOTALS_STAGED_BY_RUN_SQL, [call, STAGE, run]],
      [KEEP_RUN_TOTALS_SQL, [call, STAGE, run]],
    );
    expect(plans.flatMap((plan) => superlinearJoins(plan))).toEqual([]);
  });

  it('sets the outcomes and feedback of publication in work linear in the call', async () => {
    const [plan] = await plansOf([PUBLISH_OUTCOMES_SQL, [call, [], [], '[]']]);
    expect(superlinearJoins(plan)).toEqual([]);
  });
});
