import type { CandidateUncertainty } from '../application/cohorts.service';
import type { EntryOrganisation } from '../infrastructure/selection-facts.repository';
import type { Cohort } from '../infrastructure/cohorts.repository';
import type { CohortDto, CohortSummaryDto, EntryOrganisationDto } from './cohort.dto';

const UNKNOWN: EntryOrganisationDto = { name: '', city: null, countryCode: '', region: '' };

export function toCohortSummaryDto(cohort: Cohort): CohortSummaryDto {
  const { id, callId, status, version, createdAt, approvedAt, publishedAt, contentHash } = cohort;
  return {
    id,
    callId,
    status,
    constraints: cohort.constraints,
    memberCount: cohort.members.length,
    version,
    createdAt,
    approvedAt,
    publishedAt,
    contentHash,
  };
}

/** The whole proposal, each entry with the organisation behind it. */
export function toCohortDto(
  cohort: Cohort,
  organisations: ReadonlyMap<string, EntryOrganisation>,
  greyZone: readonly string[] = [],
  uncertainties: ReadonlyMap<string, CandidateUncertainty> = new Map(),
): CohortDto {
  const organisation = (applicationId: string) => organisations.get(applicationId) ?? UNKNOWN;
  const entry = <T extends { applicationId: string }>(e: T) => ({ ...e, organisation: organisation(e.applicationId) });
  const grey = new Set(greyZone);
  const candidate = <T extends { applicationId: string }>(e: T) => ({
    ...entry(e),
    inGreyZone: grey.has(e.applicationId),
    uncertainty: uncertainties.get(e.applicationId) ?? null,
  });
  return {
    ...toCohortSummaryDto(cohort),
    members: cohort.members.map(({ countryCode: _c, region: _r, ...m }) => candidate(m)),
    waitlist: cohort.waitlist.map(({ countryCode: _c, region: _r, ...w }) => candidate(w)),
    // Proposals stored before exclusions kept their score have none to show.
    excluded: cohort.excluded.map((e) => entry({ ...e, score: e.score ?? null })),
    unmetConstraints: cohort.unmetConstraints,
    violations: cohort.violations,
    overrides: cohort.overrides,
    greyZone: [...greyZone],
  };
}

/** Every application a cohort names, to look their organisations up at once. */
export function applicationIdsOf(cohort: Cohort): string[] {
  return [...cohort.members, ...cohort.excluded].map((e) => e.applicationId);
}
