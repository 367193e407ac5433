import { createServer, type Server } from 'node:http';
import request from 'supertest';
import { OpenApiContract } from './openapi-contract';

const CALL_ID = '3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e6f';

const problem = {
  description: 'Problem',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

const document = {
  openapi: '3.0.0',
  info: { title: 'test', version: '1' },
  paths: {
    '/api/v1/calls': {
      get: {
        responses: {
          '200': {
            description: 'list',
            content: {
              'application/json': {
                schema: { type: 'array', items: { $ref: '#/components/schemas/Call' } },
              },
            },
          },
          default: problem,
        },
      },
    },
    '/api/v1/calls/{id}': {
      get: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }],
        responses: {
          '200': {
            description: 'one',
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Call' } } },
          },
          '4XX': problem,
        },
      },
      delete: { responses: { '204': { description: 'deleted' } } },
    },
    '/api/v1/calls/{id}/open': {
      post: {
        responses: {
          '200': {
            description: 'opened',
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['id', 'status'],
                  properties: {
                    id: { type: 'string', format: 'uuid' },
                    status: { type: 'string', enum: ['open'] },
                  },
                },
              },
            },
          },
        },
      },
    },
    '/api/v1/calls/{id}/report.pdf': {
      get: {
        responses: {
          '200': {
            description: 'pdf',
            content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } },
          },
        },
      },
    },
    '/api/v1/calls/{id}/export': {
      get: { responses: { '200': { description: 'undocumented body' } } },
    },
    '/api/v1/me/applications': {
      get: {
        responses: {
          '200': {
            description: 'mine',
            content: {
              'application/json': {
                schema: { type: 'object', required: ['items'], properties: { items: { type: 'array' } } },
              },
            },
          },
        },
      },
    },
    '/api/v1/me/{x}': {
      get: {
        responses: {
          '200': {
            description: 'anything',
            content: { 'application/json': { schema: { type: 'object', required: ['x'] } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Problem: {
        type: 'object',
        required: ['type', 'title', 'status'],
        properties: {
          type: { type: 'string', example: 'about:blank' },
          title: { type: 'string' },
          status: { type: 'integer', minimum: 100, exclusiveMaximum: true, maximum: 600 },
          detail: { type: 'string', deprecated: true },
        },
      },
      User: {
        type: 'object',
        required: ['id', 'email'],
        properties: {
          id: { type: 'string', format: 'uuid', readOnly: true },
          email: { type: 'string', format: 'email' },
        },
      },
      Tag: {
        type: 'object',
        required: ['label', 'createdBy'],
        properties: {
          label: { type: 'string', xml: { name: 'label' } },
          createdBy: { $ref: '#/components/schemas/User' },
        },
      },
      Call: {
        type: 'object',
        required: ['id', 'title', 'closesAt', 'owner', 'tags', 'phase'],
        additionalProperties: false,
        properties: {
          id: { type: 'string', format: 'uuid' },
          title: { type: 'string', description: 'Title' },
          closesAt: { type: 'string', format: 'date-time', nullable: true },
          owner: { nullable: true, allOf: [{ $ref: '#/components/schemas/User' }] },
          phase: { type: 'string', enum: ['draft', 'open'], nullable: true },
          website: { type: 'string', format: 'uri' },
          tags: { type: 'array', items: { $ref: '#/components/schemas/Tag' } },
        },
      },
    },
  },
};

const user = { id: '7d4c1a2b-1111-4222-8333-944455556666', email: 'ada@example.org' };
const call = {
  id: CALL_ID,
  title: 'Call 2026',
  closesAt: '2026-05-01T12:00:00.000Z',
  owner: user,
  phase: 'open',
  website: 'https://example.org/call',
  tags: [{ label: 'health', createdBy: user }],
};

const JSON_CT = 'application/json; charset=utf-8';

function violation(fn: () => void): string {
  try {
    fn();
  } catch (error: unknown) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('expected a contract violation, but the response was accepted');
}

describe('OpenApiContract', () => {
  let contract: OpenApiContract;

  beforeEach(() => {
    contract = OpenApiContract.load(document);
  });

  it('lists all operations', () => {
    expect(contract.operations().sort()).toEqual(
      [
        'DELETE /api/v1/calls/{id}',
        'GET /api/v1/calls',
        'GET /api/v1/calls/{id}',
        'GET /api/v1/calls/{id}/export',
        'GET /api/v1/calls/{id}/report.pdf',
        'GET /api/v1/me/applications',
        'GET /api/v1/me/{x}',
        'POST /api/v1/calls/{id}/open',
      ].sort(),
    );
  });

  it('accepts a matching body and records coverage', () => {
    expect(() => contract.assertResponse('GET', `/api/v1/calls/${CALL_ID}`, 200, JSON_CT, call)).not.toThrow();
    expect(() => contract.assertResponse('get', '/api/v1/calls?page=2', 200, JSON_CT, [call, call])).not.toThrow();
    expect(contract.covered()).toEqual(new Set(['GET /api/v1/calls/{id}', 'GET /api/v1/calls']));
  });

  it('rejects a wrong type with operation, status, instance path and body', () => {
    const message = violation(() =>
      contract.assertResponse('GET', `/api/v1/calls/${CALL_ID}`, 200, JSON_CT, { ...call, title: 42 }),
    );
    expect(message).toContain('GET /api/v1/calls/{id} -> 200');
    expect(message).toContain(`request: GET /api/v1/calls/${CALL_ID}`);
    expect(message).toContain('/title must be string');
    expect(message).toContain('"title":42');
  });

  it('reports all errors and trims the body preview', () => {
    const long = { ...call, id: 'not-a-uuid', extra: 'x'.repeat(2000) };
    const message = violation(() => contract.assertResponse('GET', `/api/v1/calls/${CALL_ID}`, 200, JSON_CT, long));
    expect(message).toContain('/id must match format "uuid"');
    expect(message).toContain('(root) must NOT have additional properties (extra)');
    const bodyLine = message.split('\n').find((line) => line.trimStart().startsWith('body:'));
    expect(bodyLine).toBeDefined();
    expect(bodyLine!.length).toBeLessThan(600);
  });

  it('rejects an undocumented status', () => {
    const message = violation(() => contract.assertResponse('POST', `/api/v1/calls/${CALL_ID}/open`, 418, JSON_CT, {}));
    expect(message).toContain('undocumented status 418 for POST /api/v1/calls/{id}/open');
  });

  it('uses the default response for a problem+json error', () => {
    const body = { type: 'about:blank', title: 'Bad Request', status: 400, detail: 'page must be positive' };
    expect(() =>
      contract.assertResponse('GET', '/api/v1/calls?page=-1', 400, 'application/problem+json; charset=utf-8', body),
    ).not.toThrow();
    const wrong = violation(() =>
      contract.assertResponse('GET', '/api/v1/calls', 500, 'application/problem+json', { title: 'Oops', status: 500 }),
    );
    expect(wrong).toContain('(documented as "default")');
    expect(wrong).toContain("must have required property 'type'");
  });

  it('uses a 4XX range response, and requires the documented media type', () => {
    const body = { type: 'about:blank', title: 'Not Found', status: 404 };
    expect(() =>
      contract.assertResponse('GET', `/api/v1/calls/${CALL_ID}`, 404, 'application/problem+json', body),
    ).not.toThrow();
    expect(violation(() => contract.assertResponse('GET', `/api/v1/calls/${CALL_ID}`, 404, JSON_CT, body))).toContain(
      'undocumented media type "application/json"',
    );
    expect(
      violation(() =>
        contract.assertResponse('GET', `/api/v1/calls/${CALL_ID}`, 404, 'application/problem+json', {
          ...body,
          status: 600,
        }),
      ),
    ).toContain('/status must be < 600');
  });

  it('matches a uuid path parameter with a query string, and absolute URLs', () => {
    const body = { id: CALL_ID, status: 'open' };
    expect(() =>
      contract.assertResponse('POST', `/api/v1/calls/${CALL_ID}/open?x=1`, 200, JSON_CT, body),
    ).not.toThrow();
    expect(() =>
      contract.assertResponse('POST', `http://127.0.0.1:4000/api/v1/calls/${CALL_ID}/open/?x=1#f`, 200, JSON_CT, body),
    ).not.toThrow();
    expect(contract.covered()).toEqual(new Set(['POST /api/v1/calls/{id}/open']));
  });

  it('rejects undocumented paths and methods', () => {
    expect(violation(() => contract.assertResponse('GET', '/api/v1/nope', 200, JSON_CT, {}))).toContain(
      'undocumented path GET /api/v1/nope',
    );
    expect(violation(() => contract.assertResponse('PUT', `/api/v1/calls/${CALL_ID}`, 200, JSON_CT, {}))).toContain(
      'undocumented method PUT',
    );
  });

  it('prefers literal segments over parameters', () => {
    expect(() => contract.assertResponse('GET', '/api/v1/me/applications', 200, JSON_CT, { items: [] })).not.toThrow();
    expect(
      violation(() => contract.assertResponse('GET', '/api/v1/me/applications', 200, JSON_CT, { x: 1 })),
    ).toContain('GET /api/v1/me/applications -> 200');
    expect(() => contract.assertResponse('GET', '/api/v1/me/profile', 200, JSON_CT, { x: 1 })).not.toThrow();
    expect(contract.covered()).toEqual(new Set(['GET /api/v1/me/applications', 'GET /api/v1/me/{x}']));
  });

  it('handles nullable scalars, nullable enums and nullable $ref', () => {
    const nulls = { ...call, closesAt: null, owner: null, phase: null };
    expect(() => contract.assertResponse('GET', `/api/v1/calls/${CALL_ID}`, 200, JSON_CT, nulls)).not.toThrow();
    const message = violation(() =>
      contract.assertResponse('GET', `/api/v1/calls/${CALL_ID}`, 200, JSON_CT, {
        ...call,
        closesAt: 'tomorrow',
        phase: 'closed',
      }),
    );
    expect(message).toContain('/closesAt must match format "date-time"');
    expect(message).toContain('/phase must be equal to one of the allowed values');
    expect(message).not.toContain('must be null'); // noise from the nullable translation is dropped
    expect(message).not.toContain('anyOf');
  });

  it('resolves $ref, including nested $ref inside array items', () => {
    const badTags = {
      ...call,
      tags: [
        { label: 'ok', createdBy: user },
        { label: 'bad', createdBy: { id: CALL_ID, email: 'nope' } },
      ],
    };
    const message = violation(() => contract.assertResponse('GET', `/api/v1/calls/${CALL_ID}`, 200, JSON_CT, badTags));
    expect(message).toContain('/tags/1/createdBy/email must match format "email"');
    const missing = violation(() =>
      contract.assertResponse('GET', '/api/v1/calls', 200, JSON_CT, [{ ...call, owner: { email: 'a@b.co' } }]),
    );
    expect(missing).toContain("/0/owner must have required property 'id'");
  });

  it('requires an empty body when no content is documented', () => {
    expect(() => contract.assertResponse('DELETE', `/api/v1/calls/${CALL_ID}`, 204, undefined, {})).not.toThrow();
    expect(() => contract.assertResponse('DELETE', `/api/v1/calls/${CALL_ID}`, 204, undefined, '')).not.toThrow();
    expect(
      violation(() => contract.assertResponse('DELETE', `/api/v1/calls/${CALL_ID}`, 204, JSON_CT, { a: 1 })),
    ).toContain('document describes no content');
  });

  it('accepts documented binary bodies and rejects undocumented ones', () => {
    const pdf = Buffer.from('%PDF-1.7');
    expect(() =>
      contract.assertResponse('GET', `/api/v1/calls/${CALL_ID}/report.pdf`, 200, 'application/pdf', pdf),
    ).not.toThrow();
    expect(
      violation(() =>
        contract.assertResponse('GET', `/api/v1/calls/${CALL_ID}/report.pdf`, 200, 'application/octet-stream', pdf),
      ),
    ).toContain('undocumented media type "application/octet-stream"');
    expect(
      violation(() => contract.assertResponse('GET', `/api/v1/calls/${CALL_ID}/export`, 200, 'application/pdf', {})),
    ).toContain('"application/pdf" body but the document describes no content');
  });

  it('accepts a JSON flavour for a 2xx documenting only application/json', () => {
    expect(() =>
      contract.assertResponse('GET', `/api/v1/calls/${CALL_ID}`, 200, 'application/vnd.api+json', call),
    ).not.toThrow();
    expect(
      violation(() => contract.assertResponse('GET', `/api/v1/calls/${CALL_ID}`, 200, 'text/html', '<p>')),
    ).toContain('undocumented media type "text/html"');
  });

  it('compiles each schema once', () => {
    const compile = jest.spyOn((contract as unknown as { ajv: { compile: () => unknown } }).ajv, 'compile');
    for (let i = 0; i < 3; i++) contract.assertResponse('GET', `/api/v1/calls/${CALL_ID}`, 200, JSON_CT, call);
    expect(compile).toHaveBeenCalledTimes(1);
  });

  it('rejects documents that are not OpenAPI 3', () => {
    expect(() => OpenApiContract.load({ swagger: '2.0', paths: {} })).toThrow(/OpenAPI 3/);
  });

  describe('with supertest', () => {
    let server: Server;

    beforeAll(async () => {
      server = createServer((req, res) => {
        if (req.url === '/docs-json') {
          res.setHeader('content-type', 'application/json; charset=utf-8');
          res.end(JSON.stringify(document));
        } else if (req.url?.startsWith('/api/v1/calls/')) {
          res.setHeader('content-type', 'application/json; charset=utf-8');
          res.end(JSON.stringify(req.url.includes('bad') ? { ...call, tags: 'no' } : call));
        } else {
          res.statusCode = 418;
          res.end();
        }
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    });

    afterAll(async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });

    it('loads the served document and checks supertest responses', async () => {
      const served = await OpenApiContract.fromServer(server);
      const ok = await request(server).get(`/api/v1/calls/${CALL_ID}`).query({ expand: 'owner' });
      expect(() => served.assertSupertestResponse(ok)).not.toThrow();
      const bad = await request(server).get('/api/v1/calls/bad');
      expect(() => served.assertSupertestResponse(bad)).toThrow(/\/tags must be array/);
      expect(served.covered()).toEqual(new Set(['GET /api/v1/calls/{id}']));
      expect(served.uncovered()).toHaveLength(7);
    });
  });
});
