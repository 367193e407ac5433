import type { components, operations } from '../api/schema';
import { LANGUAGES } from './languages';

/**
 * The interface's languages as the API knows them: it keeps an account's language and writes its
 * documents in a list of its own, which may not yet have every language of the interface. A
 * language it does not know would have a registration or a document refused: English stands in.
 */

/** The languages the API keeps for an account (its e-mails, notifications and documents). */
export type AccountLanguage = components['schemas']['RegisterDto']['locale'];

/**
 * Every language the API accepts for an account, and only those: the type fails to check when the
 * API's list (apps/web/src/api/schema.d.ts) gains or loses one, so that this list follows it.
 */
const ACCOUNT_LANGUAGES = { ar: true, zh: true, en: true, fr: true, ru: true, es: true } as const satisfies Record<
  AccountLanguage,
  true
>;

/**
 * The language an account gets when the reader registers or invites in `language`: the same when
 * the API keeps it for accounts, else English (an interface language the API does not yet know
 * would have the registration refused).
 */
export function accountLanguage(language: string): AccountLanguage {
  return Object.hasOwn(ACCOUNT_LANGUAGES, language) ? (language as AccountLanguage) : 'en';
}

/** The interface's languages that the API also keeps for accounts, each named in its own script. */
export function accountLanguages(): { code: AccountLanguage; name: string }[] {
  return LANGUAGES.flatMap(({ code, name }) => {
    const account = accountLanguage(code);
    return account === code ? [{ code: account, name }] : [];
  });
}

/** The languages the API writes its documents in (annexes, circulars, announcements). */
export type DocumentLanguage = NonNullable<
  NonNullable<operations['PublicCohortsController_pdf']['parameters']['query']>['lang']
>;

/** Every language the API writes documents in, and only those (checked against its list as above). */
const DOCUMENT_LANGUAGES = { ar: true, zh: true, en: true, fr: true, ru: true, es: true } as const satisfies Record<
  DocumentLanguage,
  true
>;

/**
 * The language of a document a reader of `language` opens: the same when the API writes documents
 * in it, else English (the API refuses a language it does not know).
 */
export function documentLanguage(language: string): DocumentLanguage {
  return Object.hasOwn(DOCUMENT_LANGUAGES, language) ? (language as DocumentLanguage) : 'en';
}
