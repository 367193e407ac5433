import { proposeReplacement, type ReplacementCandidate, type Seat } from '../replacement';
import type { Region } from '../selection.types';

/**
 * The definition, by brute force over every set of candidates that fills the free seats: the most
 * seats, then the most minimum seats met, then the best ranks in lexicographic order. The proposal
 * is that set's best-ranked member.
 */
export function bestCompletion(
  held: Seat[],
  candidates: ReplacementCandidate[],
  constraints: Parameters<typeof proposeReplacement>[2],
) {
  const free = Math.max(0, constraints.size - held.length);
  let best: { set: ReplacementCandidate[]; minimums: number } | null = null;
  for (let mask = 0; mask < 1 << candidates.length; mask++) {
    const set = candidates.filter((_, i) => mask & (1 << i));
    if (set.length > free) continue;
    const all = [...held, ...set];
    const count = (key: (s: Seat) => boolean) => all.filter(key).length;
    const newCountries = new Set(set.map((s) => s.countryCode));
    const newRegions = new Set(set.map((s) => s.region));
    // Only the candidates added must respect the caps: held centres are as the cohort has them.
    const capsKept =
      [...newCountries].every((c) => count((s) => s.countryCode === c) <= (constraints.maxPerCountry ?? Infinity)) &&
      [...newRegions].every((r) => count((s) => s.region === r) <= (constraints.maxPerRegion?.[r] ?? Infinity));
    if (!capsKept) continue;
    const minimums = (['AFR', 'AMS', 'ARB', 'ASP', 'CIS', 'EUR'] as Region[]).reduce(
      (sum, r) =>
        sum +
        Math.min(
          count((s) => s.region === r),
          constraints.minPerRegion?.[r] ?? 0,
        ),
      0,
    );
    if (!best || better({ set, minimums }, best)) best = { set, minimums };
  }
  return best?.set[0]?.applicationId ?? null;
}

function better(
  a: { set: ReplacementCandidate[]; minimums: number },
  b: { set: ReplacementCandidate[]; minimums: number },
) {
  if (a.set.length !== b.set.length) return a.set.length > b.set.length;
  if (a.minimums !== b.minimums) return a.minimums > b.minimums;
  for (let i = 0; i < a.set.length; i++) if (a.set[i]!.rank !== b.set[i]!.rank) return a.set[i]!.rank < b.set[i]!.rank;
  return false;
}
