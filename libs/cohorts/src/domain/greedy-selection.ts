import type { CandidateRejection, CohortConstraints, Region } from './selection.types';

/**
 * Decides, candidate by candidate in rank order, whether the members so far plus this candidate
 * can still be completed to an optimal cohort: of the largest capped size N*, and satisfying the
 * most minimum seats Σ_r min(|S∩r|, m_r) any capped set can (the target).
 *
 * Countries nest in regions, so the capped sets are a laminar matroid. A region can hold, alone,
 *   attainable_r = min(maxPerRegion_r, Σ_{c in r} min(maxPerCountry, candidates_c)),
 * any number up to that independently of the others, hence N* = min(n, Σ_r attainable_r) and
 * target = min(n, Σ_r min(m_r, attainable_r)); both are reached at once, since adding members never
 * loses a seat.
 *
 * With the members S, need = N* − |S| seats left and short = target − Σ_r min(s_r, m_r) minimum seats
 * still to fill, and addable_r defined like attainable_r over the candidates not yet considered,
 * S can be completed iff Σ_r addable_r ≥ need and short ≤ min(need, Σ_r min((m_r − s_r)⁺, addable_r)).
 * The greedy keeps S completable, and for a candidate that fits every cap that test collapses:
 * - the size part always holds (matroid augmentation: S + x extends within what is left);
 * - in a region below its minimum, x fills one short seat with one seat and one addable unit of that
 *   region, so both sides drop by one: x is always taken;
 * - elsewhere only `need` drops, and the deficit sum already covers `short` (S is completable), so x
 *   can be taken iff short ≤ need − 1: some seat left is not needed by a short region.
 * So the check is O(1) per candidate, and a candidate that fits the caps yet is refused is refused
 * because every seat left is reserved for other regions' minimums: SEAT_RESERVED_FOR_REGION.
 * Once the cohort has N* < n members, every candidate left breaks a cap (the members are a maximal
 * capped set), so COHORT_FULL is kept for a cohort whose n seats are really all taken.
 */
export function decideInRankOrder(
  candidates: ReadonlyArray<{ countryCode: string; region: Region }>,
  constraints: CohortConstraints,
): { verdicts: Array<CandidateRejection | null>; attainable: Map<Region, number> } {
  const geography = indexGeography(candidates);
  const limits = limitsOf(geography, constraints);
  const countryTaken = new Int32Array(geography.candidatesPerCountry.length);
  const regionTaken = new Int32Array(geography.regions.length);
  const verdicts = new Array<CandidateRejection | null>(candidates.length);
  let size = 0;
  let secured = 0;
  for (let i = 0; i < candidates.length; i++) {
    const country = geography.countryOf[i];
    const region = geography.regionOf[country];
    const regionShort = regionTaken[region] < limits.minimum[region];
    if (size >= constraints.size) verdicts[i] = 'COHORT_FULL';
    else if (countryTaken[country] >= limits.countryCap) verdicts[i] = 'COUNTRY_CAP';
    else if (regionTaken[region] >= limits.regionCap[region]) verdicts[i] = 'REGION_CAP';
    else if (!regionShort && limits.targetSeats - secured >= limits.targetSize - size) {
      verdicts[i] = 'SEAT_RESERVED_FOR_REGION';
    } else {
      verdicts[i] = null;
      countryTaken[country] += 1;
      regionTaken[region] += 1;
      size += 1;
      if (regionShort) secured += 1;
    }
  }
  const attainable = new Map(geography.regions.map((r, index) => [r, limits.attainable[index]]));
  return { verdicts, attainable };
}

type Geography = ReturnType<typeof indexGeography>;

/** The caps and minimums per region index, what each region can reach alone, N* and the seat target. */
function limitsOf(geography: Geography, constraints: CohortConstraints) {
  const countryCap = constraints.maxPerCountry ?? Infinity;
  const regionCap = geography.regions.map((r) => constraints.maxPerRegion?.[r] ?? Infinity);
  const minimum = geography.regions.map((r) => constraints.minPerRegion?.[r] ?? 0);
  const attainable = regionCap.map(() => 0);
  geography.candidatesPerCountry.forEach((count, country) => {
    attainable[geography.regionOf[country]] += Math.min(countryCap, count);
  });
  attainable.forEach((sum, region) => (attainable[region] = Math.min(regionCap[region], sum)));
  const total = (values: number[]) => values.reduce((sum, value) => sum + value, 0);
  const targetSize = Math.min(constraints.size, total(attainable));
  const targetSeats = Math.min(constraints.size, total(minimum.map((m, region) => Math.min(m, attainable[region]))));
  return { countryCap, regionCap, minimum, attainable, targetSize, targetSeats };
}

/** Small integer indexes for countries and regions, so the loop reads typed arrays, not maps. */
function indexGeography(candidates: ReadonlyArray<{ countryCode: string; region: Region }>) {
  const countryIndex = new Map<string, number>();
  const regionIndex = new Map<Region, number>();
  const regionOf: number[] = [];
  const perCountry: number[] = [];
  const countryOf = new Int32Array(candidates.length);
  candidates.forEach(({ countryCode, region }, i) => {
    let country = countryIndex.get(countryCode);
    if (country === undefined) {
      country = regionOf.length;
      countryIndex.set(countryCode, country);
      if (!regionIndex.has(region)) regionIndex.set(region, regionIndex.size);
      regionOf.push(regionIndex.get(region) ?? 0);
      perCountry.push(0);
    }
    perCountry[country] += 1;
    countryOf[i] = country;
  });
  return { countryOf, regionOf, candidatesPerCountry: perCountry, regions: [...regionIndex.keys()] };
}
