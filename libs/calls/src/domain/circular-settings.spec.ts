import { UnknownPlaceholderError } from './calls.errors';
import {
  ADDRESSEE_CATEGORIES,
  assertKnownPlaceholders,
  defaultCircularSettings,
  fillPlaceholders,
  normalisedCircularSettings,
  placeholdersIn,
} from './circular-settings';

const defaults = defaultCircularSettings({ reference: 'IEA-2026' });

describe('circular placeholders', () => {
  it('lists each name a text puts in braces once, in order', () => {
    expect(placeholdersIn('{selected} of {applications} from {countries}; {selected}')).toEqual([
      'selected',
      'applications',
      'countries',
    ]);
    expect(placeholdersIn('no figures')).toEqual([]);
  });

  it('accepts the defaults, whose texts use only the figures of their letter', () => {
    expect(() => assertKnownPlaceholders(defaults)).not.toThrow();
  });

  it('refuses every unknown name, with the field and the names it may use', () => {
    const settings = {
      ...defaults,
      results: { ...defaults.results, body: { en: '{selected} of {aplications}', fr: '{deadline}' } },
      announcement: { ...defaults.announcement, subject: { en: '{call} {selected}', fr: '{call}' } },
    };
    let error: unknown;
    try {
      assertKnownPlaceholders(settings);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UnknownPlaceholderError);
    const { code, errors } = error as UnknownPlaceholderError;
    expect(code).toBe('UNKNOWN_PLACEHOLDER');
    expect(errors?.map((e) => [e.field, e.params?.placeholder])).toEqual([
      ['results.body.en', '{aplications}'],
      ['results.body.fr', '{deadline}'],
      ['announcement.subject.en', '{selected}'],
    ]);
    expect(errors?.[0].code).toBe('UNKNOWN_PLACEHOLDER');
    expect(errors?.[0].params?.allowed).toBe('{call}, {applications}, {countries}, {selected}');
  });

  it('refuses an empty name and one with spaces, which no figure has', () => {
    const body = { en: 'Text {} and { selected }', fr: 'Texte' };
    expect(() => assertKnownPlaceholders({ ...defaults, results: { ...defaults.results, body } })).toThrow(
      UnknownPlaceholderError,
    );
  });

  it('fills in the figures and leaves text without braces as written', () => {
    expect(
      fillPlaceholders('{selected} of {applications} ({call})', { selected: '17', applications: '44', call: 'X' }),
    ).toBe('17 of 44 (X)');
    expect(fillPlaceholders('Dear colleagues', {})).toBe('Dear colleagues');
  });
});

describe('circular settings', () => {
  it('default to every addressee category, Geneva, and the call reference', () => {
    expect(defaults.addressees).toEqual([...ADDRESSEE_CATEGORIES]);
    expect(defaults.place).toEqual({
      ar: 'جنيف',
      zh: '日内瓦',
      en: 'Geneva',
      fr: 'Genève',
      ru: 'Женева',
      es: 'Ginebra',
    });
    expect(defaults.reference).toBe('IEA-2026');
    expect(defaults.about).toBeNull();
  });

  it('keep addressees in the letters’ order, each once, and trim the reference', () => {
    const settings = normalisedCircularSettings({
      ...defaults,
      reference: '  BDT/DIR/DM/013 ',
      addressees: ['united-nations-agencies', 'academia', 'united-nations-agencies'],
    });
    expect(settings.addressees).toEqual(['academia', 'united-nations-agencies']);
    expect(settings.reference).toBe('BDT/DIR/DM/013');
  });
});
