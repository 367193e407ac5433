/** Waiting helpers of the suites: conditions polled, never fixed sleeps. */

/** Polls a condition until it holds or the time is up; answers the last value read. */
export async function eventually<T>(
  read: () => Promise<T>,
  holds: (value: T) => boolean,
  timeoutMs = 60_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (holds(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Runs `work` over the items, at most `width` at a time; answers the results in the items' order. */
export async function inPool<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  });
  await Promise.all(lanes);
  return results;
}

/** Runs `create` with the given environment variables set, restoring them afterwards. */
export async function withEnv<T>(env: Record<string, string>, create: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((key) => [key, process.env[key]]));
  Object.assign(process.env, env);
  try {
    return await create();
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

/**
 * Runs the steps of a suite's close one after the other, going on past a step that fails or has not
 * ended within `limitMs`, and then fails naming those: a close that hangs would otherwise hold its suite
 * until the hook's timeout without saying which part hung, and one that fails would leave the later
 * steps (a server to stop, a turn to release) undone.
 */
export async function closeInTurn(steps: Array<[name: string, step: () => Promise<unknown>]>, limitMs = 60_000) {
  const problems: string[] = [];
  for (const [name, step] of steps) {
    let timer: NodeJS.Timeout | undefined;
    const limit = new Promise<string>(
      (resolve) => (timer = setTimeout(() => resolve(`did not end within ${limitMs / 1000} s`), limitMs)),
    );
    const problem = await Promise.race([
      step().then(
        () => undefined,
        (error: unknown) => `failed: ${error instanceof Error ? error.message : String(error)}`,
      ),
      limit,
    ]).finally(() => clearTimeout(timer));
    if (problem) problems.push(`${name} ${problem}`);
  }
  if (problems.length > 0) throw new Error(problems.join('; '));
}
