import { Transaction } from '@app/platform';

/**
 * Runs `work` in `tx` with the planner's nested loops off, then restores the setting: for statements
 * that join every row of a stage (RANK_AND_WRITE, KEEP_APPLICATION_PARTS_SQL), so that each join is a hash or merge join,
 * linear whatever the row estimates, which stale statistics after a bulk load make wrong.
 */
export async function withoutNestedLoops<T>(tx: Pick<Transaction, 'query'>, work: () => Promise<T>): Promise<T> {
  const [{ was }] = (await tx.query(
    `SELECT current_setting('enable_nestloop') AS was, set_config('enable_nestloop', 'off', true)`,
  )) as Array<{ was: string }>;
  const result = await work();
  await tx.query(`SELECT set_config('enable_nestloop', $1, true)`, [was]);
  return result;
}
