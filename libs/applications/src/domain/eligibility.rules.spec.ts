import fc from 'fast-check';
import type { EligibilityRules } from '@app/calls';
import type { MembershipCategory, OrganisationType } from '@app/identity';
import { decideEligibility, EligibilityFacts, missingDocuments } from './eligibility.rules';

const TYPES: OrganisationType[] = [
  'academia',
  'incubator',
  'accelerator',
  'innovation_hub',
  'government',
  'regulator',
  'private_sector',
  'ngo',
  'international_organisation',
];

const CATEGORIES: MembershipCategory[] = [
  'member_state_administration',
  'sector_member',
  'associate',
  'academia',
  'regulator',
  'regional_international_organisation',
  'un_agency',
  'other',
];

const facts = (overrides: Partial<EligibilityFacts> = {}): EligibilityFacts => ({
  countryCode: 'KE',
  memberState: true,
  organisationType: 'incubator',
  membershipCategory: 'other',
  ...overrides,
});
const codes = (rules: EligibilityRules, f: EligibilityFacts) => decideEligibility(rules, f).reasons.map((r) => r.code);

describe('decideEligibility', () => {
  it('admits a member state with any organisation type when the call sets no rules', () => {
    for (const organisationType of TYPES) {
      expect(decideEligibility({}, facts({ organisationType }))).toEqual({ eligible: true, reasons: [] });
    }
  });

  it('admits a member state even when the call lists other countries', () => {
    expect(codes({ countryCodes: ['PS'] }, facts({ countryCode: 'KE' }))).toEqual([]);
  });

  it('admits an observer only when the call lists its country', () => {
    const observer = facts({ countryCode: 'PS', memberState: false });
    expect(codes({}, observer)).toEqual(['COUNTRY_NOT_ELIGIBLE']);
    expect(codes({ countryCodes: ['VA'] }, observer)).toEqual(['COUNTRY_NOT_ELIGIBLE']);
    expect(codes({ countryCodes: ['VA', 'PS'] }, observer)).toEqual([]);
    expect(codes({ countryCodes: ['ps'] }, observer)).toEqual(['COUNTRY_NOT_ELIGIBLE']);
  });

  it('admits only the organisation types the call lists', () => {
    const rules = { organisationTypes: ['incubator', 'accelerator'] as OrganisationType[] };
    expect(codes(rules, facts({ organisationType: 'accelerator' }))).toEqual([]);
    const refused = decideEligibility(rules, facts({ organisationType: 'government' }));
    expect(refused.eligible).toBe(false);
    expect(refused.reasons).toEqual([
      {
        code: 'ORGANISATION_TYPE_NOT_ELIGIBLE',
        message: 'The call is open to incubator, accelerator, not government.',
      },
    ]);
  });

  it('lists every failed rule at once, country first', () => {
    const result = decideEligibility(
      { organisationTypes: ['academia'], countryCodes: [] },
      facts({ countryCode: 'PS', memberState: false, organisationType: 'ngo' }),
    );
    expect(result.eligible).toBe(false);
    expect(result.reasons.map((r) => r.code)).toEqual(['COUNTRY_NOT_ELIGIBLE', 'ORGANISATION_TYPE_NOT_ELIGIBLE']);
    expect(result.reasons[0].message).toContain('PS');
  });

  it('admits only the categories a call is addressed to, whatever the organisation type', () => {
    const rules: EligibilityRules = { addresseeCategories: ['member_state_administration', 'sector_member'] };
    expect(codes(rules, facts({ membershipCategory: 'sector_member' }))).toEqual([]);
    const academia = decideEligibility(
      rules,
      facts({ organisationType: 'government', membershipCategory: 'academia' }),
    );
    expect(academia.reasons.map((r) => r.code)).toEqual(['NOT_AN_ADDRESSEE']);
    expect(academia.reasons[0].message).toContain('member_state_administration, sector_member');
    expect(codes({}, facts({ membershipCategory: 'un_agency' }))).toEqual([]);
  });

  it('decides by the rules: eligible exactly when no reason is given', () => {
    const country = fc.constantFrom('KE', 'PS', 'VA', 'FR', 'XK');
    const rules = fc.record(
      {
        organisationTypes: fc.subarray(TYPES),
        addresseeCategories: fc.subarray(CATEGORIES),
        countryCodes: fc.uniqueArray(country, { maxLength: 3 }),
        requiredDocuments: fc.uniqueArray(fc.constantFrom('statutes', 'budget'), { maxLength: 2 }),
      },
      { requiredKeys: [] },
    );
    const applicant = fc.record({
      countryCode: country,
      memberState: fc.boolean(),
      organisationType: fc.constantFrom(...TYPES),
      membershipCategory: fc.constantFrom(...CATEGORIES),
    });
    fc.assert(
      fc.property(rules, applicant, (r, f) => {
        const result = decideEligibility(r, f);
        const expected: string[] = [];
        if (!f.memberState && !(r.countryCodes ?? []).includes(f.countryCode)) expected.push('COUNTRY_NOT_ELIGIBLE');
        if (r.organisationTypes && !r.organisationTypes.includes(f.organisationType)) {
          expected.push('ORGANISATION_TYPE_NOT_ELIGIBLE');
        }
        if (r.addresseeCategories && !r.addresseeCategories.includes(f.membershipCategory)) {
          expected.push('NOT_AN_ADDRESSEE');
        }
        expect(result.reasons.map((reason) => reason.code)).toEqual(expected);
        expect(result.eligible).toBe(result.reasons.length === 0);
        for (const reason of result.reasons) expect(reason.message.length).toBeGreaterThan(0);
      }),
    );
  });
});

describe('missingDocuments', () => {
  it('lists the required kinds not attached, in the order of the rules', () => {
    const rules = { requiredDocuments: ['statutes', 'budget', 'letter'] };
    expect(missingDocuments(rules, ['budget', 'other'])).toEqual(['statutes', 'letter']);
    expect(missingDocuments(rules, ['letter', 'statutes', 'budget', 'budget'])).toEqual([]);
    expect(missingDocuments({}, [])).toEqual([]);
  });

  it('is the required kinds minus the attached ones', () => {
    const kind = fc.constantFrom('statutes', 'budget', 'letter', 'cv', 'constructor');
    fc.assert(
      fc.property(fc.uniqueArray(kind), fc.array(kind), (required, attached) => {
        const missing = missingDocuments({ requiredDocuments: required }, attached);
        expect(missing).toEqual(required.filter((k) => !attached.includes(k)));
      }),
    );
  });
});
