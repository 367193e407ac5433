/**
 * Polls until a condition holds; fails with what it was waiting for once the time is up. The
 * platform does its background work asynchronously (the worker), so the demo waits on what the
 * API reports rather than on fixed sleeps.
 */
export async function until<T>(
  what: string,
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  options: { timeoutMs: number; intervalMs?: number; onProbe?: (value: T) => void },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await probe();
    options.onProbe?.(value);
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Gave up after ${options.timeoutMs / 1000} s waiting for ${what}.`);
    await sleep(options.intervalMs ?? 250);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
