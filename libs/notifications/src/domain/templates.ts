import en from '../templates/en.json';
import fr from '../templates/fr.json';
import { NotificationParams, NotificationTemplate, ParamKind, TEMPLATE_PARAMS } from './notification';

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
 * The languages notifications are written in. Adding one (ITU works in six) means writing
 * templates/<code>.json with the templates of en.json and listing it here (and allowing the code in
 * the `locale` checks of `users` and `notifications`); the compiler rejects a file that lacks a
 * template, the catalogue test extra keys or mismatched placeholders.
 */
const CATALOGUES = { en, fr } satisfies Record<string, TemplateCatalogue>;

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

const PLACEHOLDER = /\{(\w+)\}/g;
/**
 * An ICU plural on a number parameter, `{count, plural, one {# application} other {# applications}}`:
 * the branch the language's plural rules pick (an exact `=n` first), `#` being the formatted number.
 * Branches may hold plain placeholders, not further plurals.
 */
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{(?:[^{}]|\{\w+\})*\})+)\s*\}/g;
const PLURAL_BRANCH = /(=\d+|zero|one|two|few|many|other)\s*\{((?:[^{}]|\{\w+\})*)\}/g;

/** The names a text interpolates, plurals' included, sorted, for the test that compares languages. */
export function placeholdersOf(text: string): string[] {
  const names: string[] = [];
  const rest = text.replace(PLURAL, (_, name: string, branches: string) => {
    names.push(name);
    for (const [, , body] of branches.matchAll(PLURAL_BRANCH)) names.push(...placeholdersOf(body));
    return '';
  });
  names.push(...[...rest.matchAll(PLACEHOLDER)].map((m) => m[1]));
  return [...new Set(names)].sort();
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
  const values = formatParams(template, intlLocale, params);
  const text = templates[template];
  const fill = (t: string) => interpolate(t, values, params, intlLocale);
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
  const values = formatParams(template, intlLocale, params);
  if (email === undefined) return interpolate(templates[template].body, values, params, intlLocale);
  if (sendTime.accountLinkUrl === undefined) throw new Error(`The e-mail of ${template} needs its link.`);
  values.set('accountLinkUrl', sendTime.accountLinkUrl);
  return interpolate(email, values, params, intlLocale);
}

function formatParams(template: NotificationTemplate, intlLocale: string, params: NotificationParams) {
  const kinds: Record<string, ParamKind> = TEMPLATE_PARAMS[template];
  const values = new Map<string, string>();
  for (const [name, kind] of Object.entries(kinds)) {
    const value = params[name];
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
): string {
  switch (kind) {
    case 'text':
      return String(value);
    case 'number':
      if (typeof value !== 'number') throw new Error(`Parameter "${name}" of ${template} must be a number.`);
      return formattersOf(intlLocale).number.format(value);
    case 'datetime': {
      const instant = new Date(value);
      if (typeof value !== 'string' || Number.isNaN(instant.getTime()))
        throw new Error(`Parameter "${name}" of ${template} must be an ISO 8601 instant.`);
      return formattersOf(intlLocale).dateTime.format(instant);
    }
  }
}

/** Formatters per language, built once: building one costs far more than using it. */
const formatters = new Map<string, { number: Intl.NumberFormat; dateTime: Intl.DateTimeFormat }>();

function formattersOf(intlLocale: string) {
  let known = formatters.get(intlLocale);
  if (!known) {
    known = {
      number: new Intl.NumberFormat(intlLocale),
      // A long date and time in UTC, named as such: recipients live in every time zone.
      dateTime: new Intl.DateTimeFormat(intlLocale, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        timeZone: 'UTC',
        timeZoneName: 'short',
      }),
    };
    formatters.set(intlLocale, known);
  }
  return known;
}

/** Plural rules per language, built once like the formatters. */
const pluralRules = new Map<string, Intl.PluralRules>();

function pluralBranch(branches: string, value: number, formatted: string, intlLocale: string): string {
  let rules = pluralRules.get(intlLocale);
  if (!rules) pluralRules.set(intlLocale, (rules = new Intl.PluralRules(intlLocale)));
  const byKey = new Map([...branches.matchAll(PLURAL_BRANCH)].map((m) => [m[1], m[2]]));
  const branch = byKey.get(`=${value}`) ?? byKey.get(rules.select(value)) ?? byKey.get('other');
  if (branch === undefined) throw new Error('A plural needs an "other" branch.');
  return branch.replaceAll('#', formatted);
}

function interpolate(
  text: string,
  values: Map<string, string>,
  params: NotificationParams,
  intlLocale: string,
): string {
  const chosen = text.replace(PLURAL, (_, name: string, branches: string) => {
    const value = params[name];
    const formatted = values.get(name);
    if (typeof value !== 'number' || formatted === undefined)
      throw new Error(`The text makes a plural of {${name}}, which is no number parameter.`);
    return pluralBranch(branches, value, formatted, intlLocale);
  });
  return chosen.replace(PLACEHOLDER, (_, name: string) => {
    const value = values.get(name);
    if (value === undefined) throw new Error(`The text uses an unknown placeholder {${name}}.`);
    return value;
  });
}
