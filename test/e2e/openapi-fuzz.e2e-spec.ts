import request from 'supertest';
import { Role } from '@app/platform';
import { sql } from '../support/applications';
import { withEnv } from '../support/async';
import { DatabaseChanges } from '../support/fuzz-database';
import { ExampleBuilder, Schema } from '../support/fuzz-examples';
import { FuzzOperation, RequestGenerator, fuzzOperations } from '../support/fuzz-requests';
import { FuzzRunner } from '../support/fuzz-runner';
import { FUZZ_ROLES, FuzzRole, FuzzWorld, buildFuzzWorld } from '../support/fuzz-world';
import { SuiteDatabase } from '../support/suite-database';
import { TestApi } from '../support/test-app';
import { RouteHandler, discoverHandlers } from './routes.helpers';

/**
 * Property-based fuzzing of every operation of the served OpenAPI document, for every kind of caller:
 * malformed requests (one field of a valid body changed, broken JSON, wrong content types, bad ids and
 * query values) never get a 5xx, every 4xx is a problem document, and no refused request changes a row.
 * FUZZ_RUNS sets the requests per operation and permitted role (a fifth of it for the roles refused
 * at the door); FUZZ_SEED replays a run; FUZZ_ONLY (e.g. "PATCH /api/v1/calls/{id}") narrows it.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 8);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);
const ONLY = process.env.FUZZ_ONLY;

describe('OpenAPI fuzzing', () => {
  let database: SuiteDatabase;
  let api: TestApi;
  let world: FuzzWorld;
  let operations: FuzzOperation[];
  let handlers: RouteHandler[];
  let changes: DatabaseChanges;
  let runner: FuzzRunner;

  beforeAll(async () => {
    // A database of its own: the triggers that log every row change (fuzz-database.ts) are installed in
    // it alone, and no other suite of this jest worker writes there.
    database = await SuiteDatabase.create('fuzz');
    await withEnv({ DATABASE_URL: database.url }, async () => {
      api = await TestApi.start();
      world = await buildFuzzWorld(api);
    });
    const document = (await request(api.server).get('/docs-json')).body;
    operations = fuzzOperations(document).filter((o) => !ONLY || `${o.method} ${o.path}` === ONLY);
    handlers = discoverHandlers(api.app);
    const examples = new ExampleBuilder(document.components.schemas as Record<string, Schema>, world);
    changes = await DatabaseChanges.watch(api);
    runner = FuzzRunner.start(api, world, new RequestGenerator(world, examples), changes);
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  /** Roles the access rule lets through: they get the full share of requests, the others a fifth. */
  const permits = (operation: FuzzOperation, role: FuzzRole): boolean => {
    const rule = handlers.find((h) => h.key === operation.operationId)?.rule;
    if (rule?.kind === 'public') return true;
    if (role === 'anonymous') return false;
    return rule?.kind === 'authenticated' || (rule?.kind === 'roles' && rule.roles.includes(role as Role));
  };

  it('sees the rows a transaction commits, and none of those it rolls back', async () => {
    const mark = await changes.mark();
    const [organisation] = world.ids.organisation;
    await sql(
      api,
      `BEGIN; UPDATE organisations SET name = name || ' (renamed)' WHERE id = '${organisation}'; ROLLBACK`,
    );
    expect((await changes.since(mark)).tables).toEqual([]);
    // Rewriting a row with what it holds is a change too: the refused request had no business writing it.
    await sql(api, 'UPDATE organisations SET name = name WHERE id = $1', [organisation]);
    expect((await changes.since(mark)).tables).toEqual(['organisations']);
  });

  it(
    'answers no 5xx, a problem document on every 4xx, and changes no row when it refuses',
    async () => {
      const prototypeBefore = Object.getOwnPropertyNames(Object.prototype);
      const failures: string[] = [];
      let sent = 0;
      for (const operation of inFuzzingOrder(operations)) {
        for (const role of FUZZ_ROLES) {
          const numRuns = permits(operation, role) ? RUNS : Math.max(2, Math.round(RUNS / 5));
          const name = `${operation.method} ${operation.path}`;
          const seed = (SEED + hash(`${name} ${role}`)) | 0;
          const replay = `FUZZ_SEED=${SEED} FUZZ_RUNS=${RUNS} FUZZ_ONLY="${name}"`;
          const batch = await runner.batch(role, operation, { seed, numRuns, replay });
          sent += batch.sent;
          if (batch.failure) failures.push(`${name}: ${batch.failure}`);
        }
      }

      expect(sent).toBeGreaterThan(operations.length * RUNS);
      // One failing request per operation and role, each with how to replay its batch, printed as is.
      if (failures.length > 0) throw new Error(`${failures.length} wrong answers:\n\n${failures.join('\n\n')}`);
      // The API runs in this process: a `__proto__` or `constructor.prototype` key merged anywhere shows here.
      expect(Object.getOwnPropertyNames(Object.prototype)).toEqual(prototypeBefore);
    },
    15 * 60_000,
  );
});

/**
 * Reads first; then writes; then the steps that end a state (opening, closing, submitting, deciding,
 * deleting), which would otherwise leave later operations only refusals to give; then what changes the
 * fuzzing accounts themselves (their role, their sessions), with signing out last.
 */
function inFuzzingOrder(operations: FuzzOperation[]): FuzzOperation[] {
  const phase = ({ method, path }: FuzzOperation): number => {
    if (path.endsWith('/auth/logout')) return 4;
    if (path.startsWith('/api/v1/auth/') || path.startsWith('/api/v1/users/{')) return 3;
    if (method === 'DELETE' || /\/(open|close|submit|withdraw|decline|release|approve|publish)$/.test(path)) return 2;
    return method === 'GET' ? 0 : 1;
  };
  return [...operations].sort((a, b) => phase(a) - phase(b));
}

/** A stable 31-bit hash, so each operation and role has a seed of its own, replayable alone. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) % 2 ** 31;
}
