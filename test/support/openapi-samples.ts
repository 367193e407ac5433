import { randomUUID } from 'node:crypto';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type Schema = Record<string, unknown>;

/** A real value (an id of an existing resource, a criterion code) for a field of that name, if the caller has one. */
export type FieldValues = (fieldName: string) => string | undefined;

/**
 * A plausible value of an OpenAPI schema: every property, each at its smallest valid size, formats
 * honoured, the first of each enum and variant, and the caller's real values where a field names one.
 * Enough to pass the shape checks of most bodies; cross-field rules (weights summing to one, dates in
 * order) need a hand-made body.
 */
export class SchemaSamples {
  constructor(
    private readonly components: Record<string, Schema>,
    private readonly fieldValue: FieldValues = () => undefined,
  ) {}

  sample(raw: unknown, name = '', depth = 0): JsonValue {
    const schema = this.resolve(raw);
    if (schema.example !== undefined) return schema.example as JsonValue;
    const variants = (schema.oneOf ?? schema.anyOf ?? schema.allOf) as unknown[] | undefined;
    if (variants?.length) return this.sample(variants[0], name, depth);
    if (Array.isArray(schema.enum)) return schema.enum[0] as JsonValue;
    const known = this.fieldValue(name);
    switch (schema.type) {
      case 'object':
        return this.objectSample(schema, depth);
      case 'array':
        if (known) return [known];
        return Array.from({ length: Math.max(Number(schema.minItems ?? 1), 1) }, () =>
          this.sample(schema.items, singular(name), depth + 1),
        );
      case 'integer':
      case 'number':
        return typeof schema.minimum === 'number' ? Math.max(schema.minimum, 1) : 1;
      case 'boolean':
        return true;
      case 'string':
        return known ?? stringSample(schema);
      default:
        return depth > 4 ? null : 'x';
    }
  }

  /** The text fields of a multipart body (its files aside), as a form sends them. */
  formFields(raw: unknown): Record<string, string> {
    const properties = (this.resolve(raw).properties ?? {}) as Record<string, Schema>;
    return Object.fromEntries(
      Object.entries(properties)
        .filter(([, property]) => this.resolve(property).format !== 'binary')
        .map(([key, property]) => [key, String(this.sample(property, key))]),
    );
  }

  /** The schema behind `$ref`s. */
  resolve(raw: unknown): Schema {
    let schema = (raw ?? {}) as Schema;
    for (let hops = 0; typeof schema.$ref === 'string' && hops < 20; hops++) {
      schema = this.components[schema.$ref.replace('#/components/schemas/', '')] ?? {};
    }
    return schema;
  }

  private objectSample(schema: Schema, depth: number): JsonValue {
    const properties = (schema.properties ?? {}) as Record<string, unknown>;
    const result: Record<string, JsonValue> = {};
    if (depth > 6) return result;
    for (const [key, property] of Object.entries(properties)) result[key] = this.sample(property, key, depth + 1);
    // A map keyed by region (maxPerRegion, minPerRegion): one entry.
    if (Object.keys(properties).length === 0 && typeof schema.additionalProperties === 'object') {
      result.AFR = this.sample(schema.additionalProperties, 'AFR', depth + 1);
    }
    return result;
  }
}

function stringSample(schema: Schema): string {
  switch (schema.format) {
    case 'uuid':
      return randomUUID();
    case 'date-time':
      return new Date(Date.now() + 86_400_000).toISOString();
    case 'email':
      return `sample-${randomUUID().slice(0, 8)}@test.example`;
    case 'uri':
      return 'https://example.org/';
  }
  if (schema.pattern === '^[A-Z]{2}$') return 'KE';
  if (typeof schema.pattern === 'string' && schema.pattern.startsWith('^[a-z')) return 'sample_key';
  const length = typeof schema.minLength === 'number' ? Math.max(schema.minLength, 12) : 12;
  return 'Sample text'
    .padEnd(length, '.')
    .slice(0, typeof schema.maxLength === 'number' ? schema.maxLength : undefined);
}

function singular(name: string): string {
  return name.endsWith('s') ? name.slice(0, -1) : name;
}
