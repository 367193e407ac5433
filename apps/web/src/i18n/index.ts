import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { NAMESPACES, REFERENCE_CATALOGUES } from './namespaces';

/** The languages of the interface. A new one: a folder of catalogues beside `en/` and an entry here. */
export const LANGUAGES = [
  { code: 'en', name: 'English' },
  { code: 'fr', name: 'Français' },
] as const;

export type Language = (typeof LANGUAGES)[number]['code'];

const CHOSEN_LANGUAGE_KEY = 'accelerator.language';

/** Every catalogue, `./<language>/<namespace>.json`, bundled at build time. */
const catalogues = import.meta.glob<Record<string, unknown>>('./*/*.json', { eager: true, import: 'default' });

export function isLanguage(code: string | null | undefined): code is Language {
  return LANGUAGES.some((language) => language.code === code);
}

/** The reader's explicit choice, else the browser's preferred languages, else English. */
function initialLanguage(): Language {
  const chosen = localStorage.getItem(CHOSEN_LANGUAGE_KEY);
  if (isLanguage(chosen)) return chosen;
  return navigator.languages.map((tag) => tag.slice(0, 2).toLowerCase()).find(isLanguage) ?? 'en';
}

export function initI18n(): Promise<unknown> {
  const resources = Object.fromEntries(
    LANGUAGES.map(({ code }) => [
      code,
      Object.fromEntries(NAMESPACES.map((ns) => [ns, catalogues[`./${code}/${ns}.json`] ?? {}])),
    ]),
  );
  i18n.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  return i18n.use(initReactI18next).init({
    resources: { ...resources, en: REFERENCE_CATALOGUES },
    lng: initialLanguage(),
    fallbackLng: 'en',
    supportedLngs: LANGUAGES.map((language) => language.code),
    ns: NAMESPACES,
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes
    returnNull: false,
  });
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
