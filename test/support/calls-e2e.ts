import { Client } from 'pg';
import type { Response } from 'supertest';
import { TestApi } from './test-app';

/** Helpers shared by the calls end-to-end suites. */

export interface AuditEventView {
  id: string;
  action: string;
  actorId: string | null;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
}

/**
 * A direct connection to the test database: to check what was (not) stored and to reach states
 * no endpoint leads to yet.
 */
export async function connectDb(): Promise<Client> {
  const db = new Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  return db;
}

/** Asserts an RFC 9457 problem document with the given status and stable code. */
export function expectProblem(res: Response, status: number, code: string): void {
  expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
}

export function errorFields(res: Response): string[] {
  const errors = (res.body.errors ?? []) as Array<{ field: string }>;
  return errors.map((e) => e.field);
}

/** A 400 VALIDATION_FAILED naming `field` among its errors. */
export function expectInvalid(res: Response, field: string): void {
  expectProblem(res, 400, 'VALIDATION_FAILED');
  expect(errorFields(res)).toContain(field);
}

export function patchCall(
  api: TestApi,
  token: string,
  id: string,
  version: number | string | undefined,
  body: Record<string, unknown>,
): Promise<Response> {
  const headers: Record<string, string> = version === undefined ? {} : { 'If-Match': ifMatch(version) };
  return api.patch(`/api/v1/calls/${id}`, { token, headers, body });
}

/** A number becomes the quoted ETag form `"3"`; a string is sent as is (to test malformed headers). */
function ifMatch(version: number | string): string {
  return typeof version === 'number' ? `"${version}"` : version;
}

/** The call as the secretariat reads it; the body of a 200. */
export async function readCall(api: TestApi, token: string, id: string): Promise<Record<string, unknown>> {
  const res = await api.get(`/api/v1/calls/${id}`, { token });
  if (res.status !== 200) throw new Error(`read call failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown>;
}

/** The audit trail of one call, oldest first, as the secretariat reads it. */
export async function callAuditTrail(api: TestApi, token: string, callId: string): Promise<AuditEventView[]> {
  const res = await api.get('/api/v1/audit-events', {
    token,
    query: { entityType: 'call', entityId: callId, limit: 500 },
  });
  if (res.status !== 200) throw new Error(`audit events failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.items as AuditEventView[];
}

/** Calls stored under this reference, compared as the database's unique index does (case-insensitive). */
export async function countCallsWithReference(db: Client, reference: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM calls WHERE lower(reference) = lower($1)',
    [reference],
  );
  return rows[0]!.n;
}

/** Moves a call to a status no endpoint reaches yet (e.g. `published`). */
export async function forceCallStatus(db: Client, callId: string, status: string): Promise<void> {
  const result = await db.query('UPDATE calls SET status = $2 WHERE id = $1', [callId, status]);
  if (result.rowCount !== 1) throw new Error(`no call ${callId}`);
}

/** ISO timestamps far in the future, `offsetDays` apart, so that such calls sort first (closesAt desc). */
export function farFuture(year: number, offsetDays = 0): string {
  return new Date(Date.UTC(year, 0, 1) + offsetDays * 86_400_000).toISOString();
}

/**
 * Starts `requests` while another connection holds the call's row lock, and releases the lock only
 * once every one of them waits behind it: they then really run at the same time, whatever the
 * scheduling. Answers their responses in order.
 */
export async function raceOnCall(
  db: Client,
  callId: string,
  requests: Array<() => Promise<Response>>,
): Promise<Response[]> {
  const locker = await connectDb();
  let all: Promise<Response[]> = Promise.resolve([]);
  try {
    await locker.query('BEGIN');
    await locker.query('SELECT 1 FROM calls WHERE id = $1 FOR UPDATE', [callId]);
    all = Promise.all(requests.map((start) => start()));
    all.catch(() => undefined); // reported by the await below, not as an unhandled rejection
    const { rows } = await locker.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    // Polled from `db`, outside the locker's transaction, which would see one frozen pg_stat_activity.
    await untilBlockedBehind(db, rows[0]!.pid, requests.length);
  } finally {
    await locker.query('COMMIT').finally(() => locker.end());
  }
  return all;
}

/** Polls PostgreSQL until `count` sessions wait, directly or queued, on the locks of session `holder`. */
async function untilBlockedBehind(db: Client, holder: number, count: number): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const { rows } = await db.query<{ pid: number; blockers: number[] }>(
      `SELECT pid, pg_blocking_pids(pid) AS blockers FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    const blocked = new Set<number>([holder]);
    for (let grew = true; grew;) {
      grew = false;
      for (const row of rows) {
        if (!blocked.has(row.pid) && row.blockers.some((pid) => blocked.has(pid))) {
          blocked.add(row.pid);
          grew = true;
        }
      }
    }
    if (blocked.size - 1 >= count) return;
    if (Date.now() > deadline) throw new Error(`only ${blocked.size - 1} of ${count} requests reached the lock`);
  }
}
