import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ContextTables } from '@app/platform';
import { APPLICATIONS_TABLES } from '../../libs/applications/src/infrastructure/applications.tables';
import { AUDIT_TABLES } from '../../libs/audit/src/infrastructure/audit.tables';
import { CALLS_TABLES } from '../../libs/calls/src/infrastructure/calls.tables';
import { COHORTS_TABLES } from '../../libs/cohorts/src/infrastructure/cohorts.tables';
import { DISCUSSION_TABLES } from '../../libs/discussion/src/infrastructure/discussion.tables';
import { EVALUATION_TABLES } from '../../libs/evaluation/src/infrastructure/evaluation.tables';
import { IDENTITY_TABLES } from '../../libs/identity/src/infrastructure/identity.tables';
import { MODERATION_TABLES } from '../../libs/moderation/src/infrastructure/moderation.tables';
import { NOTIFICATIONS_TABLES } from '../../libs/notifications/src/infrastructure/notifications.tables';
import { PLATFORM_TABLES } from '../../libs/platform/src/database/platform.tables';
import { SCORING_TABLES } from '../../libs/scoring/src/infrastructure/scoring.tables';

/** Each context (a directory of libs/) and what it declares. */
const CONTEXTS: Record<string, ContextTables> = {
  identity: IDENTITY_TABLES,
  calls: CALLS_TABLES,
  applications: APPLICATIONS_TABLES,
  evaluation: EVALUATION_TABLES,
  scoring: SCORING_TABLES,
  cohorts: COHORTS_TABLES,
  notifications: NOTIFICATIONS_TABLES,
  audit: AUDIT_TABLES,
  discussion: DISCUSSION_TABLES,
  moderation: MODERATION_TABLES,
  platform: PLATFORM_TABLES,
};

const ROOT = join(__dirname, '..', '..');
const IDENTIFIER = '[a-z_][a-z0-9_]*';

/** Comments name tables in prose ("the UPDATE itself"); only code counts. */
function withoutComments(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/(^|\s)\/\/.*$/gm, '$1')
    .replace(/--.*$/gm, '');
}

/** The names a query gives itself (WITH x AS (…)), which may be defined in another file of the context. */
function queryLocalNames(source: string): Set<string> {
  const cte = new RegExp(`\\b(${IDENTIFIER})\\s*(?:\\([^()]*\\))?\\s+AS\\s+(?:NOT\\s+)?(?:MATERIALIZED\\s+)?\\(`, 'g');
  return new Set([...withoutComments(source).matchAll(cte)].map((m) => m[1]));
}

/**
 * The relations some SQL of `source` reads or writes: after FROM, JOIN, INTO, UPDATE and DELETE FROM,
 * and in @Entity('…'). Leaves out the names in `local`, set-returning functions (FROM unnest(…)),
 * `IS DISTINCT FROM` and the system catalogs.
 */
export function relationsNamedIn(source: string, local: ReadonlySet<string> = queryLocalNames(source)): Set<string> {
  const code = withoutComments(source);
  const named = new Set<string>();
  const sql = new RegExp(
    `\\b(DISTINCT\\s+)?(?:FROM|JOIN|INTO|UPDATE|DELETE\\s+FROM)\\s+(?:ONLY\\s+)?(${IDENTIFIER})\\b(?!\\s*\\()`,
    'g',
  );
  for (const [, distinct, name] of code.matchAll(sql)) {
    if (!distinct && !local.has(name) && !name.startsWith('pg_')) named.add(name);
  }
  for (const [, name] of code.matchAll(/@(?:View)?Entity\(\s*['"]([a-z0-9_]+)['"]/g)) named.add(name);
  return named;
}

function sourcesOf(context: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return walk(path);
      return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
    });
  return walk(join(ROOT, 'libs', context, 'src'));
}

/** The TypeORM entity classes of each context, by class name, with their table. */
function entityClasses(): Map<string, { context: string; table: string }> {
  const classes = new Map<string, { context: string; table: string }>();
  for (const context of Object.keys(CONTEXTS)) {
    for (const file of sourcesOf(context)) {
      const entities = readFileSync(file, 'utf8').matchAll(
        /@Entity\(\s*['"]([a-z0-9_]+)['"][^)]*\)\s*export\s+class\s+(\w+)/g,
      );
      for (const [, table, name] of entities) classes.set(name, { context, table });
    }
  }
  return classes;
}

/** What a context's SQL may name: its tables, its views and the views granted to it. */
function allowedFor(context: string): Set<string> {
  const allowed = new Set([...CONTEXTS[context].owns, ...Object.keys(CONTEXTS[context].grants)]);
  for (const declared of Object.values(CONTEXTS)) {
    for (const [view, readers] of Object.entries(declared.grants)) if (readers.includes(context)) allowed.add(view);
  }
  return allowed;
}

/** Every table and view the migrations create (one CREATE may be undone by a later DROP). */
function relationsCreatedByMigrations(): { tables: Set<string>; views: Set<string> } {
  const tables = new Set<string>();
  const views = new Set<string>();
  const dir = join(ROOT, 'migrations');
  for (const file of readdirSync(dir).filter((name) => /^\d+-.+\.ts$/.test(name))) {
    const up = withoutComments(readFileSync(join(dir, file), 'utf8')).split(/async down\(/)[0];
    for (const [, name] of up.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?([a-z0-9_]+)/g)) tables.add(name);
    for (const [, name] of up.matchAll(/CREATE (?:OR REPLACE )?VIEW ([a-z0-9_]+)/g)) views.add(name);
  }
  return { tables, views };
}

describe('relationsNamedIn', () => {
  it('finds the relations SQL reads and writes, and @Entity tables', () => {
    const source = `
      @Entity('users') export class UserEntity {}
      const sql = \`WITH recent AS (SELECT * FROM applications a JOIN organisations o ON o.id = a.organisation_id)
        INSERT INTO audit_events SELECT * FROM recent;
        UPDATE calls SET x = 1; DELETE FROM documents WHERE id = ANY ($1)\`;`;
    expect([...relationsNamedIn(source)].sort()).toEqual([
      'applications',
      'audit_events',
      'calls',
      'documents',
      'organisations',
      'users',
    ]);
  });

  it('leaves out functions, query-local names, comments, IS DISTINCT FROM and catalogs', () => {
    const source = `
      /** Reads FROM nowhere; the UPDATE itself locks. */
      // DELETE FROM comments
      const sql = \`WITH moved (id) AS MATERIALIZED (SELECT 1) SELECT * FROM moved, unnest($1::uuid[]) AS ids
        -- JOIN hidden
        JOIN jsonb_to_recordset($2) r ON true
        WHERE a IS DISTINCT FROM b AND EXISTS (SELECT 1 FROM pg_class)\`;`;
    expect([...relationsNamedIn(source)]).toEqual([]);
  });
});

describe('table ownership', () => {
  const declared = new Set(
    Object.values(CONTEXTS).flatMap((tables) => [...tables.owns, ...Object.keys(tables.grants)]),
  );
  const owners = Object.entries(CONTEXTS).flatMap(([context, declared]) =>
    declared.owns.map((table) => ({ context, table })),
  );

  it('gives every table one owner', () => {
    const twice = owners.filter((o, i) => owners.findIndex((p) => p.table === o.table) !== i);
    expect(twice).toEqual([]);
  });

  it('names each granted view after its owner and grants it to known contexts', () => {
    const wrong = Object.entries(CONTEXTS).flatMap(([context, declared]) =>
      Object.entries(declared.grants)
        .filter(([view, readers]) => !view.startsWith(`${context}_`) || readers.some((r) => !(r in CONTEXTS)))
        .map(([view]) => `${context}: ${view}`),
    );
    expect(wrong).toEqual([]);
  });

  it('declares every table and view the migrations create', () => {
    const { tables, views } = relationsCreatedByMigrations();
    const owned = new Set(owners.map((o) => o.table));
    const granted = new Set(Object.values(CONTEXTS).flatMap((declared) => Object.keys(declared.grants)));
    expect([...tables].filter((table) => !owned.has(table))).toEqual([]);
    expect([...views].filter((view) => !granted.has(view))).toEqual([]);
  });

  it.each(Object.keys(CONTEXTS))('holds the SQL of %s to its tables and the views granted to it', (context) => {
    const allowed = allowedFor(context);
    const others = [...entityClasses()].filter(([, entity]) => entity.context !== context);
    const sources = new Map(sourcesOf(context).map((file) => [file, readFileSync(file, 'utf8')]));
    // A query's own name never hides a declared table or view.
    const local = new Set([...sources.values()].flatMap((source) => [...queryLocalNames(source)]));
    for (const relation of declared) local.delete(relation);
    const trespasses = [...sources].flatMap(([file, source]) => {
      const named = [...relationsNamedIn(source, local)].filter((relation) => !allowed.has(relation));
      const entities = others
        .filter(([name]) => new RegExp(`\\b${name}\\b`).test(source))
        .map(([name, entity]) => `${name} (${entity.table})`);
      return [...named, ...entities].map((relation) => `${relative(ROOT, file)}: ${relation}`);
    });
    expect(trespasses).toEqual([]);
  });
});
