import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  required: ['type', 'title', 'status', 'detail', 'code'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    code: { type: 'string', description: 'Stable machine code, e.g. VALIDATION_FAILED, DEADLINE_PASSED.' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
    errorId: { type: 'string', description: 'Present on 5xx; quote it when reporting the problem.' },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['field', 'message'],
        properties: {
          field: { type: 'string' },
          message: { type: 'string', description: 'In English.' },
          code: {
            type: 'string',
            description: 'Stable machine code of the problem, e.g. REQUIRED, TOO_LONG, IS_EMAIL.',
          },
          params: {
            type: 'object',
            additionalProperties: { oneOf: [{ type: 'string' }, { type: 'number' }] },
            description: 'What the message quotes, e.g. { max: 2000 }.',
          },
        },
      },
    },
  },
};

const PROBLEM_RESPONSE = {
  description: 'An RFC 9457 problem document with a stable `code`.',
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
};

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Accelerator-centre selection platform')
    .setDescription(
      'Calls for applications, evaluation, scoring and cohort selection. Errors are application/problem+json.',
    )
    .setVersion('1')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config);
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, Problem: PROBLEM_SCHEMA },
  };
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations) as Array<{ responses?: Record<string, unknown> }>) {
      if (operation && typeof operation === 'object' && 'responses' in operation) {
        operation.responses = { ...withProblemContent(operation.responses ?? {}), default: PROBLEM_RESPONSE };
      }
    }
  }
  return document;
}

/**
 * Error responses a route documents itself (`@ApiTooManyRequestsResponse`, terminus' 503) keep their
 * description but get the problem+json body, because ProblemDetailsFilter writes every error that way.
 */
function withProblemContent(responses: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(responses).map(([status, response]) => {
      const isError =
        /^[45]/.test(status) && typeof response === 'object' && response !== null && !('$ref' in response);
      return [status, isError ? { ...response, content: PROBLEM_RESPONSE.content } : response];
    }),
  );
}

/** Serves the document at /docs-json and its UI at /docs. */
export function serveOpenApi(app: INestApplication): OpenAPIObject {
  const document = buildOpenApiDocument(app);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', useGlobalPrefix: false });
  return document;
}
