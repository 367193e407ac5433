/**
 * The languages of the interface, in the order of the Union's six official languages, each named in
 * its own script, with the direction its text runs in. No imports: the build (apps/web/app-shell.mts)
 * and the tests read it too. A new language: a complete folder of catalogues beside `en/`
 * (test/web/i18n-catalogues.spec.ts), then an entry here.
 */
export const LANGUAGES = [
  { code: 'ar', name: 'العربية', dir: 'rtl' },
  { code: 'zh', name: '中文', dir: 'ltr' },
  { code: 'en', name: 'English', dir: 'ltr' },
  { code: 'fr', name: 'Français', dir: 'ltr' },
  { code: 'ru', name: 'Русский', dir: 'ltr' },
  { code: 'es', name: 'Español', dir: 'ltr' },
] as const satisfies readonly { code: string; name: string; dir: 'ltr' | 'rtl' }[];

export type Language = (typeof LANGUAGES)[number]['code'];
export type TextDirection = 'ltr' | 'rtl';

export function isLanguage(code: string | null | undefined): code is Language {
  return LANGUAGES.some((language) => language.code === code);
}

/** The direction a language's text runs in: right to left for Arabic, left to right otherwise. */
export function directionOf(code: string): TextDirection {
  return LANGUAGES.find((language) => language.code === code)?.dir ?? 'ltr';
}
