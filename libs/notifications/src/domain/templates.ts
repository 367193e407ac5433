import {
  MessageFormatElement,
  isArgumentElement,
  isNumberElement,
  isPluralElement,
  isSelectElement,
  parse,
} from '@formatjs/icu-messageformat-parser';
import { IntlMessageFormat } from 'intl-messageformat';
import type { Language } from '@app/platform/languages';
import ar from '../templates/ar.json';
import en from '../templates/en.json';
import es from '../templates/es.json';
import fr from '../templates/fr.json';
import ru from '../templates/ru.json';
import zh from '../templates/zh.json';
import { NotificationParams, NotificationTemplate, ParamKind, TEMPLATE_PARAMS, textIn } from './notification';

export interface RenderedText {
  subject: string;
  body: string;
}

export interface TemplateCatalogue {
  /** BCP 47 tag for Intl (dates, numbers), e.g. en-GB for ITU's British English. */
  intlLocale: string;
  /** `email`: the e-mail's own text, for templates whose e-mail differs from the in-app body (account links). */
  templates: Record<NotificationTemplate, RenderedText & { email?: string }>;
}

/**
 * The languages notifications are written in: the platform's six (libs/platform/src/languages), each
 * in templates/<code>.json with the templates of en.json. The compiler rejects a language without a
 * file and a file that lacks a template; the catalogue test extra keys, mismatched placeholders and
 * English left untranslated.
 */
const CATALOGUES = { ar, zh, en, fr, ru, es } satisfies Record<Language, TemplateCatalogue>;

export type NotificationLocale = keyof typeof CATALOGUES;
export const NOTIFICATION_LOCALES = Object.keys(CATALOGUES) as NotificationLocale[];
export const DEFAULT_LOCALE: NotificationLocale = 'en';

export function templateCatalogue(locale: NotificationLocale): TemplateCatalogue {
  return CATALOGUES[locale];
}

/** The language a user reads: theirs when a catalogue exists for it, else English. */
export function notificationLocale(userLocale: string | null | undefined): NotificationLocale {
  return NOTIFICATION_LOCALES.find((locale) => locale === userLocale) ?? DEFAULT_LOCALE;
}

/** Parsed once per text and language: parsing costs far more than formatting. */
const compiled = new Map<string, IntlMessageFormat>();

/**
 * A template text as an ICU message (`{name}`, `{count, number}`, `{count, plural, one {# application}
 * other {…}}`), formatted with the language's plural rules and number format. Tags are plain text: templates are
 * not markup.
 */
function messageOf(text: string, intlLocale: string): IntlMessageFormat {
  const key = `${intlLocale}\u0000${text}`;
  let message = compiled.get(key);
  if (!message) compiled.set(key, (message = new IntlMessageFormat(text, intlLocale, undefined, { ignoreTag: true })));
  return message;
}

/** The names a text interpolates, plurals' included, sorted, for the test that compares languages. */
export function placeholdersOf(text: string): string[] {
  const names = new Set<string>();
  const visit = (elements: MessageFormatElement[]): void => {
    for (const element of elements) {
      if (isArgumentElement(element) || isNumberElement(element)) names.add(element.value);
      if (isPluralElement(element) || isSelectElement(element)) {
        names.add(element.value);
        for (const option of Object.values(element.options)) visit(option.value);
      }
    }
  };
  visit(parse(text, { ignoreTag: true }));
  return [...names].sort();
}

/**
 * Subject and body of a template in a language. A missing or malformed parameter is a bug of the
 * caller and throws: a notification must never go out with a hole in it.
 */
export function renderNotification(
  template: NotificationTemplate,
  locale: NotificationLocale,
  params: NotificationParams,
): RenderedText {
  const { intlLocale, templates } = CATALOGUES[locale];
  const values = formatParams(template, locale, intlLocale, params);
  const text = templates[template];
  const fill = (t: string) => interpolate(t, values, intlLocale);
  return { subject: fill(text.subject), body: fill(text.body) };
}

/**
 * The text of a notification's e-mail: the `email` text of a template that has one, with the values
 * only the sender knows (the account link's URL), else the in-app body.
 */
export function renderEmailText(
  template: NotificationTemplate,
  locale: NotificationLocale,
  params: NotificationParams,
  sendTime: { accountLinkUrl?: string },
): string {
  const { intlLocale, templates } = CATALOGUES[locale];
  const email = (templates[template] as RenderedText & { email?: string }).email;
  const values = formatParams(template, locale, intlLocale, params);
  if (email === undefined) return interpolate(templates[template].body, values, intlLocale);
  if (sendTime.accountLinkUrl === undefined) throw new Error(`The e-mail of ${template} needs its link.`);
  values.set('accountLinkUrl', sendTime.accountLinkUrl);
  return interpolate(email, values, intlLocale);
}

function formatParams(
  template: NotificationTemplate,
  locale: NotificationLocale,
  intlLocale: string,
  params: NotificationParams,
) {
  const kinds: Record<string, ParamKind> = TEMPLATE_PARAMS[template];
  const values = new Map<string, string | number>();
  for (const [name, kind] of Object.entries(kinds)) {
    const given = params[name];
    const value = given === undefined ? undefined : textIn(given, locale);
    if (value === undefined || value === '') throw new Error(`Template ${template} needs the parameter "${name}".`);
    values.set(name, formatValue(template, name, kind, value, intlLocale));
  }
  return values;
}

function formatValue(
  template: string,
  name: string,
  kind: ParamKind,
  value: string | number,
  intlLocale: string,
): string | number {
  switch (kind) {
    case 'text':
      return String(value);
    case 'number':
      if (typeof value !== 'number') throw new Error(`Parameter "${name}" of ${template} must be a number.`);
      return value;
    case 'datetime': {
      const instant = new Date(value);
      if (typeof value !== 'string' || Number.isNaN(instant.getTime()))
        throw new Error(`Parameter "${name}" of ${template} must be an ISO 8601 instant.`);
      return dateTimeFormatOf(intlLocale).format(instant);
    }
  }
}

/** Date formatters per language, built once: building one costs far more than using it. */
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormatOf(intlLocale: string): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(intlLocale);
  if (!format) {
    // A long date and time in UTC, named as such: recipients live in every time zone.
    format = new Intl.DateTimeFormat(intlLocale, {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'UTC',
      timeZoneName: 'short',
    });
    dateTimeFormats.set(intlLocale, format);
  }
  return format;
}

/** The text with its values; numbers stay numbers, for plurals to pick a branch and the language to format. */
function interpolate(text: string, values: Map<string, string | number>, intlLocale: string): string {
  const result = messageOf(text, intlLocale).format(Object.fromEntries(values));
  if (typeof result !== 'string') throw new Error('A notification template must format to text.');
  return result;
}
