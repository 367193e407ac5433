/**
 * Times the pure cohort selection (DESIGN §6) on 100,000 ranked candidates from 190 countries in
 * the 6 regions, countries drawn with a skewed (Zipf-like) weight from a fixed seed, for a cohort of
 * 500 with maxPerCountry 5, two regional caps and four regional minimums. It only prints figures
 * (the median of several runs, after a warm-up); nothing is asserted.
 *
 *   npx ts-node --transpile-only -r tsconfig-paths/register test/bench/selection.bench.ts
 */
import { performance } from 'node:perf_hooks';
import { splitCandidates } from '../../libs/cohorts/src/domain/candidates';
import { decideInRankOrder } from '../../libs/cohorts/src/domain/greedy-selection';
import { selectCohort } from '../../libs/cohorts/src/domain/selection';
import type { ApplicationForSelection, CohortConstraints, Region } from '../../libs/cohorts/src/domain/selection.types';
import { seededRandom } from './seeded-random';

const CANDIDATES = 100_000;
const RUNS = 9;
const SEED = 20_251_201;
/** 190 countries; Europe and Africa have many, the CIS few. */
const COUNTRIES_PER_REGION: Record<Region, number> = { AFR: 44, AMS: 35, ARB: 21, ASP: 38, CIS: 9, EUR: 43 };
const CONSTRAINTS: CohortConstraints = {
  size: 500,
  maxPerCountry: 5,
  maxPerRegion: { EUR: 120, ASP: 110 },
  minPerRegion: { AFR: 110, ARB: 60, CIS: 40, AMS: 80 },
  waitlistSize: 50,
  evaluatorsPerApplication: 3,
};

/** Countries weighted 1/(k+1) by their place in a shuffled list: a few send most applications. */
function countryPicker(random: () => number): () => { countryCode: string; region: Region } {
  const countries = (Object.entries(COUNTRIES_PER_REGION) as Array<[Region, number]>).flatMap(([region, count]) =>
    Array.from({ length: count }, (_, i) => ({ countryCode: `${region}-${String(i).padStart(2, '0')}`, region })),
  );
  for (let i = countries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [countries[i], countries[j]] = [countries[j], countries[i]];
  }
  const cumulative: number[] = [];
  countries.reduce((sum, _, k) => (cumulative[k] = sum + 1 / (k + 1)), 0);
  const total = cumulative[cumulative.length - 1];
  return () => {
    const target = random() * total;
    let low = 0;
    for (let high = cumulative.length - 1; low < high;) {
      const middle = (low + high) >> 1;
      if (cumulative[middle] < target) low = middle + 1;
      else high = middle;
    }
    return countries[low];
  };
}

/** Ranked candidates in a shuffled input order, scores falling with rank as the ranking gives them. */
function instance(): ApplicationForSelection[] {
  const random = seededRandom(SEED);
  const pick = countryPicker(random);
  const applications = Array.from({ length: CANDIDATES }, (_, i): ApplicationForSelection => {
    const rank = i + 1;
    return {
      applicationId: `application-${String(rank).padStart(6, '0')}`,
      rank,
      score: 100 * (1 - rank / (CANDIDATES + 1)),
      ...pick(),
      status: 'submitted',
      eligible: true,
      evaluationCount: 3,
    };
  });
  for (let i = applications.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [applications[i], applications[j]] = [applications[j], applications[i]];
  }
  return applications;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Median, fastest and slowest of RUNS timed runs, after one untimed warm-up run. */
function time(work: () => unknown): { medianMs: number; minMs: number; maxMs: number } {
  work();
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const ms = (value: number) => Number(value.toFixed(1));
  return { medianMs: ms(times[Math.floor(RUNS / 2)]), minMs: ms(times[0]), maxMs: ms(times[RUNS - 1]) };
}

function main(): void {
  const applications = instance();
  const shuffledInput = time(() => selectCohort(applications, CONSTRAINTS));
  // The repository will likely read the ranking ORDER BY rank; the sort then has little to do.
  const inRankOrder = [...applications].sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  const rankOrderedInput = time(() => selectCohort(inRankOrder, CONSTRAINTS));
  // The greedy alone, without input checks, classification, sorting and building the 100,000 exclusions.
  const { candidates } = splitCandidates(inRankOrder, CONSTRAINTS);
  const greedyOnly = time(() => decideInRankOrder(candidates, CONSTRAINTS));
  const result = selectCohort(applications, CONSTRAINTS);
  const report = {
    candidates: CANDIDATES,
    countries: new Set(applications.map((a) => a.countryCode)).size,
    candidatesPerRegion: countBy(applications, (a) => a.region),
    constraints: CONSTRAINTS,
    runs: RUNS,
    shuffledInput,
    rankOrderedInput,
    greedyOnly,
    members: result.members.length,
    lastMemberRank: result.members[result.members.length - 1]?.rank,
    membersPerRegion: countBy(result.members, (m) => m.region),
    reasons: countBy(result.excluded, (e) => e.reason),
    waitlist: result.waitlist.length,
    unmetConstraints: result.unmetConstraints,
  };
  console.log(`selectCohort: ${shuffledInput.medianMs} ms (median of ${RUNS}, shuffled input)`);
  console.log(JSON.stringify(report, null, 2));
}

main();
