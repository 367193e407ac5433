import { BoundedConcurrency } from './bounded-concurrency';

/** A task that finishes when the test says so. */
function gate(): { task: () => Promise<string>; open: (value: string) => void; started: () => boolean } {
  let open: (value: string) => void = () => undefined;
  let started = false;
  const done = new Promise<string>((resolve) => (open = resolve));
  return {
    task: () => {
      started = true;
      return done;
    },
    open: (value) => open(value),
    started: () => started,
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('BoundedConcurrency', () => {
  const busy = () => new Error('busy');

  it('runs up to its concurrency, queues up to its limit and refuses beyond both', async () => {
    const slots = new BoundedConcurrency(2, 1, busy);
    const [a, b, c] = [gate(), gate(), gate()];
    const runs = [slots.run(a.task), slots.run(b.task), slots.run(c.task)];
    await flush();
    expect([a.started(), b.started(), c.started()]).toEqual([true, true, false]);
    await expect(slots.run(() => Promise.resolve('refused'))).rejects.toThrow('busy');

    a.open('a');
    await flush();
    expect(c.started()).toBe(true);
    b.open('b');
    c.open('c');
    await expect(Promise.all(runs)).resolves.toEqual(['a', 'b', 'c']);
  });

  it('frees the turn of a task that fails, and takes new tasks once all are done', async () => {
    const slots = new BoundedConcurrency(1, 0, busy);
    await expect(slots.run(() => Promise.reject(new Error('failed')))).rejects.toThrow('failed');
    await expect(slots.run(() => Promise.resolve('next'))).resolves.toBe('next');
    const a = gate();
    const running = slots.run(a.task);
    await expect(slots.run(() => Promise.resolve('refused'))).rejects.toThrow('busy');
    a.open('a');
    await expect(running).resolves.toBe('a');
    await expect(slots.run(() => Promise.resolve('free again'))).resolves.toBe('free again');
  });
});
