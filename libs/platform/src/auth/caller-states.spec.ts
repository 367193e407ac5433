import { AuthConfig } from './auth.config';
import { CallerState, CallerStates } from './caller-states';

const ACTIVE: CallerState = {
  role: 'secretariat',
  active: true,
  tokenVersion: 0,
  sessionLive: true,
  organisationId: null,
};

/** A source that counts its reads; a read may be held (`hold`) after it has read the state. */
function source(initial: CallerState | null = ACTIVE) {
  const db = {
    state: initial,
    reads: 0,
    hold: undefined as Promise<void> | undefined,
    read: async () => {
      db.reads++;
      const [answer, hold] = [db.state, db.hold];
      db.hold = undefined;
      await hold;
      return answer;
    },
  };
  return db;
}

function callerStates(cacheMs: number) {
  return new CallerStates({ TOKEN_STATE_CACHE_MS: cacheMs } as AuthConfig);
}

describe('CallerStates', () => {
  it('accepts no token before a source is registered', async () => {
    await expect(callerStates(3000).current('u', 's')).resolves.toBeUndefined();
  });

  it('reads a caller once per cache time, and on every request when the cache time is 0', async () => {
    const cached = callerStates(60_000);
    const db = source();
    cached.useSource(db);
    await cached.current('u', 's');
    await expect(cached.current('u', 's')).resolves.toEqual(ACTIVE);
    expect(db.reads).toBe(1);

    const uncached = callerStates(0);
    const uncachedDb = source();
    uncached.useSource(uncachedDb);
    await uncached.current('u', 's');
    await uncached.current('u', 's');
    expect(uncachedDb.reads).toBe(2);
  });

  it('reads again at once after the user or the session is forgotten, and only that one', async () => {
    const states = callerStates(60_000);
    const db = source();
    states.useSource(db);
    await Promise.all([states.current('u', 's1'), states.current('u', 's2'), states.current('v', 's3')]);

    db.state = { ...ACTIVE, role: 'evaluator' };
    states.forgetUser('u');
    await expect(states.current('u', 's1')).resolves.toMatchObject({ role: 'evaluator' });
    await expect(states.current('u', 's2')).resolves.toMatchObject({ role: 'evaluator' });
    await expect(states.current('v', 's3')).resolves.toMatchObject({ role: 'secretariat' });

    db.state = null;
    states.forgetSession('u', 's1');
    await expect(states.current('u', 's1')).resolves.toBeNull();
    await expect(states.current('u', 's2')).resolves.toMatchObject({ role: 'evaluator' });
  });

  it('does not keep what a read begun before a change answered', async () => {
    const states = callerStates(60_000);
    const db = source();
    states.useSource(db);
    let release = () => undefined as void;
    db.hold = new Promise((resolve) => (release = resolve));
    const stale = states.current('u', 's');
    db.state = { ...ACTIVE, active: false };
    states.forgetUser('u');
    release();
    await expect(stale).resolves.toEqual(ACTIVE);

    await expect(states.current('u', 's')).resolves.toMatchObject({ active: false });
  });
});
