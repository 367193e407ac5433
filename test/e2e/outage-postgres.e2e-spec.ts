import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { PlatformEnv, Role, poolOptions, readEnv } from '@app/platform';
import { migrate } from '../../migrations/data-source';
import { eventually, inPool, withEnv } from '../support/async';
import { SAMPLE_PDF, adminToken, callBody, createApplicant, createStaff, uniqueEmail } from '../support/fixtures';
import { SchemaSamples } from '../support/openapi-samples';
import { PostgresServer } from '../support/postgres-server';
import { TestApi } from '../support/test-app';
import {
  DocumentedOperation,
  OpenApiDocument,
  RouteHandler,
  concreteUrl,
  discoverHandlers,
  documentedOperations,
} from './routes.helpers';

/**
 * PostgreSQL down or frozen: every route answers 503 problem+json with Retry-After in bounded time,
 * never 500, and the API recovers by itself when the database is back. The suite runs its own
 * cluster, which it stops, starts, freezes (SIGSTOP) and thaws, with small timeouts.
 */
const PORT = 55431;
const CLIENT = `2001:db8::${randomUUID().slice(0, 4)}:${randomUUID().slice(0, 4)}`;
const TIMEOUTS = {
  DB_STATEMENT_TIMEOUT_MS: '1000',
  DB_QUERY_TIMEOUT_MS: '1500',
  DB_CONNECT_TIMEOUT_MS: '1000',
  DB_POOL_SIZE: '3',
};

/**
 * Operations that never reach PostgreSQL, with what they answer: single sign-on is off in this suite,
 * so its routes say so (or, for the web app's question, that it is off) without the database.
 */
const WITHOUT_DATABASE = new Map([
  ['GET /health/live', 200],
  ['GET /metrics', 200],
  ['GET /api/v1/auth/sso', 200],
  ['GET /api/v1/auth/sso/start', 404],
  ['GET /api/v1/auth/sso/callback', 404],
  ['POST /api/v1/auth/sso/exchange', 404],
]);

/** Bodies whose rules span fields, which a schema sample cannot meet. */
const HAND_MADE_BODIES: Record<string, () => unknown> = {
  CallsController_create: () => callBody(),
  // Link e-mails are counted per address in Redis before the database is asked: an address of its own.
  PasswordsController_requestReset: () => ({ email: uniqueEmail('outage') }),
  CallsController_update: () => ({ title: 'Call for accelerator centres, amended' }),
};

describe('PostgreSQL outage', () => {
  let server: PostgresServer;
  let api: TestApi;
  let operations: DocumentedOperation[];
  let handlers: RouteHandler[];
  let tokens: Record<Role, string>;
  let samples: SchemaSamples;

  beforeAll(async () => {
    server = await PostgresServer.create(PORT);
    const url = await server.createDatabase('accelerator');
    await migrate(url);
    api = await withEnv({ DATABASE_URL: url, ...TIMEOUTS }, () => TestApi.start());
    const document = (await request(api.server).get('/docs-json')).body as OpenApiDocument;
    operations = documentedOperations(document);
    samples = new SchemaSamples(
      (document as { components?: { schemas?: Record<string, Record<string, unknown>> } }).components?.schemas ?? {},
    );
    handlers = discoverHandlers(api.app);
    const [secretariat, evaluator, applicant] = await Promise.all([
      createStaff(api, 'secretariat'),
      createStaff(api, 'evaluator'),
      createApplicant(api),
    ]);
    tokens = {
      admin: await adminToken(api),
      secretariat: secretariat.token,
      evaluator: evaluator.token,
      applicant: applicant.token,
    };
  }, 180_000);

  afterAll(async () => {
    await api?.close();
    await server?.destroy();
  });

  const name = (operation: DocumentedOperation) => `${operation.method} ${operation.path}`;

  /** The operation once, as a caller it admits, with fresh ids in its path and a plausible body. */
  function send(operation: DocumentedOperation): Promise<Response> {
    const rule = handlers.find((handler) => handler.key === operation.operation.operationId)?.rule;
    const role = rule?.kind === 'roles' ? (rule.roles.includes('admin') ? 'admin' : rule.roles[0]) : 'applicant';
    const token = rule?.kind === 'public' ? undefined : tokens[role ?? 'applicant'];
    const url = concreteUrl(operation.path, randomUUID());
    const content = operation.operation.requestBody?.content ?? {};
    if (content['multipart/form-data']) {
      const fields = samples.formFields(content['multipart/form-data'].schema);
      const file = { buffer: SAMPLE_PDF, filename: 'statutes.pdf', contentType: 'application/pdf' };
      return api.upload(url, token ?? '', file, fields);
    }
    const schema = content['application/json']?.schema;
    const handMade = HAND_MADE_BODIES[operation.operation.operationId ?? ''];
    const body = handMade ? handMade() : schema ? samples.sample(schema) : undefined;
    const method = operation.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    // A client of its own: other suites' requests from loopback fill the per-client counters of rate limits.
    const headers: Record<string, string> = { 'X-Forwarded-For': CLIENT };
    if (method !== 'get') headers['If-Match'] = '"1"';
    return api[method](url, { token, body, headers });
  }

  /** 503 problem+json SERVICE_UNAVAILABLE, telling when to try again. */
  function isUnavailable(response: Response): boolean {
    return (
      response.status === 503 &&
      /^application\/problem\+json/.test(response.headers['content-type'] ?? '') &&
      response.body.code === 'SERVICE_UNAVAILABLE' &&
      Number(response.headers['retry-after']) > 0
    );
  }

  function expectUnavailable(response: Response): void {
    expect({ status: response.status, body: response.body as unknown }).toMatchObject({ status: 503 });
    expect(isUnavailable(response)).toBe(true);
  }

  /** Sends every operation, `width` at a time; answers those that neither were refused with 503 nor needed no database. */
  async function unexpectedAnswers(width: number): Promise<string[]> {
    const answers = await inPool(operations, width, async (operation) => {
      const response = await send(operation);
      const withoutDatabase = WITHOUT_DATABASE.get(name(operation));
      const answered = withoutDatabase ? response.status === withoutDatabase : isUnavailable(response);
      return answered ? undefined : `${name(operation)} → ${response.status} ${response.body?.code ?? ''}`;
    });
    return answers.filter((answer) => answer !== undefined);
  }

  const listCalls = () => api.get('/api/v1/calls', { token: tokens.secretariat });

  describe('stopped', () => {
    beforeAll(() => server.stop());

    it('answers 503 with Retry-After on every operation of the OpenAPI document, never 500', async () => {
      expect(await unexpectedAnswers(1)).toEqual([]);
    });

    it('is not ready', async () => {
      const response = await api.get('/health/ready');
      expectUnavailable(response);
      expect(response.body.detail).toMatch(/database down/);
    });

    it('serves again once PostgreSQL is back, without a restart', async () => {
      await server.start();
      expect((await eventually(listCalls, (response) => response.status === 200, 20_000)).status).toBe(200);
      expect((await api.get('/health/ready')).status).toBe(200);
    });
  });

  describe('frozen (accepting connections, never answering)', () => {
    it('answers 503 on every operation within the timeouts, eight at a time against a pool of three', async () => {
      server.freeze();
      try {
        expect(await unexpectedAnswers(8)).toEqual([]);
      } finally {
        server.thaw();
      }
    });

    it('recovers by itself once thawed, every pooled connection usable', async () => {
      const responses = await eventually(
        () => Promise.all(Array.from({ length: 8 }, listCalls)),
        (all) => all.every((response) => response.status === 200),
        20_000,
      );
      expect(responses.map((response) => response.status)).toEqual(Array(8).fill(200));
    });

    it('drops a connection whose transaction was cut by the timeout: its next user is not inside it', async () => {
      const settings = readEnv(PlatformEnv, { ...TIMEOUTS, DB_POOL_SIZE: '1' });
      const dataSource = await new DataSource({
        type: 'postgres',
        url: server.url('accelerator'),
        extra: poolOptions(settings, 'requests'),
      }).initialize();
      try {
        await dataSource.query('CREATE TABLE IF NOT EXISTS outage_probe (written_at timestamptz)');
        const runner = dataSource.createQueryRunner();
        await runner.startTransaction();
        await runner.query('INSERT INTO outage_probe VALUES (now())');
        server.freeze();
        try {
          await expect(runner.query('SELECT 1')).rejects.toThrow('Query read timeout');
          await runner.rollbackTransaction().catch(() => undefined);
          await runner.release();
        } finally {
          server.thaw();
        }
        // On the one pooled connection, still inside the cut transaction, the uncommitted row would show.
        const [{ rows }] = (await dataSource.query('SELECT count(*)::int AS rows FROM outage_probe')) as Array<{
          rows: number;
        }>;
        expect(rows).toBe(0);
      } finally {
        await dataSource.destroy();
      }
    });
  });
});
