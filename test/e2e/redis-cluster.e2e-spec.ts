import { randomInt } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import request from 'supertest';
import { eventually, inPool, withEnv } from '../support/async';
import {
  createApplicantsFrom,
  createEvaluators,
  secretariatOf,
  submitEvaluation,
} from '../support/evaluation-fixtures';
import { ADMIN, Actor, Applicant, uniqueEmail } from '../support/fixtures';
import { RELAYS_NOTIFICATIONS, takeNotificationsTurn } from '../support/notifications';
import { RedisClusterServers } from '../support/redis-cluster';
import { callWithDrafts, expectRankingReflectsEvaluations, scoringStatus } from '../support/scoring';
import { SmtpTestServer } from '../support/smtp-server';
import { TestApi } from '../support/test-app';
import { startWorker } from '../support/worker';

/**
 * Issue 18 item 2: the API and the worker on a Redis Cluster of three masters with one replica each,
 * started by the test on loopback ports. The queues (hash-tagged prefix), the sign-in and link
 * counters (keys in different slots), the queue dashboard and readiness work on it; when the master
 * holding the queues' slot crashes during a scoring run, its replica takes over and every acknowledged
 * evaluation is in the ranking. The worker relays notifications, so the suite takes their turn.
 */

const APPLICATIONS = 12;
const PANEL = 3;
const LOGIN_RATE_LIMIT = 3;
/** A client address of its own per run: the counters of a run a minute earlier may still be there. */
const CLIENT = `100.${64 + randomInt(64)}.${randomInt(256)}.${1 + randomInt(254)}`;

describe('on a Redis Cluster', () => {
  let releaseTurn: (() => Promise<void>) | undefined;
  let cluster: RedisClusterServers | undefined;
  let smtp: SmtpTestServer | undefined;
  let api: TestApi;
  let worker: INestApplicationContext | undefined;
  let secretariat: Actor;
  let evaluators: Actor[];
  let applicants: Applicant[];

  beforeAll(async () => {
    releaseTurn = await takeNotificationsTurn();
  }, 600_000);

  beforeAll(async () => {
    [cluster, smtp] = await Promise.all([RedisClusterServers.start(), SmtpTestServer.start()]);
    // Commands are not meant to time out here (the outage suites test that): six servers, the API,
    // the worker and the suite share a loaded machine.
    const redis = { REDIS_URL: cluster.url, REDIS_COMMAND_TIMEOUT_MS: '30000' };
    api = await withEnv({ ...redis, LOGIN_RATE_LIMIT: String(LOGIN_RATE_LIMIT) }, () => TestApi.start());
    // Work Redis lost in the failover (accepted by the master, not yet copied to its replica) is sent
    // again from the outbox after OUTBOX_REDISPATCH_SECONDS.
    worker = await startWorker({
      ...redis,
      ...RELAYS_NOTIFICATIONS,
      OUTBOX_POLL_MS: '50',
      OUTBOX_REDISPATCH_SECONDS: '3',
      SMTP_URL: smtp.url,
    });
    secretariat = await secretariatOf(api);
    [evaluators, applicants] = await Promise.all([
      createEvaluators(
        api,
        ['DE', 'JP', 'MX'].map((countryCode) => ({ countryCode })),
      ),
      createApplicantsFrom(
        api,
        Array.from({ length: APPLICATIONS }, (_, i) => ({ countryCode: ['KE', 'BR', 'IN', 'EG'][i % 4] })),
      ),
    ]);
    // Well under a minute on an idle machine; CI shares its cores with the other suites.
  }, 240_000);

  // The API and the worker run in this process, without the worker process's own bound: a worker
  // process ends itself WORKER_SHUTDOWN_LIMIT_MS after SIGTERM, since a BullMQ worker's close on a
  // cluster that lost a master can wait forever even once its connections are cut (StopTakingJobs;
  // seen here on a loaded machine, not on an idle one). The suite likewise stops waiting after 150 s,
  // says so, and stops the servers.
  afterAll(async () => {
    const closing = Promise.all([worker?.close(), api?.close()]).then(() => true);
    const overdue = new Promise<false>((resolve) => setTimeout(() => resolve(false), 150_000).unref());
    try {
      if (!(await Promise.race([closing, overdue]))) {
        console.warn('redis-cluster: the API and the worker were still closing after 150 s; servers stopped anyway');
      }
    } finally {
      await smtp?.close();
      await cluster?.stop();
      await releaseTurn?.();
    }
  }, 200_000);

  const ready = () => api.get('/health/ready');

  it('reports the cluster in readiness: every slot served by three masters', async () => {
    const res = await ready();
    expect(res.status).toBe(200);
    expect(res.body.info.redis).toMatchObject({
      status: 'up',
      mode: 'cluster',
      cluster: { state: 'ok', masters: 3, slotsOk: 16384, knownNodes: 6 },
    });
  });

  it('limits sign-in attempts with counters in different slots, and serves the queue dashboard', async () => {
    const email = uniqueEmail('cluster');
    const attempt = () =>
      api.post('/api/v1/auth/login', {
        body: { email, password: 'not the password' },
        headers: { 'X-Forwarded-For': CLIENT },
      });
    for (let i = 0; i < LOGIN_RATE_LIMIT; i++) expect((await attempt()).status).toBe(401);
    const refused = await attempt();
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

    const admin = await api.post('/api/v1/auth/login', { body: { email: ADMIN.email, password: ADMIN.password } });
    expect(admin.status).toBe(200);
    // Outside the API's contract (Bull Board's own route); its first reads load BullMQ's scripts on
    // the masters, which a loaded machine may not finish within REDIS_COMMAND_TIMEOUT_MS (then 503).
    const queues = await eventually(
      () => request(api.server).get('/queues/api/queues').set('Authorization', `Bearer ${admin.body.accessToken}`),
      (res) => res.status === 200,
      30_000,
    );
    expect(queues.status).toBe(200);
    expect((queues.body.queues as Array<{ name: string }>).map((queue) => queue.name)).toContain('scoring');
  });

  it('sends an e-mail through the queue', async () => {
    const [applicant] = applicants;
    const res = await api.post('/api/v1/auth/password-reset/request', {
      body: { email: applicant.email },
      headers: { 'X-Forwarded-For': CLIENT },
    });
    expect(res.status).toBeLessThan(300);
    const received = await eventually(
      async () => smtp!.to(applicant.email),
      (emails) => emails.length > 0,
      30_000,
    );
    expect(received.map((email) => email.subject)).toEqual(['Resetting your password']);
  });

  it('completes a scoring run across a failover of the master holding the queues, losing nothing acknowledged', async () => {
    const { callId, applicationIds, drafts } = await callWithDrafts(api, evaluators, applicants, PANEL);
    const queuesMaster = await cluster!.masterOf('{bull}');

    // Half the evaluations are acknowledged (and being scored) when that master crashes; the rest
    // arrive while its replica takes over.
    let acknowledged = 0;
    let failover: Promise<void> | undefined;
    const answers = await inPool(drafts, 4, async (draft) => {
      const status = (await submitEvaluation(api, draft.token, draft.id)).status;
      if (++acknowledged === drafts.length / 2) failover = cluster!.kill(queuesMaster);
      return status;
    });
    await failover;
    expect(answers.filter((status) => status !== 200)).toEqual([]);

    await cluster!.untilHealthy();
    expect(await cluster!.masterOf('{bull}')).not.toBe(queuesMaster);

    const status = await eventually(
      () => scoringStatus(api, secretariat.token, callId),
      (s) => s.upToDate,
      60_000,
    );
    expect(status).toMatchObject({ upToDate: true, pending: 0 });
    const ranking = await expectRankingReflectsEvaluations(api, secretariat.token, callId, applicationIds);
    expect(ranking.evaluations).toBe(drafts.length);

    const readiness = await eventually(ready, (res) => res.status === 200, 30_000);
    expect(readiness.body.info.redis.cluster).toMatchObject({ state: 'ok', masters: 3 });
  }, 120_000);
});
