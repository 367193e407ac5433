import type { EligibilityRules } from '@app/calls';
import type { MembershipCategory, OrganisationType } from '@app/identity';
import { Eligibility, EligibilityReason } from './application';

export interface EligibilityFacts {
  countryCode: string;
  /** Whether the country is an ITU Member State. */
  memberState: boolean;
  organisationType: OrganisationType;
  membershipCategory: MembershipCategory;
}

/**
 * Decides eligibility from the call's rules (DESIGN §4) on what the applicant cannot fix by editing
 * (country, organisation type, membership category); missing answers and documents block submission instead (422).
 * Every failed rule is a reason, so the applicant learns all that is wrong at once.
 */
export function decideEligibility(rules: EligibilityRules, facts: EligibilityFacts): Eligibility {
  const reasons: EligibilityReason[] = [];
  if (!facts.memberState && !(rules.countryCodes ?? []).includes(facts.countryCode)) {
    reasons.push({
      code: 'COUNTRY_NOT_ELIGIBLE',
      message: `${facts.countryCode} is not an ITU Member State and the call does not admit it.`,
    });
  }
  if (rules.organisationTypes && !rules.organisationTypes.includes(facts.organisationType)) {
    reasons.push({
      code: 'ORGANISATION_TYPE_NOT_ELIGIBLE',
      message: `The call is open to ${rules.organisationTypes.join(', ')}, not ${facts.organisationType}.`,
    });
  }
  if (rules.addresseeCategories && !rules.addresseeCategories.includes(facts.membershipCategory)) {
    reasons.push({
      code: 'NOT_AN_ADDRESSEE',
      message: `The call is addressed to ${rules.addresseeCategories.join(', ')}, not ${facts.membershipCategory}.`,
    });
  }
  return { eligible: reasons.length === 0, reasons };
}

/** Required document kinds not yet attached. */
export function missingDocuments(rules: EligibilityRules, documentKinds: string[]): string[] {
  const present = new Set(documentKinds);
  return (rules.requiredDocuments ?? []).filter((kind) => !present.has(kind));
}
