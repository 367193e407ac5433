import { ANNEX_REGIONS, AnnexCriterion, AnnexMember, AnnexRegion } from './annex.types';

export interface CriterionShare extends AnnexCriterion {
  /** weight / sum of weights, 0–1. */
  share: number;
}

/** Weights are free numbers on the call (e.g. 3, 2, 1); readers compare them as shares of the score. */
export function criteriaWithShares(criteria: readonly AnnexCriterion[]): CriterionShare[] {
  const total = totalWeight(criteria);
  return criteria.map((criterion) => ({ ...criterion, share: total > 0 ? criterion.weight / total : 0 }));
}

export function totalWeight(criteria: readonly AnnexCriterion[]): number {
  return criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
}

export interface RegionGroup {
  region: AnnexRegion;
  members: AnnexMember[];
}

/**
 * Regions in ITU order, empty ones left out; inside a region, centres by country then name in the
 * reader's collation (so that "Égypte" comes before "France" in French). The final code-point
 * comparison only makes the order total, so that equal-looking entries never swap between renders.
 */
export function groupMembersByRegion(members: readonly AnnexMember[], collator: Intl.Collator): RegionGroup[] {
  const compare = (a: AnnexMember, b: AnnexMember): number =>
    collator.compare(a.countryName, b.countryName) ||
    collator.compare(a.name, b.name) ||
    collator.compare(a.city ?? '', b.city ?? '') ||
    byCodePoints(
      `${a.countryCode}\u0000${a.name}\u0000${a.city ?? ''}`,
      `${b.countryCode}\u0000${b.name}\u0000${b.city ?? ''}`,
    );
  const unknown = members.find((member) => !(ANNEX_REGIONS as readonly string[]).includes(member.region));
  // An official list must never drop a centre silently.
  if (unknown) throw new Error(`Centre ${unknown.name} has an unknown region: ${String(unknown.region)}`);
  return ANNEX_REGIONS.map((region) => ({
    region,
    members: members.filter((member) => member.region === region).sort(compare),
  })).filter((group) => group.members.length > 0);
}

function byCodePoints(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
