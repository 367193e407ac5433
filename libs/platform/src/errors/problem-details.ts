import { IntlMessageFormat } from 'intl-messageformat';
import { DEFAULT_LANGUAGE, INTL_LOCALES, type Language, type Translated } from '../languages/languages';

declare const declaredDetail: unique symbol;

/** The key of a detail text some context declared with declareDetails. */
export type DetailKey<K extends string = string> = K & { readonly [declaredDetail]: true };

/** The values a detail text interpolates: names, numbers (plurals pick their branch with them), instants as ISO text. */
export type DetailParams = Readonly<Record<string, string | number>>;

/** A problem's detail as a key of the catalogue and its values, said in the reader's language at the edge. */
export interface ProblemDetail {
  readonly key: string;
  readonly params?: DetailParams;
  /** What to say when nobody declared the key (a not-found entity whose context has no text for it). */
  readonly english?: string;
}

const TEXTS = new Map<string, Translated>();

/**
 * Declares detail texts, one ICU message per language (`{count, plural, one {…} other {…}}` for
 * counts; a language left out does not compile), and answers their keys. A key declared again must be
 * declared the same, as error codes are.
 */
export function declareDetails<const T extends Record<string, Translated>>(
  texts: T,
): { readonly [K in keyof T & string]: DetailKey<K> } {
  for (const [key, translated] of Object.entries(texts)) {
    const earlier = TEXTS.get(key);
    if (earlier && JSON.stringify(earlier) !== JSON.stringify(translated)) {
      throw new Error(`The detail ${key} is declared twice, differently.`);
    }
    TEXTS.set(key, translated);
  }
  return Object.fromEntries(Object.keys(texts).map((key) => [key, key])) as {
    readonly [K in keyof T & string]: DetailKey<K>;
  };
}

/** A declared detail with its values, for DomainError. */
export function problemDetail(key: DetailKey, params?: DetailParams): ProblemDetail {
  return params ? { key, params } : { key };
}

/** The texts of a declared detail, or undefined for a key nobody declared. */
export function detailTexts(key: string): Translated | undefined {
  return TEXTS.get(key);
}

/** Every declared key, for the test that reads each text in each language. */
export function declaredDetailKeys(): string[] {
  return [...TEXTS.keys()];
}

/** Parsed once per text: parsing costs far more than formatting. */
const compiled = new Map<string, IntlMessageFormat>();

/**
 * A detail in a language: its text there with its values, else the English one. Undefined when the
 * key is unknown or the English text cannot be formatted either; the caller then keeps the English
 * message the error was raised with. An answer must never fail because its detail could not be said.
 */
export function formatDetail(detail: ProblemDetail, language: Language): string | undefined {
  const texts = TEXTS.get(detail.key);
  if (!texts) return undefined;
  return tryFormat(texts[language], language, detail.params) ?? tryFormat(texts[DEFAULT_LANGUAGE], 'en', detail.params);
}

function tryFormat(text: string | undefined, language: Language, params: DetailParams = {}): string | undefined {
  if (!text) return undefined;
  try {
    const cacheKey = `${language}\u0000${text}`;
    let message = compiled.get(cacheKey);
    if (!message) {
      message = new IntlMessageFormat(text, INTL_LOCALES[language], undefined, { ignoreTag: true });
      compiled.set(cacheKey, message);
    }
    const result = message.format(params);
    return typeof result === 'string' ? result : undefined;
  } catch {
    return undefined;
  }
}
