import { UnknownPlaceholderError } from './calls.errors';
import type { MembershipCategory } from '@app/identity';
import {
  ADDRESSEE_CATEGORIES,
  ADDRESSEE_OF_MEMBERSHIP,
  CIRCULAR_LANGUAGES,
  DEFAULT_ADDRESSEES,
  addresseesOf,
  assertKnownPlaceholders,
  circularSettingsAsStored,
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
  it('default to the usual addressees, Geneva, the call reference, and no contact', () => {
    expect(defaults.addressees).toEqual([
      'member-state-administrations',
      'sector-members',
      'academia',
      'regulators',
      'regional-international-organizations',
      'united-nations-agencies',
    ]);
    expect(defaults.contact).toBeNull();
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

  it('trim the contact and drop an empty phone', () => {
    const contact = { name: ' BDT Secretariat ', email: ' bdt@itu.int ', phone: '  ' };
    expect(normalisedCircularSettings({ ...defaults, contact }).contact).toEqual({
      name: 'BDT Secretariat',
      email: 'bdt@itu.int',
    });
    const withPhone = { ...contact, phone: ' +41 22 730 5111 ' };
    expect(normalisedCircularSettings({ ...defaults, contact: withPhone }).contact?.phone).toBe('+41 22 730 5111');
    expect(normalisedCircularSettings({ ...defaults, contact: null }).contact).toBeNull();
  });

  it('read settings written before the contact existed as having none', () => {
    const { contact: _, ...written } = defaults;
    expect(circularSettingsAsStored(written as typeof defaults).contact).toBeNull();
  });
});

describe('the addressees of a call', () => {
  // identity's MEMBERSHIP_CATEGORIES, in its order: the domain imports only the type of another context.
  const MEMBERSHIP_CATEGORIES: MembershipCategory[] = [
    'member_state_administration',
    'sector_member',
    'associate',
    'academia',
    'regulator',
    'regional_international_organisation',
    'un_agency',
    'other',
  ];

  it('map each membership category to a line of the letter, each line to one category', () => {
    const lines = MEMBERSHIP_CATEGORIES.map((category) => ADDRESSEE_OF_MEMBERSHIP[category]);
    expect(new Set(lines).size).toBe(MEMBERSHIP_CATEGORIES.length);
    expect([...lines].sort()).toEqual([...ADDRESSEE_CATEGORIES].sort());
    // The letters list them in the order the Union lists its membership.
    expect(addresseesOf(MEMBERSHIP_CATEGORIES)).toEqual(lines);
  });

  it('are the categories the call is addressed to, in the letters’ order, each once', () => {
    expect(addresseesOf(['un_agency', 'member_state_administration', 'sector_member', 'un_agency'])).toEqual([
      'member-state-administrations',
      'sector-members',
      'united-nations-agencies',
    ]);
    expect(addresseesOf(['associate', 'other'])).toEqual(['associates', 'others']);
  });

  it('are the usual addressees when the call names no category', () => {
    expect(addresseesOf(undefined)).toEqual(DEFAULT_ADDRESSEES);
    expect(addresseesOf([])).toEqual(DEFAULT_ADDRESSEES);
    expect(DEFAULT_ADDRESSEES).not.toContain('associates');
    expect(DEFAULT_ADDRESSEES).not.toContain('others');
  });

  it('are the defaults of a call whose eligibility names categories', () => {
    const call = {
      reference: 'X',
      eligibility: { addresseeCategories: ['sector_member' as const, 'academia' as const] },
    };
    expect(defaultCircularSettings(call).addressees).toEqual(['sector-members', 'academia']);
    expect(defaultCircularSettings({ reference: 'X', eligibility: {} }).addressees).toEqual(DEFAULT_ADDRESSEES);
  });
});

describe('the default announcement of each kind of call', () => {
  const registration = defaultCircularSettings({ reference: 'X', kind: 'registration' });

  it('invites a registration call’s addressees to reply, in every language, with the letter’s figures only', () => {
    expect(registration.announcement.subject.en).toBe('Invitation: {call}');
    expect(registration.announcement.body.en).toBe(
      'I have the honour to invite you to {call}, described in Annex I. Please reply on the platform by {deadline}.',
    );
    for (const language of CIRCULAR_LANGUAGES) {
      for (const text of [registration.announcement.subject, registration.announcement.body]) {
        expect(text[language]).toBeTruthy();
      }
      expect(placeholdersIn(registration.announcement.body[language] ?? '')).toEqual(['call', 'deadline']);
      expect(registration.announcement.body[language]).not.toBe(defaults.announcement.body[language]);
    }
    expect(() => assertKnownPlaceholders(registration)).not.toThrow();
  });

  it('calls a selection call’s centres to apply, as before, and so does a call of no kind', () => {
    const selection = defaultCircularSettings({ reference: 'X', kind: 'selection' });
    expect(selection.announcement).toEqual(defaults.announcement);
    expect(selection.announcement.subject.en).toBe('Call for accelerator centres: {call}');
    expect(selection.results).toEqual(registration.results);
  });

  it('gives each call its own copy of the texts', () => {
    const next = defaultCircularSettings({ reference: 'Y', kind: 'registration' });
    expect(next.announcement).toEqual(registration.announcement);
    expect(next.announcement.subject).not.toBe(registration.announcement.subject);
    expect(next.announcement.body).not.toBe(registration.announcement.body);
  });
});
