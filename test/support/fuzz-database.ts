import { sql } from './applications';
import { TestApi } from './test-app';

/** The log's table: its name cannot clash with the schema's, which has no `fuzz_` table. */
const LOG = 'fuzz_row_changes';

/**
 * What a refused request may not do: change a row. Every table of the fuzz database (a copy of its
 * own) logs each row inserted, updated or deleted in it, and each truncation, into a table of its
 * own by a trigger, in the writing transaction: what a transaction rolls back is not logged, what it
 * commits is. The log's newest entry before a request and the entries after it name the tables the
 * request changed, read by key; hashing every row of every table before and after each request took
 * most of the fuzzing's time. No table is left out: none may change on a refusal (failed sign-ins are
 * counted in Redis, not in PostgreSQL).
 */
export class DatabaseChanges {
  private constructor(private readonly api: TestApi) {}

  /** Installs the log and its triggers on every table there is. */
  static async watch(api: TestApi): Promise<DatabaseChanges> {
    const tables = await sql<{ name: string }>(
      api,
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    await sql(api, `CREATE TABLE ${LOG} (id bigserial PRIMARY KEY, table_name text NOT NULL)`);
    await sql(
      api,
      `CREATE FUNCTION ${LOG}_record() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN
         INSERT INTO ${LOG} (table_name) VALUES (TG_TABLE_NAME);
         RETURN NULL;
       END $$`,
    );
    await sql(
      api,
      tables
        .map(
          ({ name }) =>
            `CREATE TRIGGER ${LOG}_rows AFTER INSERT OR UPDATE OR DELETE ON "${name}" FOR EACH ROW EXECUTE FUNCTION ${LOG}_record();
             CREATE TRIGGER ${LOG}_truncation AFTER TRUNCATE ON "${name}" EXECUTE FUNCTION ${LOG}_record()`,
        )
        .join(';\n'),
    );
    return new DatabaseChanges(api);
  }

  /**
   * The newest entry of the log: what a request writes is logged after it. (A transaction of the
   * background that took an entry before it and commits after it is not the request's doing.)
   */
  async mark(): Promise<number> {
    return (await this.since(Number.MAX_SAFE_INTEGER)).mark;
  }

  /** The tables changed since `mark`, in name order, and the log's newest entry. */
  async since(mark: number): Promise<{ tables: string[]; mark: number }> {
    const [row] = await sql<{ tables: string[]; mark: string }>(
      this.api,
      `SELECT ARRAY(SELECT DISTINCT table_name FROM ${LOG} WHERE id > $1 ORDER BY table_name) AS tables,
              (SELECT coalesce(max(id), 0) FROM ${LOG}) AS mark`,
      [mark],
    );
    return { tables: row!.tables, mark: Number(row!.mark) };
  }
}
