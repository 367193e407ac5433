/**
 * The platform's languages on the server: the six official languages of the Union, in the order its
 * documents list them (Arabic, Chinese, English, French, Russian, Spanish). Users choose one at
 * registration and may switch; every e-mail, notification, problem title and document sent to them is
 * written in it. Each catalogue of the server (error titles, e-mail templates, the annex and the
 * circular) is typed by `Language`, so that a language missing from one is a compile error.
 */
export const LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

export const DEFAULT_LANGUAGE: Language = 'en';

/** A text in every language of the platform. */
export type Translated = Readonly<Record<Language, string>>;

export type TextDirection = 'ltr' | 'rtl';

/**
 * The BCP 47 tag Intl formats a language's dates, numbers and plurals with: ITU's British English and
 * the forms of the United Nations (Modern Standard Arabic, simplified Chinese of the mainland).
 */
export const INTL_LOCALES: Readonly<Record<Language, string>> = {
  ar: 'ar',
  zh: 'zh-CN',
  en: 'en-GB',
  fr: 'fr-FR',
  ru: 'ru-RU',
  es: 'es-ES',
};

const DIRECTIONS: Readonly<Record<Language, TextDirection>> = {
  ar: 'rtl',
  zh: 'ltr',
  en: 'ltr',
  fr: 'ltr',
  ru: 'ltr',
  es: 'ltr',
};

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The direction a language's text runs in: right to left for Arabic, left to right otherwise. */
export function directionOf(language: Language): TextDirection {
  return DIRECTIONS[language];
}

/** A user's stored language when the platform speaks it, else English. */
export function languageOr(value: string | null | undefined, fallback: Language = DEFAULT_LANGUAGE): Language {
  return isLanguage(value) ? value : fallback;
}

/**
 * The language to answer an Accept-Language header in (RFC 9110 §12.5.4): the platform's language
 * with the highest weight, a tag matching by its primary subtag (`zh-Hans-CN` is Chinese, `es-419`
 * Spanish); ties keep the header's order; `*` is any language, read as English. A header naming none
 * of them, malformed or absent, is answered in English.
 */
export function negotiateLanguage(header: string | undefined | null): Language {
  if (typeof header !== 'string' || header.length > 1_000) return DEFAULT_LANGUAGE;
  let best: { language: Language; weight: number } | undefined;
  for (const part of header.split(',')) {
    const [range, ...parameters] = part.trim().split(';');
    const weight = weightOf(parameters);
    if (weight === undefined || weight <= 0) continue;
    const primary = range.trim().toLowerCase().split('-')[0];
    const language = primary === '*' ? DEFAULT_LANGUAGE : primary;
    if (!isLanguage(language)) continue;
    if (!best || weight > best.weight) best = { language, weight };
  }
  return best?.language ?? DEFAULT_LANGUAGE;
}

/** The `q` of a language range: 1 when absent, undefined when malformed. */
function weightOf(parameters: readonly string[]): number | undefined {
  const q = parameters.map((parameter) => parameter.trim()).find((parameter) => /^q=/i.test(parameter));
  if (q === undefined) return 1;
  const value = q.slice(2).trim();
  return /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value) ? Number(value) : undefined;
}
