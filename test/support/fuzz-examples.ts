import { randomUUID } from 'node:crypto';
import { COMPLETE_ANSWERS } from './applications';
import { FULL_SCORES } from './evaluation-fixtures';
import { callBody } from './fixtures';
import type { FuzzWorld } from './fuzz-world';

/**
 * Valid-looking request bodies built from the operation's schema in the served OpenAPI document, with
 * the fuzz world's real ids where a field names one: a request that differs from such a body in one
 * field passes the outer checks and reaches the code behind them.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type Schema = Record<string, unknown>;

/** Bodies the schema alone cannot make valid (cross-field rules: weights summing to 1, dates in order). */
function knownExamples(world: FuzzWorld): Record<string, () => JsonValue> {
  const [draftApplication, submittedApplication] = world.ids.application;
  return {
    CallsController_create: () => callBody() as JsonValue,
    CallsController_update: () => ({ title: 'Call for accelerator centres, amended' }),
    ApplicationsController_create: () => ({ answers: COMPLETE_ANSWERS }),
    ApplicationsController_update: () => ({ answers: { ...COMPLETE_ANSWERS, startups_per_year: 12 } }),
    AssignmentsController_saveEvaluation: () => ({
      scores: FULL_SCORES as unknown as JsonValue,
      overallComment: 'Solid.',
    }),
    AuthController_register: () => ({
      email: `fuzz-${randomUUID().slice(0, 8)}@test.example`,
      password: 'correct horse battery',
      displayName: 'Fuzz applicant',
      locale: 'en',
    }),
    AuthController_login: () => ({ email: world.applicantEmail, password: 'not the password' }),
    CohortsController_amend: () => ({ add: [submittedApplication!], remove: [draftApplication!], reason: 'Fuzzed.' }),
  };
}

/** Property names whose value is the id of a resource of the fuzz world: its kind and index. */
const ID_FIELDS: Record<string, [keyof FuzzWorld['ids'], number]> = {
  applicationId: ['application', 1],
  evaluatorId: ['user', 1],
  evaluatorIds: ['user', 1],
  callId: ['call', 0],
  recipientId: ['user', 0],
  entityId: ['call', 0],
  organisationId: ['organisation', 0],
};

export class ExampleBuilder {
  private readonly known: Record<string, () => JsonValue>;

  constructor(
    private readonly components: Record<string, Schema>,
    private readonly world: FuzzWorld,
  ) {
    this.known = knownExamples(world);
  }

  /** A valid-looking body of the operation, or of its schema when no hand-made one is known. */
  bodyFor(operationId: string, schema: Schema): JsonValue {
    const known = this.known[operationId];
    if (known) return known();
    return this.example(schema, '', 0);
  }

  /** The schema behind `$ref`s, for the mutations that look at what a field should be. */
  resolve(schema: unknown): Schema {
    let current = (schema ?? {}) as Schema;
    for (let hops = 0; typeof current.$ref === 'string' && hops < 20; hops++) {
      current = this.components[current.$ref.replace('#/components/schemas/', '')] ?? {};
    }
    return current;
  }

  example(raw: unknown, name: string, depth: number): JsonValue {
    const schema = this.resolve(raw);
    if (schema.example !== undefined) return schema.example as JsonValue;
    const variants = (schema.oneOf ?? schema.anyOf ?? schema.allOf) as unknown[] | undefined;
    if (variants?.length) return this.example(variants[0], name, depth);
    if (Array.isArray(schema.enum)) return schema.enum[0] as JsonValue;
    const id = ID_FIELDS[name] && this.world.ids[ID_FIELDS[name][0]][ID_FIELDS[name][1]];
    switch (schema.type) {
      case 'object':
        return this.objectExample(schema, depth);
      case 'array': {
        const item = this.example(schema.items, singular(name), depth + 1);
        return id ? [id] : [item];
      }
      case 'integer':
      case 'number':
        return typeof schema.minimum === 'number' ? Math.max(schema.minimum, 1) : 1;
      case 'boolean':
        return true;
      case 'string':
        if (id) return id;
        return stringExample(schema, name, this.world);
      default:
        return depth > 4 ? null : 'x';
    }
  }

  private objectExample(schema: Schema, depth: number): JsonValue {
    const properties = (schema.properties ?? {}) as Record<string, unknown>;
    const result: Record<string, JsonValue> = {};
    if (depth > 6) return result;
    for (const [key, property] of Object.entries(properties)) result[key] = this.example(property, key, depth + 1);
    if (Object.keys(properties).length === 0 && typeof schema.additionalProperties === 'object') {
      result.AFR = this.example(schema.additionalProperties, 'AFR', depth + 1);
    }
    return result;
  }
}

function stringExample(schema: Schema, name: string, world: FuzzWorld): string {
  switch (schema.format) {
    case 'uuid':
      return randomUUID();
    case 'date-time':
      return new Date(Date.now() + 86_400_000).toISOString();
    case 'email':
      return `fuzz-${randomUUID().slice(0, 8)}@test.example`;
    case 'uri':
      return 'https://example.org/';
  }
  if (name === 'criterionCode') return world.criterionCodes[0]!;
  if (schema.pattern === '^[A-Z]{2}$') return 'KE';
  if (typeof schema.pattern === 'string' && schema.pattern.startsWith('^[a-z')) return 'fuzz_key';
  const length = typeof schema.minLength === 'number' ? Math.max(schema.minLength, 8) : 8;
  return 'Fuzzed text'.padEnd(length, '.');
}

function singular(name: string): string {
  return name.endsWith('s') ? name.slice(0, -1) : name;
}
