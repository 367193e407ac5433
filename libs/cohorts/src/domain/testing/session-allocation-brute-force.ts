import type { AllocationRequest, AllocationRule, AllocationSession } from '../session-allocation';

/** An allocation problem: the call's sessions, the replies' requests, the rule. */
export interface Instance {
  sessions: AllocationSession[];
  requests: AllocationRequest[];
  rule: AllocationRule;
}

/** The processing order, restated independently: a sort key compared component by component. */
export function expectedOrder({ requests, rule }: Instance): AllocationRequest[] {
  const classIndex = (c: string | null) => {
    if (rule.rule === 'receipt') return 0;
    const i = c === null ? -1 : rule.classes.indexOf(c);
    return i < 0 ? rule.classes.length : i;
  };
  const key = (r: AllocationRequest) => [classIndex(r.priorityClass), r.receivedAt.getTime()] as const;
  return [...requests].sort((x, y) => {
    const [a, b] = [key(x), key(y)];
    if (a[0] !== b[0]) return a[0] - b[0];
    if (a[1] !== b[1]) return a[1] - b[1];
    return x.replyId === y.replyId ? 0 : x.replyId < y.replyId ? -1 : 1;
  });
}

/**
 * Every feasible allocation (each request gets one of its known preferences or none, within
 * capacities and the country limit per session), keeping the lexicographically smallest vector of
 * preference ranks in processing order (none = +∞). Returns the chosen session per request.
 */
export function bruteForce(instance: Instance): (string | null)[] {
  const ordered = expectedOrder(instance);
  const capacity = new Map(instance.sessions.map((s) => [s.key, s.capacity]));
  const limit = instance.rule.maxPerCountry ?? Infinity;
  const chosen: (string | null)[] = [];
  const ranks: number[] = [];
  let best: { ranks: number[]; chosen: (string | null)[] } | null = null;
  const fits = (key: string, country: string) => {
    const holders = ordered.filter((_, i) => chosen[i] === key);
    return holders.length < (capacity.get(key) ?? 0) && holders.filter((r) => r.countryCode === country).length < limit;
  };
  const better = (a: number[], b: number[]) => {
    const i = a.findIndex((r, k) => r !== b[k]);
    return i >= 0 && a[i] < b[i];
  };
  const visit = (i: number): void => {
    if (i === ordered.length) {
      if (best === null || better(ranks, best.ranks)) best = { ranks: [...ranks], chosen: [...chosen] };
      return;
    }
    const options: Array<[string | null, number]> = ordered[i].preferences
      .map((key, k): [string, number] => [key, k + 1])
      .filter(([key]) => capacity.has(key));
    for (const [key, rank] of [...options, [null, Infinity] as [null, number]]) {
      if (key !== null && !fits(key, ordered[i].countryCode)) continue;
      chosen[i] = key;
      ranks[i] = rank;
      visit(i + 1);
    }
    chosen.length = i;
    ranks.length = i;
  };
  visit(0);
  return (best as { chosen: (string | null)[] } | null)?.chosen ?? [];
}
