import i18n, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language, directionOf, isLanguage } from './languages';
import type { Namespace } from './namespaces';

export { LANGUAGES, type Language, directionOf, isLanguage };
export {
  type AccountLanguage,
  type DocumentLanguage,
  accountLanguage,
  accountLanguages,
  documentLanguage,
} from './api-languages';

const CHOSEN_LANGUAGE_KEY = 'accelerator.language';
/** Read by the server to pick the page shell's language (libs/platform/src/http/web-app.ts). */
const LANGUAGE_COOKIE = 'lang';

/** Every catalogue, `./<language>/<namespace>.json`: a chunk each, fetched when first needed. */
const catalogues = import.meta.glob<Record<string, unknown>>('./*/*.json', { import: 'default' });

/** What every page needs: the shared texts, and the public area's (its pages and the header's links). */
const FIRST_NAMESPACES: Namespace[] = ['common', 'public'];

const catalogueChunks: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    const load = catalogues[`./${language}/${namespace}.json`];
    if (!load) return callback(new Error(`no catalogue ${language}/${namespace}`), false);
    load().then(
      (catalogue) => callback(null, catalogue),
      (error: Error) => callback(error, false),
    );
  },
};

/** The reader's explicit choice, else the browser's preferred languages, else English. */
function initialLanguage(): Language {
  const chosen = localStorage.getItem(CHOSEN_LANGUAGE_KEY);
  if (isLanguage(chosen)) return chosen;
  return navigator.languages.map((tag) => tag.slice(0, 2).toLowerCase()).find(isLanguage) ?? 'en';
}

/**
 * Fetches the reader's language's first catalogues. No fallback language: every language has every
 * key of English (test/web/i18n-catalogues.spec.ts), so a reader never fetches a second language.
 * A change of language fetches, in the new one, every namespace fetched so far.
 */
export function initI18n(): Promise<unknown> {
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
    // Mantine's DirectionProvider (App.tsx) follows the attribute: the layout mirrors for Arabic.
    document.documentElement.dir = directionOf(language);
    // The server sends the next page's shell (index.html) in the language shown last.
    document.cookie = `${LANGUAGE_COOKIE}=${language}; path=/; max-age=31536000; samesite=lax`;
  });
  return i18n
    .use(catalogueChunks)
    .use(initReactI18next)
    .init({
      lng: initialLanguage(),
      fallbackLng: false,
      supportedLngs: LANGUAGES.map((language) => language.code),
      ns: FIRST_NAMESPACES,
      defaultNS: 'common',
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
    });
}

/** An area's catalogue in the current language, fetched before its first page shows. */
export function loadNamespace(namespace: Namespace): Promise<void> {
  return i18n.loadNamespaces(namespace);
}

/** The reader picked a language in the header: it wins over the account's and the browser's. */
export function chooseLanguage(language: Language): void {
  localStorage.setItem(CHOSEN_LANGUAGE_KEY, language);
  void i18n.changeLanguage(language);
}

/** A signed-in user's language, unless the reader chose one in this browser. */
export function adoptUserLocale(locale: string): void {
  if (!isLanguage(localStorage.getItem(CHOSEN_LANGUAGE_KEY)) && isLanguage(locale)) void i18n.changeLanguage(locale);
}

export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}
