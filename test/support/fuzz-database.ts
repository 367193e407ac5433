import { sql } from './applications';
import { TestApi } from './test-app';

/**
 * A fingerprint of every row of every table, in one statement (the fuzz database is small): equal
 * fingerprints before and after a refused request prove it changed nothing. No table is left out:
 * none may change on a refusal (failed sign-ins are counted in Redis, not in PostgreSQL).
 */
export class DatabaseFingerprint {
  private constructor(
    private readonly api: TestApi,
    private readonly statement: string,
  ) {}

  static async of(api: TestApi): Promise<DatabaseFingerprint> {
    const tables = await sql<{ name: string }>(
      api,
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    );
    const columns = tables.map(
      ({ name }) =>
        `'${name}', (SELECT md5(coalesce(string_agg(md5(t::text), '' ORDER BY md5(t::text)), '')) FROM "${name}" t)`,
    );
    // jsonb_build_object takes at most 100 arguments (50 tables): the objects of groups of tables are merged.
    const groups = Array.from({ length: Math.ceil(columns.length / 40) }, (_, g) => columns.slice(g * 40, g * 40 + 40));
    const objects = groups.map((group) => `jsonb_build_object(${group.join(', ')})`);
    return new DatabaseFingerprint(api, `SELECT (${objects.join(' || ')}) AS tables`);
  }

  /** A hash per table. */
  async take(): Promise<Record<string, string>> {
    const [row] = await sql<{ tables: Record<string, string> }>(this.api, this.statement);
    return row!.tables;
  }
}

/** The tables whose hash differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys({ ...before, ...after }).filter((table) => before[table] !== after[table]);
}
