/**
 * The relations a context declares: the tables only its own SQL names, and the views of them it
 * grants to other contexts. A granted view is created in a migration and named after its owner
 * (`calls_…`, `scoring_…`), so that a reader of any SQL knows whose data it reads. The unit spec
 * test/support/table-ownership.spec.ts holds every context's SQL to its declaration.
 */
export interface ContextTables {
  readonly owns: readonly string[];
  /** View name -> the contexts allowed to read it. */
  readonly grants: Readonly<Record<string, readonly string[]>>;
}
