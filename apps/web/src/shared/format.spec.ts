import { describe, expect, it } from '@jest/globals';
import { countryLabel, formatBytes, formatScore } from './format';

/** Intl separates a French number from its unit with a no-break space: compared as a space. */
const spaced = (text: string) => text.replace(/\s/g, ' ');

describe('a score as every page writes it', () => {
  it('has one decimal, in the reader’s language', () => {
    expect([56.52, 56.55, 65, 0].map((score) => formatScore(score, 'en'))).toEqual(['56.5', '56.6', '65.0', '0.0']);
    expect(formatScore(56.52, 'fr')).toBe('56,5');
  });
});

describe('a size in bytes', () => {
  it('writes bytes out, in the plural the number calls for', () => {
    expect([0, 1, 193].map((bytes) => formatBytes(bytes, 'en'))).toEqual(['0 bytes', '1 byte', '193 bytes']);
    // French: 0 and 1 are singular.
    expect([0, 1, 193].map((bytes) => spaced(formatBytes(bytes, 'fr')))).toEqual(['0 octet', '1 octet', '193 octets']);
  });

  it('gives larger sizes in kilobytes or megabytes, to one decimal', () => {
    expect(formatBytes(1536, 'en')).toBe('1.5 kB');
    expect(spaced(formatBytes(2.5 * 1_048_576, 'fr'))).toBe('2,5 Mo');
  });
});

describe('a country in the reader’s language', () => {
  const kenya = { code: 'KE', nameEn: 'Kenya', nameFr: 'Kenya (FR)' };
  it('takes the API’s English or French name, else Intl’s in the language', () => {
    expect(countryLabel(kenya, 'en')).toBe('Kenya');
    expect(countryLabel(kenya, 'fr')).toBe('Kenya (FR)');
    expect(countryLabel(kenya, 'zh')).toBe('肯尼亚');
    expect(countryLabel(kenya, 'ru')).toBe('Кения');
    expect(countryLabel(kenya, 'ar')).toBe('كينيا');
  });
});
