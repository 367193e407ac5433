import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { ExampleBuilder, JsonValue, Schema } from './fuzz-examples';
import { multipartBody } from './fuzz-multipart';
import {
  BAD_AUTHORIZATION,
  BAD_HEADERS,
  BAD_IDS,
  BAD_IF_MATCH,
  BAD_QUERY_VALUES,
  RAW,
  invalidJson,
  jsonText,
  mutatedJson,
  wrongContentType,
} from './fuzz-values';
import type { FuzzIdKind, FuzzWorld } from './fuzz-world';

/** Malformed requests generated from one operation of the served OpenAPI document. */

export interface FuzzOperation {
  method: string;
  path: string;
  operationId: string;
  parameters: Array<{ name: string; in: 'path' | 'query' | 'header'; schema: Schema }>;
  /** The media type and schema of the request body, when the operation takes one. */
  body?: { media: string; schema: Schema };
}

export interface FuzzRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}

export function fuzzOperations(document: {
  paths: Record<string, Record<string, Record<string, unknown>>>;
}): FuzzOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      // The queue dashboard and the document itself are not part of the API.
      .filter(
        ([method]) => !/^\/(queues|docs)/.test(path) && ['get', 'post', 'put', 'patch', 'delete'].includes(method),
      )
      .map(([method, operation]) => {
        const content = (operation.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)
          ?.content;
        const [media, mediaObject] = Object.entries(content ?? {})[0] ?? [];
        return {
          method: method.toUpperCase(),
          path,
          operationId: operation.operationId as string,
          parameters: (operation.parameters ?? []) as FuzzOperation['parameters'],
          body: media && mediaObject ? { media, schema: mediaObject.schema } : undefined,
        };
      }),
  );
}

export class RequestGenerator {
  constructor(
    private readonly world: FuzzWorld,
    private readonly examples: ExampleBuilder,
  ) {}

  /**
   * Requests of one operation as sent by a caller holding `token` (none: anonymous): each is valid
   * but for one part (the path, the query, a header, the body or the credentials), so that it passes
   * the checks of the other parts and reaches the code behind them.
   */
  requests(operation: FuzzOperation, token: string | undefined): fc.Arbitrary<FuzzRequest> {
    const parts: Record<Aspect, Part<unknown>> = {
      path: this.path(operation),
      query: this.query(operation),
      headers: this.headers(operation),
      body: this.body(operation),
      authorization: authorization(token),
    };
    const hasPathParameter = operation.path.includes('{');
    const hasIfMatch = operation.parameters.some((p) => p.in === 'header' && p.name === 'If-Match');
    const weights: Record<Aspect | 'none', number> = {
      body: operation.body ? 6 : 1,
      path: hasPathParameter ? 2 : 0,
      query: 2,
      headers: hasIfMatch ? 2 : 1,
      authorization: token ? 0 : 1,
      none: 1,
    };
    const variants = Object.entries(weights)
      .filter(([, weight]) => weight > 0)
      .map(([hostile, weight]) => ({
        weight,
        arbitrary: fc.record({
          path: pick(parts.path, hostile === 'path'),
          query: pick(parts.query, hostile === 'query'),
          headers: pick(parts.headers, hostile === 'headers'),
          body: pick(parts.body, hostile === 'body'),
          authorization: pick(parts.authorization, hostile === 'authorization'),
        }) as fc.Arbitrary<Chosen>,
      }));
    return fc.oneof(...variants).map(({ path, query, headers, authorization, body }) => ({
      method: operation.method,
      url: path + query,
      headers: {
        ...headers,
        ...(authorization ? { Authorization: authorization } : {}),
        ...(body ? { 'Content-Type': body.contentType } : {}),
      },
      body: body?.body,
    }));
  }

  private path(operation: FuzzOperation): Part<string> {
    const segments = operation.path.split(/(\{[^}]+\})/);
    const join = (choose: (name: string) => fc.Arbitrary<string>) =>
      fc
        .tuple(...segments.map((s) => (s.startsWith('{') ? choose(s.slice(1, -1)) : fc.constant(s))))
        .map((parts) => parts.join(''));
    return {
      valid: join((name) => this.id(operation.path, name).valid),
      hostile: join((name) => this.id(operation.path, name).hostile),
    };
  }

  /** The right real ids; or someone else's, an unknown one, or garbage. */
  private id(path: string, name: string): Part<string> {
    const kind = idKindOf(path, name);
    const own = kind ? this.world.ids[kind] : [];
    const others = Object.entries(this.world.ids).flatMap(([k, ids]) => (k === kind ? [] : ids));
    const hostile = fc.oneof(
      { weight: 2, arbitrary: fc.constantFrom(...others) },
      { weight: 1, arbitrary: fc.constant(randomUUID()) },
      { weight: 4, arbitrary: fc.constantFrom(...BAD_IDS) },
    );
    return { valid: own.length ? fc.constantFrom(...own) : fc.constantFrom(...others), hostile };
  }

  private query(operation: FuzzOperation): Part<string> {
    const declared = operation.parameters.filter((p) => p.in === 'query');
    const valid = declared.map((p) =>
      fc.option(fc.constant(`${encodeURIComponent(p.name)}=${encodeURIComponent(this.validQueryValue(p))}`), {
        nil: undefined,
      }),
    );
    const hostilePairs = [
      ...declared.map((p) => hostileQueryPair(p.name)),
      fc.constantFrom('__proto__[x]=1', 'constructor[prototype][x]=1', 'extra=%00', 'extra=1'),
    ];
    const render = (parts: Array<string | undefined>) => {
      const present = parts.filter((part): part is string => part !== undefined);
      return present.length ? `?${present.join('&')}` : '';
    };
    return {
      valid: fc.tuple(...valid).map(render),
      hostile: fc
        .tuple(fc.tuple(...valid), fc.oneof(...hostilePairs))
        .map(([pairs, hostilePair]) => render([...pairs, hostilePair])),
    };
  }

  private validQueryValue({ name, schema }: { name: string; schema: Schema }): string {
    if (name === 'limit') return '10';
    if (name === 'offset') return '0';
    const value = this.examples.sample(schema, name);
    return typeof value === 'string' ? value : JSON.stringify(value);
  }

  /** If-Match where the operation takes it; hostile: a bad one, or a garbled header every route reads. */
  private headers(operation: FuzzOperation): Part<Record<string, string>> {
    const ifMatch = operation.parameters.some((p) => p.in === 'header' && p.name === 'If-Match');
    // Read when each request is generated: a successful update earlier in the batch moved it on.
    const version = () =>
      operation.path.startsWith('/api/v1/calls') ? this.world.versions.draftCall : this.world.versions.draftApplication;
    const valid = ifMatch ? fc.constant(null).map(() => ({ 'If-Match': `"${version()}"` })) : fc.constant({});
    const garbled = fc.tuple(valid, fc.constantFrom(...BAD_HEADERS)).map(([headers, bad]) => ({ ...headers, ...bad }));
    return {
      valid,
      hostile: ifMatch
        ? fc.oneof(
            fc.constantFrom<Record<string, string>>({}, ...BAD_IF_MATCH.map((v) => ({ 'If-Match': v }))),
            garbled,
          )
        : garbled,
    };
  }

  private body(operation: FuzzOperation): Part<Body | undefined> {
    if (operation.body?.media === 'multipart/form-data') return multipartBody();
    const json = (value: JsonValue) => ({ contentType: 'application/json', body: jsonText(value) });
    const example = operation.body
      ? this.examples.bodyFor(operation.operationId, operation.body.schema)
      : { unexpected: 'body' };
    const exampleText = jsonText(example);
    return {
      // Built afresh for each request: an example may carry a unique e-mail.
      valid: operation.body
        ? fc.constant(null).map(() => json(this.examples.bodyFor(operation.operationId, operation.body!.schema)))
        : fc.constant(undefined),
      hostile: fc.oneof(
        { weight: 8, arbitrary: mutatedJson(example).map(json) },
        {
          weight: 1,
          arbitrary: fc.constantFrom<JsonValue>([], 'text', 42, null, RAW.deepObject, RAW.deepArray).map(json),
        },
        { weight: 1, arbitrary: invalidJson(exampleText).map((body) => ({ contentType: 'application/json', body })) },
        { weight: 1, arbitrary: wrongContentType(exampleText) },
      ),
    };
  }
}

type Aspect = 'path' | 'query' | 'headers' | 'body' | 'authorization';
type Body = { contentType: string; body: string | Buffer };
export interface Part<T> {
  valid: fc.Arbitrary<T>;
  hostile: fc.Arbitrary<T>;
}
interface Chosen {
  path: string;
  query: string;
  headers: Record<string, string>;
  body: Body | undefined;
  authorization: string | undefined;
}

function pick<T>(part: Part<T>, hostile: boolean): fc.Arbitrary<T> {
  return hostile ? part.hostile : part.valid;
}

function authorization(token: string | undefined): Part<string | undefined> {
  if (token) return { valid: fc.constant(`Bearer ${token}`), hostile: fc.constant(`Bearer ${token}`) };
  return { valid: fc.constant(undefined), hostile: fc.constantFrom(...BAD_AUTHORIZATION) };
}

function hostileQueryPair(name: string): fc.Arbitrary<string> {
  const key = encodeURIComponent(name);
  return fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...BAD_QUERY_VALUES).map((value) => `${key}=${value}`) },
    { weight: 1, arbitrary: fc.constant(`${key}=1&${key}=2`) },
    { weight: 1, arbitrary: fc.constant(`${key}[a]=1`) },
  );
}

/** The kind of resource a path parameter names, from its name or the collection before it. */
function idKindOf(path: string, name: string): FuzzIdKind | undefined {
  if (name === 'documentId') return 'document';
  if (name === 'evaluatorId') return 'user';
  const collection = /\/([a-z-]+)\/\{id\}/.exec(path)?.[1];
  const kinds: Record<string, FuzzIdKind> = {
    calls: 'call',
    applications: 'application',
    assignments: 'assignment',
    organisations: 'organisation',
    cohorts: 'cohort',
    users: 'user',
    clarifications: 'clarification',
  };
  return collection ? kinds[collection] : undefined;
}
