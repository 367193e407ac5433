import { DomainError, NotFoundError, VersionConflictError } from './domain-error';
import { PLATFORM_ERRORS } from './error-status';
import { declareDetails, formatDetail, problemDetail } from './problem-details';

const { SEATS_LEFT } = declareDetails({
  SEATS_LEFT: {
    ar: '{count, plural, zero {لا مقاعد} one {مقعد واحد} two {مقعدان} few {# مقاعد} many {# مقعدًا} other {# مقعد}}',
    zh: '剩余 {count} 个名额',
    en: '{count, plural, one {# seat} other {# seats}} left',
    fr: '{count, plural, one {# place restante} other {# places restantes}}',
    ru: '{count, plural, one {Осталось # место} few {Осталось # места} many {Осталось # мест} other {Осталось # места}}',
    es: '{count, plural, one {Queda # plaza} other {Quedan # plazas}}',
  },
});

describe('problem details', () => {
  it('says a declared detail in each language, plurals by its rules', () => {
    expect(formatDetail(problemDetail(SEATS_LEFT, { count: 1 }), 'en')).toBe('1 seat left');
    expect(formatDetail(problemDetail(SEATS_LEFT, { count: 3 }), 'ru')).toBe('Осталось 3 места');
    expect(formatDetail(problemDetail(SEATS_LEFT, { count: 5 }), 'ru')).toBe('Осталось 5 мест');
    expect(formatDetail(problemDetail(SEATS_LEFT, { count: 2 }), 'ar')).toBe('مقعدان');
    expect(formatDetail(problemDetail(SEATS_LEFT, { count: 2 }), 'es')).toBe('Quedan 2 plazas');
  });

  it('keeps the English message of the error for logs, and says the detail in the reader’s language', () => {
    const error = new DomainError(PLATFORM_ERRORS.CONFLICT, problemDetail(SEATS_LEFT, { count: 4 }));
    expect(error.message).toBe('4 seats left');
    expect(error.detailIn('zh')).toBe('剩余 4 个名额');
    expect(new VersionConflictError(7).detailIn('fr')).toBe(
      'La ressource a été modifiée par une autre personne ; sa version actuelle est 7.',
    );
  });

  it('falls back to English: text not in a catalogue, an entity nobody declared, a text that cannot be formatted', () => {
    expect(new DomainError(PLATFORM_ERRORS.CONFLICT, 'Plain English.').detailIn('ar')).toBe('Plain English.');
    const missing = new NotFoundError('Teapot');
    expect(missing.message).toBe('Teapot not found.');
    expect(missing.detailIn('ru')).toBe('Teapot not found.');
    // A missing value is a bug of the caller; the answer still goes out, in English at worst.
    expect(formatDetail(problemDetail(SEATS_LEFT), 'fr')).toBeUndefined();
    expect(new DomainError(PLATFORM_ERRORS.CONFLICT, problemDetail(SEATS_LEFT)).detailIn('fr')).toBe('SEATS_LEFT');
  });

  it('refuses a key declared again differently', () => {
    const texts = { ar: 'أ', zh: '一', en: 'one', fr: 'un', ru: 'один', es: 'uno' };
    expect(() => declareDetails({ SEATS_LEFT: texts })).toThrow(/SEATS_LEFT is declared twice/);
  });
});
