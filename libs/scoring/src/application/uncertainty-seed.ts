import { createHash } from 'node:crypto';

/** Whether stored rank intervals are of the current inputs: `pending` before any was computed. */
export type UncertaintyStatus = 'current' | 'stale' | 'pending';

/**
 * The bootstrap's seed for a stage: the first 32 bits of SHA-256("<call id>/<stage>") as an unsigned
 * integer, so that the same kept totals of the same stage always give the same intervals, and anyone
 * can recompute them from the published totals. A weighted final ranking draws each resampled stage
 * from that stage's seed.
 */
export function uncertaintySeed(callId: string, stage: number): number {
  return parseInt(createHash('sha256').update(`${callId}/${stage}`).digest('hex').slice(0, 8), 16);
}

/**
 * Runs a bootstrap one replicate at a time, letting the event loop run (lock renewals, other jobs,
 * health checks) between two replicates; resolves to its result.
 */
export async function runYielding<T>(steps: Generator<number, T, void>): Promise<T> {
  let step = steps.next();
  while (step.done !== true) {
    await new Promise<void>((resolve) => setImmediate(resolve));
    step = steps.next();
  }
  return step.value;
}
