import { randomUUID } from 'node:crypto';

type Schema = Record<string, unknown>;

/**
 * A plausible value of an OpenAPI schema: every property, each at its smallest valid size, formats honoured, the first of each enum and variant. Enough to pass the shape checks of
 * most bodies; cross-field rules (weights summing to one, dates in order) need a hand-made body.
 */
export class SchemaSamples {
  constructor(private readonly components: Record<string, Schema>) {}

  sample(raw: unknown, depth = 0): unknown {
    const schema = this.resolve(raw);
    if (schema.example !== undefined) return schema.example;
    const variants = (schema.oneOf ?? schema.anyOf ?? schema.allOf) as unknown[] | undefined;
    if (variants?.length) return this.sample(variants[0], depth);
    if (Array.isArray(schema.enum)) return schema.enum[0];
    switch (schema.type) {
      case 'object':
        return this.objectSample(schema, depth);
      case 'array':
        return Array.from({ length: Math.max(Number(schema.minItems ?? 1), 1) }, () =>
          this.sample(schema.items, depth + 1),
        );
      case 'integer':
      case 'number':
        return typeof schema.minimum === 'number' ? Math.max(schema.minimum, 1) : 1;
      case 'boolean':
        return true;
      default:
        return stringSample(schema);
    }
  }

  /** The text fields of a multipart body (its files aside), as a form sends them. */
  formFields(raw: unknown): Record<string, string> {
    const properties = (this.resolve(raw).properties ?? {}) as Record<string, Schema>;
    return Object.fromEntries(
      Object.entries(properties)
        .filter(([, property]) => this.resolve(property).format !== 'binary')
        .map(([key, property]) => [key, String(this.sample(property))]),
    );
  }

  private resolve(raw: unknown): Schema {
    let schema = (raw ?? {}) as Schema;
    for (let hops = 0; typeof schema.$ref === 'string' && hops < 20; hops++) {
      schema = this.components[schema.$ref.replace('#/components/schemas/', '')] ?? {};
    }
    return schema;
  }

  private objectSample(schema: Schema, depth: number): Record<string, unknown> {
    const properties = (schema.properties ?? {}) as Record<string, unknown>;
    if (depth > 6) return {};
    return Object.fromEntries(
      Object.entries(properties).map(([key, property]) => [key, this.sample(property, depth + 1)]),
    );
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
  const length = typeof schema.minLength === 'number' ? Math.max(schema.minLength, 12) : 12;
  return 'Sample text'.padEnd(length, '.');
}
