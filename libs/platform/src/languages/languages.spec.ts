import fc from 'fast-check';
import { LANGUAGES, directionOf, isLanguage, languageOr, negotiateLanguage } from './languages';

describe('negotiateLanguage', () => {
  it.each([
    ['fr', 'fr'],
    ['fr-FR,fr;q=0.9,en;q=0.8', 'fr'],
    ['ar-EG', 'ar'],
    ['zh-Hans-CN,zh;q=0.9', 'zh'],
    ['ru', 'ru'],
    ['es-419', 'es'],
    ['de-DE,es;q=0.5,ru;q=0.7', 'ru'],
    ['en;q=0.2,zh;q=0.2', 'en'],
    ['de', 'en'],
    ['*', 'en'],
    ['fr;q=0, ar', 'ar'],
    ['fr;q=abc, es;q=-1', 'en'],
    ['', 'en'],
  ])('answers %j in %s', (header, expected) => {
    expect(negotiateLanguage(header)).toBe(expected);
  });

  it('answers English without a header', () => {
    expect(negotiateLanguage(undefined)).toBe('en');
  });

  it('always answers one of the six languages, whatever the header', () => {
    fc.assert(fc.property(fc.string(), (header) => isLanguage(negotiateLanguage(header))));
  });

  it('picks a language named alone, in any case and with any region', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LANGUAGES),
        fc.boolean(),
        fc.stringMatching(/^[A-Za-z]{2}$/),
        (language, upper, region) => {
          const tag = `${upper ? language.toUpperCase() : language}-${region}`;
          return negotiateLanguage(tag) === language;
        },
      ),
    );
  });
});

describe('languages', () => {
  it('are the six official languages, Arabic alone written right to left', () => {
    expect([...LANGUAGES].sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
    expect(LANGUAGES.filter((language) => directionOf(language) === 'rtl')).toEqual(['ar']);
  });

  it('read a stored language the platform does not speak as English', () => {
    expect(languageOr('zh')).toBe('zh');
    expect(languageOr('de')).toBe('en');
    expect(languageOr(null)).toBe('en');
    expect(isLanguage('toString')).toBe(false);
  });
});
