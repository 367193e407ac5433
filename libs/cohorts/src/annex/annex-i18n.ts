import { ValidationError } from '@app/platform/errors';
import type { Language } from '@app/platform/languages';
import ar from './i18n/ar.json';
import en from './i18n/en.json';
import es from './i18n/es.json';
import fr from './i18n/fr.json';
import ru from './i18n/ru.json';
import zh from './i18n/zh.json';

/** A message that depends on a number: one form per CLDR plural category, `other` being the fallback. */
export type PluralForms = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;
export type AnnexMessage = string | PluralForms;

/** en.json is the reference: every other language must define exactly its keys. */
export type AnnexMessageKey = keyof (typeof en)['messages'];

export interface AnnexCatalogue {
  /** BCP 47 tag for Intl (dates, numbers, plurals, collation), e.g. en-GB for ITU's British English. */
  intlLocale: string;
  messages: Record<AnnexMessageKey, AnnexMessage>;
}

/**
 * The languages the annex, the circular and the agreement are published in: the platform's six
 * (libs/platform/src/languages), each in i18n/<code>.json with the keys of en.json. The compiler
 * rejects a language without a file and a file that lacks a key; the catalogue test extra keys and
 * mismatched placeholders.
 */
const CATALOGUES = { ar, zh, en, fr, ru, es } satisfies Record<Language, AnnexCatalogue>;

export type AnnexLocale = keyof typeof CATALOGUES;
export const ANNEX_LOCALES = Object.keys(CATALOGUES) as readonly AnnexLocale[];

export function isAnnexLocale(value: unknown): value is AnnexLocale {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(CATALOGUES, value);
}

export function annexCatalogue(locale: AnnexLocale): AnnexCatalogue {
  return CATALOGUES[locale];
}

export type MessageParams = Readonly<Record<string, string | number>>;

/** Everything locale-dependent the renderer needs, so that it never hard-codes a language. */
export interface AnnexTranslator {
  readonly locale: AnnexLocale;
  readonly intlLocale: string;
  readonly collator: Intl.Collator;
  t(key: AnnexMessageKey, params?: MessageParams): string;
  number(value: number): string;
  /** `fraction` is 0–1; shown with at most one decimal, as weights rarely divide evenly. */
  percent(fraction: number): string;
  /** A long date in UTC, the time zone of `publishedAt`, so that the server's zone never shows. */
  date(iso: string): string;
  /** A date and time as read in Geneva, where the secretariat sits: a deadline people must meet. */
  genevaTime(iso: string): string;
}

export function annexTranslator(locale: string): AnnexTranslator {
  if (!isAnnexLocale(locale)) {
    throw new ValidationError([{ field: 'lang', message: `Supported languages: ${ANNEX_LOCALES.join(', ')}.` }]);
  }
  const { intlLocale, messages } = annexCatalogue(locale);
  const numbers = new Intl.NumberFormat(intlLocale);
  const percents = new Intl.NumberFormat(intlLocale, { style: 'percent', maximumFractionDigits: 1 });
  const dates = new Intl.DateTimeFormat(intlLocale, { dateStyle: 'long', timeZone: 'UTC' });
  const genevaTimes = new Intl.DateTimeFormat(intlLocale, {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Europe/Zurich',
  });
  const plurals = new Intl.PluralRules(intlLocale);
  return {
    locale,
    intlLocale,
    collator: new Intl.Collator(intlLocale),
    t: (key, params = {}) => interpolate(key, pickForm(key, messages[key], params, plurals), params, numbers),
    number: (value) => numbers.format(value),
    percent: (fraction) => percents.format(fraction),
    date: (iso) => dates.format(parseDate(iso)),
    genevaTime(iso) {
      return this.t('time.geneva', { time: genevaTimes.format(parseDate(iso)) });
    },
  };
}

function pickForm(key: string, message: AnnexMessage, params: MessageParams, plurals: Intl.PluralRules): string {
  if (typeof message === 'string') return message;
  const count = params['count'];
  if (typeof count !== 'number') throw new Error(`Message ${key} needs a numeric "count" parameter.`);
  return message[plurals.select(count)] ?? message.other;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** The names a message interpolates, for the catalogue test that compares languages. */
export function placeholdersOf(message: AnnexMessage): string[] {
  const forms = typeof message === 'string' ? [message] : Object.values(message);
  const names = forms.flatMap((form) => [...(form ?? '').matchAll(PLACEHOLDER)].map((match) => match[1]));
  return [...new Set(names)].sort();
}

function interpolate(key: string, template: string, params: MessageParams, numbers: Intl.NumberFormat): string {
  return template.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Message ${key} needs a "${name}" parameter.`);
    return typeof value === 'number' ? numbers.format(value) : value;
  });
}

function parseDate(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`Not an ISO 8601 date: ${iso}`);
  return date;
}
