import { randomInt } from 'node:crypto';
import { Queue } from 'bullmq';
import { Client } from 'pg';
import request from 'supertest';
import { bullConnection } from '@app/platform';
import { eventually } from '../support/async';
import { createApplicantsFrom, createEvaluators, secretariatOf } from '../support/evaluation-fixtures';
import { Actor, Applicant, PASSWORD, createCall, uniqueEmail } from '../support/fixtures';
import { PlatformProcess } from '../support/platform-process';
import { RedisServer } from '../support/redis-server';
import { SmtpTestServer } from '../support/smtp-server';
import { SuiteDatabase } from '../support/suite-database';
import { TestApi } from '../support/test-app';

/**
 * Issue 18 item 1: two API processes and two worker processes side by side, each a process of its
 * own on a loopback port, on one PostgreSQL database and one Redis of the suite's own. Whichever
 * API answers, the sign-in and link counters are the same; a token, a refresh token and the queue
 * dashboard's cookie issued by one API work on the other. The workers' schedules race for the same
 * work on purpose (the suite holds a lock both of them must wait behind, then lets go): a call is
 * closed once, a reminder sent once, and every outbox row, claimed by both relays at once, becomes
 * one job that sends one e-mail. Each process names itself to PostgreSQL (PGAPPNAME), which is how
 * the suite sees that both workers are in the race.
 */

const LOGIN_RATE_LIMIT = 4;
const LINK_REQUEST_LIMIT = 3;
const TOKEN_STATE_CACHE_MS = 1000;
const NAMES = { apis: ['api-a', 'api-b'], workers: ['worker-a', 'worker-b'] } as const;

/** A client address of its own per test, as the APIs trust X-Forwarded-For from loopback. */
const clientAddress = () => `100.${64 + randomInt(64)}.${randomInt(256)}.${1 + randomInt(254)}`;

describe('two API processes and two workers on one database and one Redis', () => {
  let database: SuiteDatabase | undefined;
  let redis: RedisServer | undefined;
  let smtp: SmtpTestServer | undefined;
  let processes: PlatformProcess[] = [];
  let db: Client;
  let notifications: Queue;
  let apiA: TestApi;
  let apiB: TestApi;
  let secretariat: Actor;

  beforeAll(async () => {
    [database, redis, smtp] = await Promise.all([
      SuiteDatabase.create('multiprocess'),
      RedisServer.start(),
      SmtpTestServer.start(),
    ]);
    const shared = { DATABASE_URL: database.url, REDIS_URL: redis.url, DB_POOL_SIZE: '5' };
    const api = (name: string) => ({
      ...shared,
      PGAPPNAME: name,
      LOGIN_RATE_LIMIT: String(LOGIN_RATE_LIMIT),
      ACCOUNT_LINK_REQUEST_LIMIT: String(LINK_REQUEST_LIMIT),
      TOKEN_STATE_CACHE_MS: String(TOKEN_STATE_CACHE_MS),
    });
    const worker = (name: string) => ({
      ...shared,
      PGAPPNAME: name,
      SMTP_URL: smtp!.url,
      SMTP_FROM: `${name} <${name}@test.example>`,
      // Every queue, notifications included: the database and Redis are this suite's alone.
      OUTBOX_RELAY_EXCLUDE: '',
      OUTBOX_POLL_MS: '50',
      // Small batches, so that a burst of rows is claimed by both relays; Redis is frozen on purpose below.
      OUTBOX_BATCH_SIZE: '2',
      OUTBOX_DISPATCH_TIMEOUT_MS: '60000',
      CALL_CLOSING_INTERVAL_MS: '100',
      DRAFT_REMINDERS_INTERVAL_MS: '100',
      NOTIFICATIONS_CONCURRENCY: '2',
      SCORING_CONCURRENCY: '1',
    });
    // All four compile and start at once; on two busy cores that takes a while.
    const started = await Promise.allSettled([
      ...NAMES.apis.map((name) => PlatformProcess.start('api', api(name), 480_000)),
      ...NAMES.workers.map((name) => PlatformProcess.start('worker', worker(name), 480_000)),
    ]);
    processes = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
    const failed = started.find((result): result is PromiseRejectedResult => result.status === 'rejected');
    if (failed) throw failed.reason;

    [apiA, apiB] = await Promise.all(processes.slice(0, 2).map((process) => TestApi.connect(process.baseUrl)));
    db = new Client({ connectionString: database.url });
    await db.connect();
    notifications = new Queue('notifications', { connection: bullConnection(redis.url) });
    secretariat = await secretariatOf(apiA);
  }, 600_000);

  afterAll(async () => {
    await Promise.all(processes.map((process) => process.stop('SIGTERM', 60_000)));
    await notifications?.close();
    await db?.end();
    await smtp?.close();
    await redis?.stop();
    await database?.drop();
  }, 120_000);

  /** The API answering the n-th request when requests alternate between the two. */
  const alternate = (n: number) => (n % 2 === 0 ? apiA : apiB);

  /** The processes with a session waiting on a lock in the database, in a statement matching `statement`. */
  const waitingOnLocks = (statement: RegExp) => async () => {
    const { rows } = await db.query<{ name: string }>(
      `SELECT DISTINCT application_name AS name FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock' AND query ~ $1 ORDER BY 1`,
      [statement.source],
    );
    return rows.map((row) => row.name);
  };

  /** The workers whose relay holds claimed outbox rows in an open transaction (their Redis frozen). */
  const relaysHoldingRows = async () => {
    const { rows } = await db.query<{ name: string }>(
      `SELECT DISTINCT application_name AS name FROM pg_stat_activity
        WHERE datname = current_database() AND state = 'idle in transaction'
          AND query LIKE 'SELECT id, queue, job_name, payload, dispatch_count FROM outbox%' ORDER BY 1`,
    );
    return rows.map((row) => row.name);
  };

  /** Holds `lock` (a LOCK TABLE statement) in a transaction of the suite's until the answer is called. */
  const holding = async (lock: string): Promise<() => Promise<void>> => {
    const holder = new Client({ connectionString: database!.url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query(lock);
    return async () => {
      await holder.query('COMMIT');
      await holder.end();
    };
  };

  /**
   * Every notification of `recipients` with this template, its outbox row and its job: how many
   * e-mail attempts it made, how often its row was dispatched, how many times its job was started.
   */
  const deliveries = async (recipients: string[], template: string) => {
    const { rows } = await db.query<{
      recipient: string;
      status: string;
      attempts: number;
      outboxId: string;
      dispatched: number;
      completed: boolean;
    }>(
      `SELECT n.recipient_id AS recipient, n.email_status AS status, n.email_attempts AS attempts,
              o.id AS "outboxId", o.dispatch_count AS dispatched, o.completed_at IS NOT NULL AS completed
         FROM notifications n JOIN outbox o ON o.payload @> jsonb_build_object('notificationId', n.id::text)
        WHERE n.recipient_id = ANY($1::uuid[]) AND n.template = $2
        ORDER BY n.recipient_id, n.created_at`,
      [recipients, template],
    );
    return Promise.all(
      rows.map(async ({ outboxId, ...row }) => {
        const job = await notifications.getJob(outboxId);
        return { ...row, jobStarts: job?.attemptsStarted ?? 0 };
      }),
    );
  };
  const once = { status: 'sent', attempts: 1, dispatched: 1, completed: true, jobStarts: 1 };

  it('started both APIs and both workers, each with a connection of its own to the database', async () => {
    expect(processes.map((process) => process.exited)).toEqual([false, false, false, false]);
    expect(new Set(processes.map((process) => process.port)).size).toBe(4);
    // An idle pool closes its connections after a while: readiness pings the database from each.
    const ready = await Promise.all(
      processes.map((process) =>
        eventually(
          () => fetch(`${process.baseUrl}/health/ready`),
          (res) => res.ok,
          30_000,
        ),
      ),
    );
    expect(ready.map((res) => res.status)).toEqual([200, 200, 200, 200]);
    const { rows } = await db.query<{ name: string }>(
      `SELECT DISTINCT application_name AS name FROM pg_stat_activity
        WHERE datname = current_database() AND application_name LIKE ANY ('{api-%,worker-%}') ORDER BY 1`,
    );
    expect(rows.map((row) => row.name)).toEqual([...NAMES.apis, ...NAMES.workers]);
  });

  it('counts sign-in attempts once, whichever API answers: the limit falls at the same attempt as with one API', async () => {
    /** Each attempt's status, and whether a refusal says how long to wait. */
    const attempts = async (apiOf: (n: number) => TestApi) => {
      const [email, client] = [uniqueEmail('limited'), clientAddress()];
      const answers: Array<[number, boolean]> = [];
      for (let n = 0; n < LOGIN_RATE_LIMIT + 2; n++) {
        const res = await apiOf(n).post('/api/v1/auth/login', {
          body: { email, password: 'not the password' },
          headers: { 'X-Forwarded-For': client },
        });
        answers.push([res.status, Number(res.headers['retry-after'] ?? 0) > 0]);
      }
      return answers;
    };
    const alone = await attempts(() => apiA);
    const alternated = await attempts(alternate);
    const expected = [...Array.from({ length: LOGIN_RATE_LIMIT }, () => [401, false]), [429, true], [429, true]];
    expect(alone).toEqual(expected);
    expect(alternated).toEqual(expected);
  });

  it('limits the password-reset e-mails of an address across both APIs, and sends each of them once', async () => {
    const [user] = await createEvaluators(apiA, [{ countryCode: 'DE' }]);
    const client = clientAddress();
    const statuses: number[] = [];
    for (let n = 0; n <= LINK_REQUEST_LIMIT; n++) {
      const res = await alternate(n).post('/api/v1/auth/password-reset/request', {
        body: { email: user.email },
        headers: { 'X-Forwarded-For': client },
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array.from({ length: LINK_REQUEST_LIMIT }, () => 202), 429]);

    const sent = await eventually(
      () => deliveries([user.id], 'account.password_reset'),
      (rows) => rows.length === LINK_REQUEST_LIMIT && rows.every((row) => row.completed),
    );
    expect(sent).toEqual(Array.from({ length: LINK_REQUEST_LIMIT }, () => ({ recipient: user.id, ...once })));
    expect(smtp!.to(user.email).map((mail) => mail.subject)).toEqual(
      Array.from({ length: LINK_REQUEST_LIMIT }, () => 'Resetting your password'),
    );
  });

  it('honours on one API the tokens the other issued: access and refresh tokens, sign-out', async () => {
    const signIn = (api: TestApi) =>
      api.post('/api/v1/auth/login', {
        body: { email: secretariat.email, password: PASSWORD },
        headers: { 'X-Forwarded-For': clientAddress() },
      });
    const refresh = (api: TestApi, refreshToken: string) =>
      api.post('/api/v1/auth/refresh', { body: { refreshToken } });
    const me = (api: TestApi, token: string) => api.get('/api/v1/me', { token });

    const first = await signIn(apiA);
    expect(first.status).toBe(200);
    expect((await me(apiB, first.body.accessToken)).body).toMatchObject({ id: secretariat.id, role: 'secretariat' });
    const rotated = await refresh(apiB, first.body.refreshToken);
    expect(rotated.status).toBe(200);
    expect((await me(apiA, rotated.body.accessToken)).status).toBe(200);
    // The spent refresh token presented again, to the API that did not rotate it: a leak, so the whole
    // session ends, on the other API too once its cache of the caller has expired.
    const replayed = await refresh(apiA, first.body.refreshToken);
    expect({ status: replayed.status, code: replayed.body.code }).toEqual({
      status: 401,
      code: 'INVALID_REFRESH_TOKEN',
    });
    expect((await refresh(apiB, rotated.body.refreshToken)).status).toBe(401);
    const ended = await eventually(
      () => me(apiB, rotated.body.accessToken),
      (res) => res.status === 401,
      TOKEN_STATE_CACHE_MS + 10_000,
    );
    expect(ended.status).toBe(401);

    // One refresh token presented to both APIs at once: a single rotation.
    const second = await signIn(apiB);
    const refreshes = await Promise.all([apiA, apiB].map((api) => refresh(api, second.body.refreshToken)));
    expect(refreshes.map((res) => res.status).sort()).toEqual([200, 401]);
  });

  it("opens one API's queue dashboard with the session cookie the other set, until the session ends", async () => {
    const signIn = await apiA.post('/api/v1/auth/login', {
      body: { email: secretariat.email, password: PASSWORD },
      headers: { 'X-Forwarded-For': clientAddress() },
    });
    expect(signIn.status).toBe(200);
    const session = await apiA.post('/api/v1/queue-dashboard/session', { token: signIn.body.accessToken });
    expect(session.status).toBe(204);
    const cookie = (session.headers['set-cookie'] as unknown as string[])[0].split(';')[0];
    const dashboard = (api: TestApi, withCookie = true) => {
      const get = request(api.target).get('/queues/api/queues');
      return withCookie ? get.set('Cookie', cookie) : get;
    };
    const queues = await dashboard(apiB);
    expect(queues.status).toBe(200);
    expect((queues.body.queues as Array<{ name: string }>).map((queue) => queue.name).sort()).toEqual([
      'cohorts',
      'notifications',
      'scoring',
      'scoring-uncertainty',
    ]);
    expect((await dashboard(apiB, false)).status).toBe(401);

    // Signed out through the other API: the dashboard refuses the cookie once the cache has expired.
    const signedOut = await apiB.post('/api/v1/auth/logout', { body: { refreshToken: signIn.body.refreshToken } });
    expect(signedOut.status).toBe(204);
    const refused = await eventually(
      () => dashboard(apiA),
      (res) => res.status === 401,
      TOKEN_STATE_CACHE_MS + 10_000,
    );
    expect(refused.status).toBe(401);
  });

  it('closes calls whose deadline passed exactly once, both workers racing to close them', async () => {
    const calls = await Promise.all([0, 1, 2].map((n) => createCall(alternate(n), secretariat.token)));
    const ids = calls.map((call) => call.id);
    // Both workers' closers must wait: the first to close the calls waits to record its audit event, the
    // other for the first's rows.
    const release = await holding('LOCK TABLE audit_events IN SHARE ROW EXCLUSIVE MODE');
    try {
      await db.query(`UPDATE calls SET closes_at = now() - interval '1 second' WHERE id = ANY($1::uuid[])`, [ids]);
      expect(
        await eventually(
          waitingOnLocks(/INSERT INTO audit_events|UPDATE calls/),
          (names) => names.length === 2,
          30_000,
        ),
      ).toEqual([...NAMES.workers]);
    } finally {
      await release();
    }

    const closed = await eventually(
      () =>
        Promise.all(
          ids.map(async (id, n) => (await alternate(n).get(`/api/v1/calls/${id}`, { token: secretariat.token })).body),
        ),
      (bodies) => bodies.every((body) => body.status === 'closed'),
      30_000,
    );
    // One transition each: the version moved once from the opened call's.
    expect(closed.map((call) => call.version)).toEqual(calls.map((call) => call.version + 1));
    const { rows } = await db.query<{ entity_id: string; actor_id: string | null; after: unknown }>(
      `SELECT entity_id, actor_id, after FROM audit_events
        WHERE entity_type = 'call' AND action = 'call.closed' AND entity_id = ANY($1::uuid[])
        ORDER BY entity_id`,
      [ids],
    );
    expect(rows).toEqual(
      [...ids].sort().map((id) => ({ entity_id: id, actor_id: null, after: { status: 'closed', reason: 'deadline' } })),
    );
  });

  it('sends each reminder of a draft once, its e-mails claimed by the relays of both workers at once', async () => {
    const call = await createCall(apiA, secretariat.token, { closesAt: new Date(Date.now() + 100 * 3_600_000) });
    const schedule = await apiB.put(`/api/v1/calls/${call.id}/reminder-schedule`, {
      token: secretariat.token,
      body: { evaluatorDaysBefore: [], evaluatorDaysAfter: [], applicantHoursBefore: [48, 24] },
    });
    expect(schedule.status).toBe(200);
    const applicants: Applicant[] = (
      await Promise.all(
        [apiA, apiB].map((api) =>
          createApplicantsFrom(
            api,
            [0, 1, 2, 3].map(() => ({ countryCode: 'KE' })),
          ),
        ),
      )
    ).flat();
    for (const [n, applicant] of applicants.entries()) {
      const draft = await alternate(n).post(`/api/v1/calls/${call.id}/applications`, {
        token: applicant.token,
        body: { answers: { programme: 'A programme.' } },
      });
      expect(draft.status).toBe(201);
    }
    const reference = call.body.reference as string;
    const reminders = (applicant: Applicant) =>
      smtp!
        .to(applicant.email)
        .filter((mail) => mail.subject.startsWith('Reminder') && mail.subject.endsWith(reference));
    const untilReminded = (count: number) =>
      eventually(
        async () => applicants.map((applicant) => reminders(applicant).length),
        (counts) => counts.every((n) => n >= count),
        60_000,
      );
    const setDeadline = (fromNow: string) =>
      db.query(`UPDATE calls SET closes_at = now() + $2::interval WHERE id = $1`, [call.id, fromNow]);

    // The 48-hour reminders fall due while both workers' schedulers wait behind the suite's lock.
    const release = await holding('LOCK TABLE application_deadline_reminders IN SHARE ROW EXCLUSIVE MODE');
    try {
      await setDeadline('47 hours');
      expect(
        await eventually(waitingOnLocks(/application_deadline_reminders/), (names) => names.length === 2, 30_000),
      ).toEqual([...NAMES.workers]);
      // Redis stops answering: each relay holds the rows it claimed until it can hand them to BullMQ.
      redis!.freeze();
    } finally {
      await release();
    }
    try {
      expect(await eventually(relaysHoldingRows, (names) => names.length === 2, 30_000)).toEqual([...NAMES.workers]);
    } finally {
      redis!.thaw();
    }
    await untilReminded(1);

    // The 24-hour reminders: the schedulers kept running, and sent none of the earlier ones again.
    await setDeadline('23 hours');
    await untilReminded(2);
    expect(applicants.map((applicant) => reminders(applicant).length)).toEqual(applicants.map(() => 2));
    const { rows } = await db.query<{ recipient_id: string; hours_before: number }>(
      `SELECT recipient_id, hours_before FROM application_deadline_reminders WHERE call_id = $1
        ORDER BY hours_before DESC, recipient_id`,
      [call.id],
    );
    const ids = applicants.map((applicant) => applicant.id).sort();
    expect(rows).toEqual([48, 24].flatMap((hours) => ids.map((id) => ({ recipient_id: id, hours_before: hours }))));
    const sent = await eventually(
      () => deliveries(ids, 'application.reminder'),
      (found) => found.length === 2 * ids.length && found.every((row) => row.completed),
    );
    expect(sent).toEqual(
      ids.flatMap((id) => [
        { recipient: id, ...once },
        { recipient: id, ...once },
      ]),
    );
  });

  it("dispatched every outbox row of the suite's database once, whatever its queue, and started its job once", async () => {
    const rows = await eventually(
      async () =>
        (
          await db.query<{ id: string; queue: string; dispatched: number; completed: boolean }>(
            `SELECT id, queue, dispatch_count AS dispatched, completed_at IS NOT NULL AS completed
               FROM outbox ORDER BY created_at, id`,
          )
        ).rows,
      (found) => found.every((row) => row.completed),
    );
    expect(rows.length).toBeGreaterThan(0);
    const queues = new Map(
      [...new Set(rows.map((row) => row.queue))].map((name) => [
        name,
        new Queue(name, { connection: bullConnection(redis!.url) }),
      ]),
    );
    try {
      const seen = await Promise.all(
        rows.map(async ({ id, queue, dispatched, completed }) => {
          const job = await queues.get(queue)!.getJob(id);
          return { queue, dispatched, completed, jobStarts: job?.attemptsStarted ?? 0 };
        }),
      );
      expect(seen).toEqual(rows.map(({ queue }) => ({ queue, dispatched: 1, completed: true, jobStarts: 1 })));
    } finally {
      await Promise.all([...queues.values()].map((queue) => queue.close()));
    }
  });
});
