/** The database of this jest run: the configured test database's name suffixed with the run's process id. */
export function runDatabaseUrl(): string {
  const base = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/accelerator_test');
  base.pathname = `${base.pathname}_run${process.pid}`;
  return base.toString();
}
