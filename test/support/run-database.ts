/**
 * The databases of a jest run: the configured test database's name suffixed with the run's process
 * id, migrated once by the global setup, and one copy of it per jest worker, so that suites running
 * at the same time never see each other's rows (nor their workers each other's outbox).
 */
export function runDatabaseUrl(): string {
  const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/accelerator_test');
  base.pathname = `${base.pathname}_run${process.pid}`;
  return base.toString();
}

/** The copy of the run's database that the suites of jest worker `workerId` (1, 2, …) use. */
export function workerDatabaseUrl(runUrl: string, workerId: number): string {
  const url = new URL(runUrl);
  url.pathname = `${url.pathname}_w${workerId}`;
  return url.toString();
}

/**
 * A database of one suite's own beside its jest worker's copy, `purpose` naming it: for suites whose
 * checks read whole tables, which in the worker's copy would also read every earlier suite's rows.
 */
export function suiteDatabaseUrl(runUrl: string, workerId: number, purpose: string): string {
  const url = new URL(workerDatabaseUrl(runUrl, workerId));
  url.pathname = `${url.pathname}_${purpose}`;
  return url.toString();
}

/** The run's process id in the name of a run database or of one of its copies; undefined for other names. */
export function runOfDatabase(name: string): number | undefined {
  const match = /_run(\d+)(?:_w\d+(?:_[a-z]+)?)?$/.exec(name);
  return match ? Number(match[1]) : undefined;
}
