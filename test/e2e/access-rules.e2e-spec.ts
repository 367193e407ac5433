import { Controller, Get, INestApplication } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { PlatformAuthModule, ProblemDetailsFilter, Public, ROLES, Role } from '@app/platform';
import { adminToken, createStaff } from '../support/fixtures';
import { TestApi } from '../support/test-app';
import { registerApplicant } from './identity.helpers';
import {
  DocumentedOperation,
  OpenApiDocument,
  RouteHandler,
  concreteUrl,
  discoverHandlers,
  documentedOperations,
  expressRoutes,
} from './routes.helpers';

/** Deny by default: every route says who may call it, the guard enforces it, the document describes it. */
describe('access rules', () => {
  let api: TestApi;
  let handlers: RouteHandler[];
  let operations: DocumentedOperation[];

  beforeAll(async () => {
    api = await TestApi.start();
    handlers = discoverHandlers(api.app);
    const document = (await request(api.server).get('/docs-json')).body as OpenApiDocument;
    operations = documentedOperations(document);
  });
  afterAll(() => api.close());

  const ruleOf = (operation: DocumentedOperation) =>
    handlers.find((h) => h.key === operation.operation.operationId)?.rule;
  const name = (operation: DocumentedOperation) => `${operation.method} ${operation.path}`;

  describe('inventory', () => {
    it('finds every route Express serves among the controller handlers and in the OpenAPI document', () => {
      const served = expressRoutes(api.app).sort();

      expect(served.length).toBeGreaterThan(10);
      expect(served).toContain('POST /api/v1/auth/login');
      expect(served).toContain('GET /health/ready');
      expect(handlers).toHaveLength(served.length);
      expect(operations.map(name).sort()).toEqual(served);
      expect(operations.map((o) => o.operation.operationId).sort()).toEqual(handlers.map((h) => h.key).sort());
    });

    it('has every route declare an access rule: public, authenticated or a non-empty list of known roles', () => {
      const undeclared = handlers.filter((h) => h.rule === undefined).map((h) => h.key);
      expect(undeclared).toEqual([]);

      for (const { key, rule } of handlers) {
        expect({ key, kind: rule?.kind }).toEqual({
          key,
          kind: expect.stringMatching(/^(public|authenticated|roles)$/),
        });
        if (rule?.kind === 'roles') {
          expect(rule.roles.length).toBeGreaterThan(0);
          expect(rule.roles.filter((role) => !ROLES.includes(role))).toEqual([]);
        }
      }
    });

    it('keeps the public surface to what anonymous users need', () => {
      const publicRoutes = operations.filter((o) => ruleOf(o)?.kind === 'public').map(name);
      expect(publicRoutes).toEqual(
        expect.arrayContaining([
          'POST /api/v1/auth/register',
          'POST /api/v1/auth/login',
          'POST /api/v1/auth/refresh',
          'GET /api/v1/countries',
          'GET /health/live',
          'GET /health/ready',
        ]),
      );
      expect(publicRoutes).not.toContain('GET /api/v1/me');
      expect(publicRoutes.filter((route) => /users|organisations|audit-events/.test(route))).toEqual([]);
    });
  });

  describe('enforcement', () => {
    let tokens: Record<Role, string>;

    beforeAll(async () => {
      const [admin, secretariat, evaluator, applicant] = await Promise.all([
        adminToken(api),
        createStaff(api, 'secretariat'),
        createStaff(api, 'evaluator'),
        registerApplicant(api),
      ]);
      tokens = { admin, secretariat: secretariat.token, evaluator: evaluator.token, applicant: applicant.token };
    });

    const send = (operation: DocumentedOperation, token?: string) => {
      const url = concreteUrl(operation.path, randomUUID());
      const method = operation.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
      return api[method](url, { token });
    };

    it('answers 401 UNAUTHENTICATED to an anonymous caller on every route that is not public', async () => {
      const guarded = operations.filter((o) => ruleOf(o)?.kind !== 'public');
      const wrong: string[] = [];
      for (const operation of guarded) {
        const res = await send(operation);
        if (res.status !== 401 || res.body.code !== 'UNAUTHENTICATED')
          wrong.push(`${name(operation)} -> ${res.status}`);
      }

      expect(guarded.length).toBeGreaterThan(10);
      expect(wrong).toEqual([]);
    });

    it('answers 403 FORBIDDEN to every role a route does not name', async () => {
      const wrong: string[] = [];
      let refusals = 0;
      for (const operation of operations) {
        const rule = ruleOf(operation);
        if (rule?.kind !== 'roles') continue;
        for (const role of ROLES.filter((r) => !rule.roles.includes(r))) {
          const res = await send(operation, tokens[role]);
          if (res.status !== 403 || res.body.code !== 'FORBIDDEN')
            wrong.push(`${name(operation)} as ${role} -> ${res.status}`);
          refusals++;
        }
      }

      expect(refusals).toBeGreaterThan(10);
      expect(wrong).toEqual([]);
    });

    it('lets anonymous callers through public routes, which answer bad or unknown input without a server error', async () => {
      const wrong: string[] = [];
      for (const operation of operations.filter((o) => ruleOf(o)?.kind === 'public')) {
        const res = await send(operation);
        if ([401, 403].includes(res.status) || res.status >= 500) wrong.push(`${name(operation)} -> ${res.status}`);
      }
      expect(wrong).toEqual([]);
    });
  });

  describe('the guard itself', () => {
    @Controller('probe')
    class ProbeController {
      @Get('declared')
      @Public()
      declared() {
        return { ok: true };
      }

      @Get('undeclared')
      undeclared() {
        return { secret: true };
      }
    }

    let app: INestApplication;

    beforeAll(async () => {
      const moduleRef = await Test.createTestingModule({
        imports: [ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true }), PlatformAuthModule],
        controllers: [ProbeController],
      }).compile();
      app = moduleRef.createNestApplication({ logger: false });
      app.useGlobalFilters(new ProblemDetailsFilter());
      await app.init();
    });
    afterAll(() => app.close());

    it('refuses a route that forgot to declare its rule, even to an admin', async () => {
      const token = await adminToken(api);
      expect((await request(app.getHttpServer()).get('/probe/declared')).status).toBe(200);

      const res = await request(app.getHttpServer()).get('/probe/undeclared').set('Authorization', `Bearer ${token}`);
      expect(res.status).toBe(403);
      expect(res.body).toMatchObject({ code: 'FORBIDDEN', detail: 'This route declares no access rule.' });
      expect(res.text).not.toContain('secret');
    });
  });
});
