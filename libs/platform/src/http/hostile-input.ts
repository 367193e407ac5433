import { DomainError, FieldError, PLATFORM_DETAILS, PLATFORM_ERRORS, problemDetail } from '../errors';

/**
 * Deepest nesting of objects and arrays a JSON body may have. No form of the API nests beyond a
 * handful of levels; a deeper body only makes the parser and the validators recurse.
 */
export const MAX_JSON_DEPTH = 64;

/** Keys that reach an object's prototype when a library copies or merges what it was given. */
export const PROTOTYPE_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

/** Enough to show a client what is wrong without echoing a whole hostile body back. */
const MAX_REPORTED_ERRORS = 20;

/** In a `u` pattern a surrogate pair is one code point, so only a lone surrogate is in category Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPENERS = new Set([0x7b, 0x5b]);
const CLOSERS = new Set([0x7d, 0x5d]);

export class JsonTooDeepError extends DomainError {
  constructor(maxDepth: number) {
    super(PLATFORM_ERRORS.PAYLOAD_TOO_LARGE, problemDetail(PLATFORM_DETAILS.JSON_TOO_DEEP, { maxDepth }));
  }
}

/**
 * Whether UTF-8 JSON text nests objects and arrays deeper than `maxDepth`, in one linear pass that
 * never recurses (JSON.parse would, and so would everything that reads its result). Bytes of
 * multi-byte characters are never ASCII, so brackets and quotes are recognised byte by byte.
 */
export function jsonNestsDeeperThan(utf8: Uint8Array, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < utf8.length; i++) {
    const byte = utf8[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (OPENERS.has(byte)) {
      if (++depth > maxDepth) return true;
    } else if (CLOSERS.has(byte)) depth--;
  }
  return false;
}

/**
 * The JSON body parser's `verify` hook: runs on the raw (inflated) body before it is parsed. A body
 * in another Unicode encoding is re-encoded as UTF-8 first; one TextDecoder does not know is scanned
 * as it is (its brackets are still single bytes in every encoding the parser takes).
 */
export function refuseDeepJson(maxDepth: number) {
  return (_request: unknown, _response: unknown, body: Buffer, encoding: string | null): void => {
    if (jsonNestsDeeperThan(asUtf8(body, encoding), maxDepth)) throw new JsonTooDeepError(maxDepth);
  };
}

function asUtf8(body: Buffer, encoding: string | null): Uint8Array {
  if (!encoding || /^utf-?8$/i.test(encoding)) return body;
  try {
    return Buffer.from(new TextDecoder(encoding).decode(body), 'utf8');
  } catch {
    return body;
  }
}

/**
 * What PostgreSQL or the object model cannot take, anywhere in a parsed input: U+0000 (refused in
 * text and JSONB), lone UTF-16 surrogates (not encodable as UTF-8) in strings and keys, keys that
 * name a prototype, and numbers too large for a double (JSON.parse makes them Infinity, which
 * JSON.stringify would then store as null). One iterative walk; each problem is named by its path (`answers.name`,
 * `criteria.0.title`) under `root`.
 */
export function hostileInputErrors(value: unknown, root = ''): FieldError[] {
  const errors: FieldError[] = [];
  const pending: Array<{ value: unknown; path: string }> = [{ value, path: root }];
  while (pending.length > 0 && errors.length < MAX_REPORTED_ERRORS) {
    const { value: current, path } = pending.pop()!;
    if (typeof current === 'string') {
      const problem = characterProblem(current, path || 'value');
      if (problem) errors.push(problem);
    } else if (typeof current === 'number' && !Number.isFinite(current)) {
      const field = path || 'value';
      errors.push({ field, message: `${field} must be a finite number`, code: 'NOT_FINITE' });
    } else if (typeof current === 'object' && current !== null && !Buffer.isBuffer(current)) {
      for (const key of Object.keys(current)) {
        const field = path ? `${path}.${key}` : key;
        const problem = keyProblem(key, field);
        if (problem) errors.push(problem);
        else pending.push({ value: (current as Record<string, unknown>)[key], path: field });
      }
    }
  }
  return errors.slice(0, MAX_REPORTED_ERRORS);
}

function keyProblem(key: string, field: string): FieldError | undefined {
  if (PROTOTYPE_KEYS.includes(key))
    return { field, message: `property ${key} should not exist`, code: 'UNKNOWN_FIELD' };
  return characterProblem(key, field, 'name');
}

function characterProblem(text: string, field: string, what = 'value'): FieldError | undefined {
  if (text.includes('\u0000')) {
    return {
      field,
      message: `${field} must not contain the NUL character (U+0000) in its ${what}`,
      code: 'NUL_CHARACTER',
    };
  }
  if (LONE_SURROGATE.test(text)) {
    return {
      field,
      message: `${field} must not contain a lone UTF-16 surrogate in its ${what}`,
      code: 'LONE_SURROGATE',
    };
  }
  return undefined;
}
