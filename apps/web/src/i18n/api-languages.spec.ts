import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { accountLanguage, accountLanguages, documentLanguage } from './api-languages';
import { LANGUAGES, directionOf } from './languages';

describe('the languages of the interface as the API knows them', () => {
  it('an account or a document in a language the API knows keeps it; any other is in English', () => {
    const known = accountLanguages().map((language) => language.code);
    // The API keeps and writes all six languages of the interface.
    expect(known).toEqual(LANGUAGES.map((language) => language.code));
    for (const { code } of LANGUAGES) expect(documentLanguage(code)).toBe(code);
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...LANGUAGES.map((l) => l.code)), fc.string()), (language) => {
        const account = accountLanguage(language);
        expect(account === language || account === 'en').toBe(true);
        expect(known).toContain(account);
        expect(accountLanguage(account)).toBe(account);
        const document = documentLanguage(language);
        expect(document === language || document === 'en').toBe(true);
        expect(documentLanguage(document)).toBe(document);
      }),
    );
    // Not a property of the object: no language named after one.
    expect(accountLanguage('toString')).toBe('en');
  });

  it('Arabic runs right to left, the other languages left to right', () => {
    expect(LANGUAGES.map((language) => [language.code, directionOf(language.code)])).toEqual([
      ['ar', 'rtl'],
      ['zh', 'ltr'],
      ['en', 'ltr'],
      ['fr', 'ltr'],
      ['ru', 'ltr'],
      ['es', 'ltr'],
    ]);
    expect(directionOf('xx')).toBe('ltr');
  });
});
