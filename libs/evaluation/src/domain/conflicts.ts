import { emailDomain } from '@app/platform/email/email-domain';
import { ApplicationProfile, EvaluatorProfile } from './evaluation';

export type ConflictKind = 'declared' | 'same_organisation' | 'same_country';

/**
 * Why an evaluator may not evaluate an application, or null: a declared conflict, working for the
 * applicant organisation (affiliation equal to its name, ignoring case, accents and spacing, or an
 * e-mail address at the domain of one of its members), or, when the call says so, being from the
 * same country.
 */
export function conflictOf(
  evaluator: EvaluatorProfile,
  application: ApplicationProfile,
  declared: boolean,
  excludeSameCountry: boolean,
): ConflictKind | null {
  if (declared) return 'declared';
  if (evaluator.affiliation && sameName(evaluator.affiliation, application.organisationName))
    return 'same_organisation';
  if (application.emailDomains?.includes(emailDomain(evaluator.email))) return 'same_organisation';
  if (excludeSameCountry && evaluator.countryCode !== null && evaluator.countryCode === application.countryCode) {
    return 'same_country';
  }
  return null;
}

function sameName(a: string, b: string): boolean {
  return normalise(a) === normalise(b);
}

function normalise(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * Every conflicted evaluator of every application at once: declared conflicts, same organisation
 * (by name or by a member's e-mail domain) and, when the call says so, same country. Indexed by
 * name, domain and country, so that a call of thousands of applications costs one pass, not
 * applications × evaluators comparisons.
 */
export function conflictedEvaluators(
  evaluators: EvaluatorProfile[],
  applications: ApplicationProfile[],
  declared: Array<{ evaluatorId: string; applicationId: string }>,
  excludeSameCountry: boolean,
): Map<string, Set<string>> {
  const byAffiliation = groupBy(
    evaluators.filter((e) => e.affiliation),
    (e) => normalise(e.affiliation ?? ''),
  );
  const byDomain = groupBy(
    evaluators.filter((e) => emailDomain(e.email)),
    (e) => emailDomain(e.email),
  );
  const byCountry = groupBy(
    evaluators.filter((e) => e.countryCode),
    (e) => e.countryCode ?? '',
  );
  const result = new Map<string, Set<string>>();
  for (const application of applications) {
    const conflicted = new Set<string>();
    for (const e of byAffiliation.get(normalise(application.organisationName)) ?? []) conflicted.add(e.id);
    for (const domain of application.emailDomains ?? [])
      for (const e of byDomain.get(domain) ?? []) conflicted.add(e.id);
    if (excludeSameCountry) for (const e of byCountry.get(application.countryCode) ?? []) conflicted.add(e.id);
    result.set(application.id, conflicted);
  }
  for (const { evaluatorId, applicationId } of declared) result.get(applicationId)?.add(evaluatorId);
  return result;
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
