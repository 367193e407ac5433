import type { CohortConstraints, ConstraintViolation, Region } from './selection.types';

type Placed = { countryCode: string; region: Region };

/**
 * Every way the members depart from the constraints, for the secretariat to see after overrides:
 * a size other than n, countries and regions above their caps, regions below their minimums.
 * Listed as size, then countries, then regions, each in code order (plain string order).
 */
export function constraintViolations(
  members: readonly Placed[],
  constraints: Pick<CohortConstraints, 'size' | 'maxPerCountry' | 'maxPerRegion' | 'minPerRegion'>,
): ConstraintViolation[] {
  const violations: ConstraintViolation[] = [];
  if (members.length !== constraints.size) {
    violations.push({ constraint: 'size', required: constraints.size, actual: members.length });
  }
  const perCountry = countBy(members, (m) => m.countryCode);
  const perRegion = countBy(members, (m) => m.region);
  const limit = constraints.maxPerCountry;
  if (limit !== undefined) {
    for (const [countryCode, actual] of sortedEntries(perCountry)) {
      if (actual > limit) violations.push({ constraint: 'maxPerCountry', countryCode, limit, actual });
    }
  }
  for (const [region, cap] of sortedEntries(definedEntries(constraints.maxPerRegion))) {
    const actual = perRegion.get(region) ?? 0;
    if (actual > cap) violations.push({ constraint: 'maxPerRegion', region, limit: cap, actual });
  }
  for (const [region, required] of sortedEntries(definedEntries(constraints.minPerRegion))) {
    const actual = perRegion.get(region) ?? 0;
    if (actual < required) violations.push({ constraint: 'minPerRegion', region, required, actual });
  }
  return violations;
}

function countBy<K>(items: readonly Placed[], keyOf: (item: Placed) => K): Map<K, number> {
  const counts = new Map<K, number>();
  for (const item of items) counts.set(keyOf(item), (counts.get(keyOf(item)) ?? 0) + 1);
  return counts;
}

/** The regions a partial per-region setting names, with their values. */
function definedEntries(setting: Partial<Record<Region, number>> | undefined): Map<Region, number> {
  const entries = new Map<Region, number>();
  for (const [region, value] of Object.entries(setting ?? {}) as Array<[Region, number | undefined]>) {
    if (value !== undefined) entries.set(region, value);
  }
  return entries;
}

function sortedEntries<K extends string>(map: Map<K, number>): Array<[K, number]> {
  return [...map].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}
