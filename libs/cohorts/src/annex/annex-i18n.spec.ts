import { ValidationError } from '@app/platform/errors';
import {
  ANNEX_LOCALES,
  AnnexMessage,
  AnnexMessageKey,
  annexCatalogue,
  annexTranslator,
  isAnnexLocale,
  placeholdersOf,
} from './annex-i18n';
import { LANGUAGES } from '@app/platform/languages';

const reference = annexCatalogue('en').messages;
const others = ANNEX_LOCALES.filter((locale) => locale !== 'en');
const entries = (messages: Record<string, AnnexMessage>): Array<[string, AnnexMessage]> => Object.entries(messages);

describe('annex translation files', () => {
  it('cover the platform’s six languages', () => {
    expect([...ANNEX_LOCALES].sort()).toEqual([...LANGUAGES].sort());
  });

  it.each(['ar', 'zh', 'ru'] as const)('%s.json leaves no English text untranslated', (locale) => {
    const messages: Record<string, AnnexMessage> = annexCatalogue(locale).messages;
    const untranslated = entries(reference).filter(([key, message]) => {
      const words = JSON.stringify(messages[key]).replace(/\{\w+\}/g, '');
      return JSON.stringify(message) === JSON.stringify(messages[key]) && /[A-Za-z]{3,}/.test(words);
    });
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });

  it.each(others)('%s.json has exactly the keys of en.json', (locale) => {
    expect(Object.keys(annexCatalogue(locale).messages).sort()).toEqual(Object.keys(reference).sort());
  });

  it.each(others)('%s.json uses the same placeholders and plural messages as en.json', (locale) => {
    const messages: Record<string, AnnexMessage> = annexCatalogue(locale).messages;
    for (const [key, message] of entries(reference)) {
      const translated = messages[key];
      expect({ key, plural: typeof translated === 'object' }).toEqual({ key, plural: typeof message === 'object' });
      expect({ key, placeholders: placeholdersOf(translated) }).toEqual({ key, placeholders: placeholdersOf(message) });
    }
  });

  it.each([...ANNEX_LOCALES])(
    '%s.json gives every plural message an "other" form and a usable Intl locale',
    (locale) => {
      const { intlLocale, messages } = annexCatalogue(locale);
      expect(Intl.DateTimeFormat.supportedLocalesOf([intlLocale])).toEqual([intlLocale]);
      for (const [key, message] of entries(messages)) {
        if (typeof message === 'object') expect({ key, other: typeof message.other }).toEqual({ key, other: 'string' });
      }
    },
  );

  it('fr.json follows French typography: no-break spaces before : ; ? ! and curly apostrophes', () => {
    for (const [key, message] of entries(annexCatalogue('fr').messages)) {
      for (const form of typeof message === 'string' ? [message] : Object.values(message)) {
        expect({ key, form, ok: !/(^|[^\u00a0\u202f])[:;?!]/u.test(form ?? '') }).toEqual({ key, form, ok: true });
        expect({ key, form, ok: !(form ?? '').includes("'") }).toEqual({ key, form, ok: true });
      }
    }
  });
});

describe('annexTranslator', () => {
  const en = annexTranslator('en');
  const fr = annexTranslator('fr');

  it('interpolates parameters and picks the plural form of the language', () => {
    expect(en.t('unit.centres', { count: 1 })).toBe('1 centre');
    expect(en.t('unit.centres', { count: 0 })).toBe('0 centres');
    // French treats 0 as singular.
    expect(fr.t('unit.centres', { count: 0 })).toBe('0 centre');
    expect(fr.t('unit.countries', { count: 35 })).toBe('35 pays');
    expect(fr.t('footer.page', { page: 2, pages: 9 })).toBe('Page 2 sur 9');
  });

  it('formats numbers, shares and dates the way each language writes them', () => {
    expect(en.number(1234)).toBe('1,234');
    // Which no-break space CLDR puts where has changed between ICU versions; either is correct.
    expect(fr.number(1234)).toMatch(/^1[\u00a0\u202f]234$/u);
    expect(en.percent(2 / 7)).toBe('28.6%');
    expect(fr.percent(2 / 7)).toMatch(/^28,6[\u00a0\u202f]%$/u);
    // Late on the 17th in UTC is already the 18th east of Greenwich: the annex keeps the UTC date.
    expect(en.date('2025-03-17T23:30:00Z')).toBe('17 March 2025');
    expect(fr.date('2025-03-17T23:30:00Z')).toBe('17 mars 2025');
  });

  it('fails loudly on a missing parameter rather than printing a placeholder', () => {
    expect(() => en.t('document.reference')).toThrow(/reference/);
    expect(() => en.t('unit.centres' as AnnexMessageKey)).toThrow(/count/);
  });

  it('accepts only the languages it has files for', () => {
    expect(isAnnexLocale('fr')).toBe(true);
    expect(isAnnexLocale('de')).toBe(false);
    expect(isAnnexLocale('toString')).toBe(false);
    expect(() => annexTranslator('de')).toThrow(ValidationError);
  });
});
