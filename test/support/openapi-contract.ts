/**
 * OpenAPI contract checker for end-to-end tests.
 *
 * Takes the document served at GET /docs-json (OpenAPI 3.0, as produced by
 * @nestjs/swagger) and checks that an actual HTTP response (method, URL,
 * status, content type, body) is described by it.
 *
 *   const contract = await OpenApiContract.fromServer(app.getHttpServer());
 *   const res = await request(app.getHttpServer()).get('/api/v1/calls');
 *   contract.assertSupertestResponse(res);
 *   // or: contract.assertResponse('GET', '/api/v1/calls', res.status, res.headers['content-type'], res.body);
 *
 * OpenAPI 3.0 schemas are translated to JSON Schema (draft-07) before being
 * handed to ajv:
 *  - `nullable: true`            -> `anyOf: [<schema>, { type: 'null' }]` (works with $ref, enum, allOf;
 *                                   the wrapper's own "must be null"/"anyOf" errors are left out of messages)
 *  - boolean `exclusiveMinimum`/`exclusiveMaximum` -> numeric draft-07 form
 *  - `$ref: '#/components/...'`  -> resolved against the document (registered with ajv as `openapi`)
 *  - annotation / unknown keywords (`example`, `description`, `deprecated`, `xml`, `readOnly`,
 *    `discriminator`, `x-*`, ...) are ignored.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import request from 'supertest';
import type { Response as SupertestResponse } from 'supertest';

type JsonObject = { [key: string]: unknown };

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
const DOCUMENT_ID = 'openapi';
const BODY_PREVIEW_MAX = 500;
/** Marks the `anyOf` wrapper generated for `nullable: true`, so its noise can be left out of messages. */
const NULLABLE_MARKER = 'x-contract-nullable';

interface PathTemplate {
  template: string;
  /** One matcher per path segment. */
  segments: Array<{ kind: 'literal'; value: string } | { kind: 'param' | 'mixed'; regex: RegExp }>;
  item: JsonObject;
}

interface Operation {
  method: string; // upper case
  template: string;
  responses: JsonObject;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function splitPath(path: string): string[] {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, '') : path;
  return trimmed.split('/').slice(1);
}

/** Media type without parameters, lower case: `application/json; charset=utf-8` -> `application/json`. */
function mediaTypeOf(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  const media = contentType.split(';')[0]?.trim().toLowerCase();
  return media ? media : undefined;
}

function isJsonMediaType(media: string | undefined): boolean {
  if (media === undefined) return false;
  return media === 'application/json' || media.endsWith('+json');
}

function isEmptyBody(body: unknown): boolean {
  if (body === undefined || body === '') return true;
  if (Buffer.isBuffer(body)) return body.length === 0;
  if (isObject(body) && Object.getPrototypeOf(body) === Object.prototype) return Object.keys(body).length === 0;
  return false;
}

function previewBody(body: unknown): string {
  let text: string;
  if (Buffer.isBuffer(body)) {
    text = `<Buffer ${body.length} bytes>`;
  } else if (body === undefined) {
    text = 'undefined';
  } else {
    try {
      text = JSON.stringify(body) ?? String(body);
    } catch {
      text = String(body);
    }
  }
  return text.length > BODY_PREVIEW_MAX ? `${text.slice(0, BODY_PREVIEW_MAX)}… (${text.length} chars)` : text;
}

/** Drops "must be null" / "must match a schema in anyOf" errors coming from the `nullable` translation. */
function isNullableNoise(error: ErrorObject): boolean {
  const parent: unknown = error.parentSchema;
  return (
    isObject(parent) && parent[NULLABLE_MARKER] === true && (error.keyword === 'anyOf' || error.keyword === 'type')
  );
}

function formatAjvError(error: ErrorObject): string {
  const where = error.instancePath === '' ? '(root)' : error.instancePath;
  let detail = '';
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') detail = ` (${String(params.additionalProperty)})`;
  else if (error.keyword === 'enum') detail = ` (allowed: ${JSON.stringify(params.allowedValues)})`;
  else if (error.keyword === 'const') detail = ` (expected: ${JSON.stringify(params.allowedValue)})`;
  return `${where} ${error.message ?? error.keyword}${detail}`;
}

/** Keywords whose value is a map of name -> schema. */
const SCHEMA_MAP_KEYWORDS = ['properties', 'patternProperties', 'definitions', '$defs'];
/** Keywords whose value is a schema (or boolean). */
const SCHEMA_KEYWORDS = ['additionalProperties', 'items', 'not', 'additionalItems', 'contains', 'propertyNames'];
/** Keywords whose value is an array of schemas. */
const SCHEMA_ARRAY_KEYWORDS = ['allOf', 'anyOf', 'oneOf'];

/**
 * Translate an OpenAPI 3.0 schema object into draft-07 JSON Schema (returns a new object).
 * `rewriteRef` maps a `$ref` string (e.g. to make local refs point into the registered document).
 */
function toJsonSchema(schema: unknown, rewriteRef: (ref: string) => string): unknown {
  if (Array.isArray(schema)) return schema.map((s) => toJsonSchema(s, rewriteRef));
  if (!isObject(schema)) return schema;

  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'nullable') continue;
    if (key === '$ref' && typeof value === 'string') out[key] = rewriteRef(value);
    else if (SCHEMA_MAP_KEYWORDS.includes(key) && isObject(value)) {
      const mapped: JsonObject = {};
      for (const [name, sub] of Object.entries(value)) mapped[name] = toJsonSchema(sub, rewriteRef);
      out[key] = mapped;
    } else if (SCHEMA_KEYWORDS.includes(key)) out[key] = toJsonSchema(value, rewriteRef);
    else if (SCHEMA_ARRAY_KEYWORDS.includes(key) && Array.isArray(value)) {
      out[key] = value.map((s) => toJsonSchema(s, rewriteRef));
    } else out[key] = value; // annotations, validation keywords, examples: copied as is
  }

  // OpenAPI 3.0 (draft-04 style) boolean exclusive bounds.
  for (const [exclusive, bound] of [
    ['exclusiveMinimum', 'minimum'],
    ['exclusiveMaximum', 'maximum'],
  ] as const) {
    if (out[exclusive] === true && typeof out[bound] === 'number') {
      out[exclusive] = out[bound];
      delete out[bound];
    } else if (typeof out[exclusive] === 'boolean') {
      delete out[exclusive];
    }
  }

  if (schema.nullable === true) {
    return { [NULLABLE_MARKER]: true, anyOf: [out, { [NULLABLE_MARKER]: true, type: 'null' }] };
  }
  return out;
}

export class OpenApiContract {
  private readonly ajv: Ajv;
  private readonly templates: PathTemplate[];
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly coveredOperations = new Set<string>();

  constructor(private readonly document: object) {
    if (!isObject(document) || !isObject(document.paths)) {
      throw new Error('OpenApiContract: document has no "paths" object (is this the /docs-json output?)');
    }
    const version = document.openapi;
    if (typeof version !== 'string' || !version.startsWith('3.')) {
      throw new Error(`OpenApiContract: expected an OpenAPI 3.x document, got openapi=${String(version)}`);
    }

    this.ajv = new Ajv({ strict: false, allErrors: true, verbose: true, logger: false });
    addFormats(this.ajv);

    // Register the component schemas under the document id, so that `#/components/schemas/X`
    // refs inside components resolve relative to it, and response schemas can point at
    // `openapi#/components/schemas/X`.
    const components = isObject(document.components) ? document.components : {};
    const schemas = isObject(components.schemas) ? components.schemas : {};
    const translated: JsonObject = {};
    for (const [name, schema] of Object.entries(schemas)) translated[name] = toJsonSchema(schema, (ref) => ref);
    this.ajv.addSchema({ $id: DOCUMENT_ID, components: { schemas: translated } });

    this.templates = Object.entries(document.paths).flatMap(([template, item]) =>
      isObject(item) ? [OpenApiContract.parseTemplate(template, item)] : [],
    );
  }

  /** Same as the constructor; awaiting the result is harmless. */
  static load(document: object): OpenApiContract {
    return new OpenApiContract(document);
  }

  /** Fetch the served document (default GET /docs-json) from an HTTP server and build the contract. */
  static async fromServer(server: Parameters<typeof request>[0], docsPath = '/docs-json'): Promise<OpenApiContract> {
    const res = await request(server).get(docsPath);
    if (res.status !== 200 || !isObject(res.body)) {
      throw new Error(`OpenApiContract: GET ${docsPath} returned ${res.status}, expected the OpenAPI JSON document`);
    }
    return new OpenApiContract(res.body);
  }

  /** Operations (`METHOD /path/template`) that were checked at least once. */
  covered(): Set<string> {
    return new Set(this.coveredOperations);
  }

  /** All operations (`METHOD /path/template`) in the document. */
  operations(): string[] {
    const result: string[] = [];
    for (const { template, item } of this.templates) {
      for (const method of HTTP_METHODS) {
        if (isObject(item[method])) result.push(`${method.toUpperCase()} ${template}`);
      }
    }
    return result;
  }

  /** Operations never checked (handy for coverage reports). */
  uncovered(): string[] {
    return this.operations().filter((op) => !this.coveredOperations.has(op));
  }

  /** Convenience for supertest responses: takes method, URL, status, content type and body from `res`. */
  assertSupertestResponse(res: SupertestResponse): void {
    const req = res.request as unknown as { method?: string; url?: string } | undefined;
    if (!req?.method || !req.url) throw new Error('OpenApiContract: supertest response carries no request method/url');
    const contentType = res.headers['content-type'] as string | undefined;
    this.assertResponse(req.method, req.url, res.status, contentType, res.body);
  }

  /** Throws an Error with a readable message when the response is not described by the document. */
  assertResponse(method: string, url: string, status: number, contentType: string | undefined, body: unknown): void {
    const operation = this.findOperation(method, url);
    const opName = `${operation.method} ${operation.template}`;
    this.coveredOperations.add(opName);

    const { key: statusKey, response } = this.findResponse(operation, status, url);
    const label = `${opName} -> ${status}${statusKey === String(status) ? '' : ` (documented as "${statusKey}")`}`;
    const fail = (reason: string, extra: string[] = []): never => {
      throw new Error(
        [
          `OpenAPI contract violation: ${label}`,
          `  request: ${method.toUpperCase()} ${url}`,
          `  content-type: ${contentType ?? '(none)'}`,
          `  ${reason}`,
          ...extra,
          `  body: ${previewBody(body)}`,
        ].join('\n'),
      );
    };

    const media = mediaTypeOf(contentType);
    const content = isObject(response.content) ? response.content : undefined;
    const documentedTypes = content ? Object.keys(content) : [];

    if (documentedTypes.length === 0) {
      if (media !== undefined && !isJsonMediaType(media)) {
        fail(`response has a "${media}" body but the document describes no content for this status`);
      }
      if (!isEmptyBody(body)) fail('response has a body but the document describes no content for this status');
      return;
    }

    if (media === undefined) {
      fail(`response has no content type, but the document describes content (${documentedTypes.join(', ')})`);
      return;
    }

    const mediaKey = OpenApiContract.pickMediaType(documentedTypes, media, status);
    if (mediaKey === undefined || !content) {
      fail(`undocumented media type "${media}" (documented: ${documentedTypes.join(', ')})`);
      return;
    }

    const mediaObject = content[mediaKey];
    if (!isJsonMediaType(media)) return; // binary / text downloads: documented media type is enough
    if (!isObject(mediaObject) || mediaObject.schema === undefined) return; // no schema: anything goes

    const validate = this.validatorFor(opName, statusKey, mediaKey, mediaObject.schema);
    if (!validate(body)) {
      const all = validate.errors ?? [];
      const useful = all.filter((e) => !isNullableNoise(e));
      const errors = (useful.length > 0 ? useful : all).map((e) => `    - ${formatAjvError(e)}`);
      fail(`body does not match the schema of "${mediaKey}":`, errors);
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static parseTemplate(template: string, item: JsonObject): PathTemplate {
    const segments = splitPath(template).map((segment): PathTemplate['segments'][number] => {
      if (!segment.includes('{')) return { kind: 'literal', value: segment };
      if (/^\{[^{}]+\}$/.test(segment)) return { kind: 'param', regex: /^.+$/s };
      const source = segment
        .split(/(\{[^{}]+\})/)
        .map((part) => (/^\{[^{}]+\}$/.test(part) ? '(.+?)' : escapeRegExp(part)))
        .join('');
      return { kind: 'mixed', regex: new RegExp(`^${source}$`, 's') };
    });
    return { template, segments, item };
  }

  /** Rank vector: per segment 2 = literal, 1 = literal with parameter, 0 = parameter. */
  private static matchTemplate(template: PathTemplate, segments: string[]): number[] | undefined {
    if (template.segments.length !== segments.length) return undefined;
    const rank: number[] = [];
    for (let i = 0; i < segments.length; i++) {
      const matcher = template.segments[i]!;
      const actual = segments[i]!;
      if (matcher.kind === 'literal') {
        if (matcher.value !== actual) return undefined;
        rank.push(2);
      } else {
        if (actual === '' || !matcher.regex.test(actual)) return undefined;
        rank.push(matcher.kind === 'mixed' ? 1 : 0);
      }
    }
    return rank;
  }

  private findOperation(method: string, url: string): Operation {
    const path = OpenApiContract.pathOf(url);
    const segments = splitPath(path).map(safeDecode);
    const lowerMethod = method.toLowerCase();

    const candidates = this.templates
      .map((template) => ({ template, rank: OpenApiContract.matchTemplate(template, segments) }))
      .filter((c): c is { template: PathTemplate; rank: number[] } => c.rank !== undefined);

    if (candidates.length === 0) {
      throw new Error(
        `OpenAPI contract violation: undocumented path ${method.toUpperCase()} ${url} (no path template matches "${path}")`,
      );
    }

    const withMethod = candidates.filter((c) => isObject(c.template.item[lowerMethod]));
    if (withMethod.length === 0) {
      const templates = candidates.map((c) => c.template.template).join(', ');
      throw new Error(
        `OpenAPI contract violation: undocumented method ${method.toUpperCase()} for ${url} (path matches ${templates})`,
      );
    }

    withMethod.sort((a, b) => {
      for (let i = 0; i < a.rank.length; i++) {
        const diff = b.rank[i]! - a.rank[i]!;
        if (diff !== 0) return diff;
      }
      return 0;
    });
    const best = withMethod[0]!.template;
    const operation = best.item[lowerMethod] as JsonObject;
    const responses = isObject(operation.responses) ? operation.responses : {};
    return { method: method.toUpperCase(), template: best.template, responses };
  }

  private findResponse(operation: Operation, status: number, url: string): { key: string; response: JsonObject } {
    const exact = String(status);
    const range = `${exact[0]}XX`;
    const keys = Object.keys(operation.responses);
    const key =
      keys.find((k) => k === exact) ?? keys.find((k) => k.toUpperCase() === range) ?? keys.find((k) => k === 'default');
    if (key === undefined) {
      throw new Error(
        `OpenAPI contract violation: undocumented status ${status} for ${operation.method} ${operation.template}` +
          ` (request ${operation.method} ${url}; documented: ${keys.join(', ') || 'none'})`,
      );
    }
    return { key, response: this.resolveResponse(operation.responses[key]) };
  }

  /** Follows `$ref: '#/components/responses/X'` (responses are not validated by ajv). */
  private resolveResponse(response: unknown, depth = 0): JsonObject {
    if (!isObject(response)) return {};
    if (typeof response.$ref !== 'string') return response;
    if (depth > 10) throw new Error(`OpenApiContract: $ref loop at ${response.$ref}`);
    const ref = response.$ref;
    if (!ref.startsWith('#/')) throw new Error(`OpenApiContract: unsupported external response $ref ${ref}`);
    let target: unknown = this.document;
    for (const raw of ref.slice(2).split('/')) {
      const part = safeDecode(raw).replace(/~1/g, '/').replace(/~0/g, '~');
      target = isObject(target) ? target[part] : undefined;
    }
    if (target === undefined) throw new Error(`OpenApiContract: unresolvable $ref ${ref}`);
    return this.resolveResponse(target, depth + 1);
  }

  private static pickMediaType(documented: string[], media: string, status: number): string | undefined {
    const lower = new Map(documented.map((d) => [mediaTypeOf(d) ?? d.toLowerCase(), d]));
    const exact = lower.get(media);
    if (exact !== undefined) return exact;
    const [type] = media.split('/');
    const wildcard = lower.get(`${type}/*`) ?? lower.get('*/*');
    if (wildcard !== undefined) return wildcard;
    // A 2xx operation documenting only application/json accepts any JSON flavour (e.g. vnd.x+json).
    if (status >= 200 && status < 300 && isJsonMediaType(media) && lower.size === 1 && lower.has('application/json')) {
      return lower.get('application/json');
    }
    return undefined;
  }

  private validatorFor(opName: string, statusKey: string, mediaKey: string, schema: unknown): ValidateFunction {
    const cacheKey = `${opName} ${statusKey} ${mediaKey}`;
    let validate = this.validators.get(cacheKey);
    if (!validate) {
      const rewriteRef = (ref: string): string => (ref.startsWith('#/') ? `${DOCUMENT_ID}${ref}` : ref);
      const jsonSchema = toJsonSchema(schema, rewriteRef);
      try {
        validate = this.ajv.compile(isObject(jsonSchema) || typeof jsonSchema === 'boolean' ? jsonSchema : {});
      } catch (error: unknown) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`OpenApiContract: cannot compile response schema for ${cacheKey}: ${message}`);
      }
      this.validators.set(cacheKey, validate);
    }
    return validate;
  }

  /** Path part of a request URL (absolute or relative), without query string or fragment. */
  private static pathOf(url: string): string {
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) return new URL(url).pathname;
    const path = url.split(/[?#]/)[0] ?? '';
    return path.startsWith('/') ? path : `/${path}`;
  }
}
