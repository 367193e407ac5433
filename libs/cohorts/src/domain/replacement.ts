import type { CohortConstraints, Region } from './selection.types';

/** Where a centre stands for the caps and minimums. */
export interface Seat {
  countryCode: string;
  region: Region;
}

/** A candidate for a freed seat: not offered a place yet, in rank order. */
export interface ReplacementCandidate extends Seat {
  applicationId: string;
  rank: number;
}

/** Why a candidate ranked before the proposed one was passed over. */
export type ReplacementPass = 'COUNTRY_CAP' | 'REGION_CAP' | 'SEAT_RESERVED_FOR_REGION';

export interface ReplacementProposal {
  /** The candidate the freed seat goes to; null when no seat is free or no candidate fits. */
  proposed: string | null;
  /** Every candidate ranked before it (every candidate when none is proposed), with why. */
  passedOver: Array<{ applicationId: string; reason: ReplacementPass }>;
  /** Seats not held by a centre whose offer stands (offered or accepted). */
  freeSeats: number;
}

/**
 * The best replacement for a freed seat, with the centres whose offers stand held fixed (DESIGN §6
 * re-solved from them): the best-ranked candidate that keeps every cap, unless the seats left are all
 * needed to bring regions below their minimum up to it (each minimum lowered, as in the selection,
 * to what the region's candidates can reach within the caps); then the best-ranked candidate of such
 * a region. This is the first member, by rank, of the lexicographically best completion of the
 * held centres, so promoting one at a time yields that completion.
 */
export function proposeReplacement(
  held: readonly Seat[],
  candidates: readonly ReplacementCandidate[],
  constraints: Pick<CohortConstraints, 'size' | 'maxPerCountry' | 'maxPerRegion' | 'minPerRegion'>,
): ReplacementProposal {
  const freeSeats = Math.max(0, constraints.size - held.length);
  const countryCap = constraints.maxPerCountry ?? Infinity;
  const regionCap = (r: Region) => constraints.maxPerRegion?.[r] ?? Infinity;
  const perCountry = countBy(held, (s) => s.countryCode);
  const perRegion = countBy(held, (s) => s.region);
  const taken = (counts: Map<string, number>, key: string) => counts.get(key) ?? 0;
  const fits = (c: Seat) =>
    taken(perCountry, c.countryCode) < countryCap && taken(perRegion, c.region) < regionCap(c.region);

  // What each region can still add within the caps: per country what its cap leaves, summed, within the region's.
  const candidatesPerCountry = countBy(candidates, (c) => c.countryCode);
  const regionOfCountry = new Map(candidates.map((c) => [c.countryCode, c.region]));
  const addable = new Map<Region, number>();
  for (const [country, count] of candidatesPerCountry) {
    const region = regionOfCountry.get(country)!;
    const room = Math.max(0, Math.min(count, countryCap - taken(perCountry, country)));
    addable.set(region, (addable.get(region) ?? 0) + room);
  }
  const shortBy = new Map<Region, number>();
  for (const [region, room] of addable) {
    const reachable = Math.min(room, Math.max(0, regionCap(region) - taken(perRegion, region)));
    const deficit = (constraints.minPerRegion?.[region] ?? 0) - taken(perRegion, region);
    if (deficit > 0 && reachable > 0) shortBy.set(region, Math.min(deficit, reachable));
  }
  const seatsNeededByMinimums = [...shortBy.values()].reduce((sum, n) => sum + n, 0);
  const reserved = freeSeats > 0 && seatsNeededByMinimums >= freeSeats;

  const passedOver: ReplacementProposal['passedOver'] = [];
  if (freeSeats === 0) return { proposed: null, passedOver, freeSeats };
  for (const candidate of candidates) {
    if (taken(perCountry, candidate.countryCode) >= countryCap) {
      passedOver.push({ applicationId: candidate.applicationId, reason: 'COUNTRY_CAP' });
    } else if (!fits(candidate)) {
      passedOver.push({ applicationId: candidate.applicationId, reason: 'REGION_CAP' });
    } else if (reserved && !shortBy.has(candidate.region)) {
      passedOver.push({ applicationId: candidate.applicationId, reason: 'SEAT_RESERVED_FOR_REGION' });
    } else {
      return { proposed: candidate.applicationId, passedOver, freeSeats };
    }
  }
  return { proposed: null, passedOver, freeSeats };
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
