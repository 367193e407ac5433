import request from 'supertest';
import { TestApi } from '../support/test-app';
import {
  DocumentedOperation,
  OpenApiDocument,
  RouteHandler,
  discoverHandlers,
  documentedOperations,
} from './routes.helpers';

/** The document at /docs-json describes every endpoint with its request and response schemas (API.md). */
describe('OpenAPI document', () => {
  let api: TestApi;
  let document: OpenApiDocument & { components?: { schemas?: Record<string, unknown> } };
  let operations: DocumentedOperation[];
  let handlers: RouteHandler[];

  beforeAll(async () => {
    api = await TestApi.start();
    const res = await request(api.server).get('/docs-json');
    expect(res.status).toBe(200);
    document = res.body as typeof document;
    operations = documentedOperations(document);
    handlers = discoverHandlers(api.app);
  });
  afterAll(() => api.close());

  const name = (o: DocumentedOperation) => `${o.method} ${o.path}`;
  const hasSchema = (content: Record<string, { schema?: unknown }> | undefined) =>
    content !== undefined && Object.keys(content).length > 0 && Object.values(content).every((m) => !!m.schema);

  it('gives every operation a success response whose body has a schema (204 and redirects have none, 202 may not)', () => {
    const wrong: string[] = [];
    for (const operation of operations) {
      const successes = Object.entries(operation.operation.responses).filter(([status]) => /^(2|30[237])/.test(status));
      if (successes.length === 0) wrong.push(`${name(operation)}: no 2xx response`);
      for (const [status, response] of successes) {
        const bodiless = status === '204' || status.startsWith('3');
        const optional = status === '202' && response?.content === undefined;
        if (optional) continue;
        if (bodiless ? response?.content !== undefined : !hasSchema(response?.content)) {
          wrong.push(`${name(operation)} -> ${status}`);
        }
      }
    }

    expect(operations.length).toBeGreaterThan(10);
    expect(wrong).toEqual([]);
  });

  it('describes a request body with a schema for every handler that reads one', () => {
    const readsBody = new Set(handlers.filter((h) => h.readsBody).map((h) => h.key));
    const wrong = operations
      .filter((o) => readsBody.has(o.operation.operationId ?? ''))
      .filter((o) => !hasSchema(o.operation.requestBody?.content))
      .map(name);

    expect(readsBody.size).toBeGreaterThan(5);
    expect(wrong).toEqual([]);
  });

  it('documents every error response as application/problem+json with the Problem schema', () => {
    const wrong: string[] = [];
    for (const operation of operations) {
      for (const [status, response] of Object.entries(operation.operation.responses)) {
        if (!/^(4|5|default)/.test(status)) continue;
        const content = response?.content ?? {};
        const schema = content['application/problem+json']?.schema;
        if (Object.keys(content).join() !== 'application/problem+json' || !isProblemRef(schema)) {
          wrong.push(`${name(operation)} -> ${status}`);
        }
      }
      if (!operation.operation.responses.default) wrong.push(`${name(operation)}: no default response`);
    }
    expect(wrong).toEqual([]);
  });

  it('describes the Problem document of DESIGN.md §7', () => {
    expect(document.components?.schemas?.Problem).toMatchObject({
      type: 'object',
      required: expect.arrayContaining(['type', 'title', 'status', 'detail', 'code']),
      properties: expect.objectContaining({
        requestId: expect.any(Object),
        errors: expect.objectContaining({ type: 'array' }),
      }),
    });
  });

  it('marks exactly the routes that need a token with bearer security', () => {
    const wrong: string[] = [];
    for (const operation of operations) {
      const rule = handlers.find((h) => h.key === operation.operation.operationId)?.rule;
      const bearer = JSON.stringify(operation.operation.security ?? []).includes('bearer');
      if (rule === undefined || bearer !== (rule.kind !== 'public')) wrong.push(`${name(operation)} (${rule?.kind})`);
    }
    expect(wrong).toEqual([]);
  });

  it('has no dangling $ref', () => {
    const dangling = [...collectRefs(document)].filter((ref) => resolve(document, ref) === undefined);
    expect(dangling).toEqual([]);
  });
});

function isProblemRef(schema: unknown): boolean {
  return (schema as { $ref?: string } | undefined)?.$ref === '#/components/schemas/Problem';
}

function collectRefs(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, found);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === '$ref' && typeof child === 'string') found.add(child);
      else collectRefs(child, found);
    }
  }
  return found;
}

function resolve(document: unknown, ref: string): unknown {
  if (!ref.startsWith('#/')) return undefined;
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], document);
}
