/**
 * xoshiro128** (Blackman and Vigna, 2018), seeded through splitmix32, so that a random draw (a
 * scoring bootstrap, a randomised assignment) is the same for the same seed on every platform:
 * Math.random cannot be seeded, and a published result must be recomputable by anyone from its seed.
 * Pure: two contexts' domains draw from it.
 */
export interface SeededRandom {
  /** The next 32-bit output, an unsigned integer in [0, 2³²). */
  nextUint32(): number;
  /**
   * An integer in [0, n), as floor(u · n) with u = nextUint32() / 2³². Its bias is below n / 2³²
   * per draw (under 2.4e-7 for a million residuals), far under the bootstrap's own sampling error.
   */
  nextIndex(n: number): number;
}

/** splitmix32 step (Steele, Lea and Flood's splitmix, 32-bit constants), to spread a small seed over the state. */
function splitmix32(state: number): [next: number, output: number] {
  const next = (state + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

/** A generator for an integer seed; seeds are taken modulo 2³² (any safe integer is accepted). */
export function seededRandom(seed: number): SeededRandom {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`The seed ${seed} is not a safe integer.`);
  let mix = Number(BigInt.asUintN(32, BigInt(seed))) | 0;
  const state: number[] = [];
  for (let i = 0; i < 4; i++) [mix, state[i]] = splitmix32(mix);
  // The all-zero state is the one state xoshiro never leaves; splitmix32 cannot give four zero outputs in a row.
  return xoshiro128StarStar(state);
}

/** The generator from an explicit state of four 32-bit words (exported so its published test vector can be checked). */
export function xoshiro128StarStar(initial: readonly number[]): SeededRandom {
  if (initial.length !== 4 || initial.every((word) => word >>> 0 === 0)) {
    throw new RangeError('xoshiro128** needs four words, not all zero.');
  }
  const state = Uint32Array.from(initial, (word) => word >>> 0);
  const rotl = (x: number, k: number) => (x << k) | (x >>> (32 - k));
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(state[1], 5), 7), 9) >>> 0;
    const t = state[1] << 9;
    state[2] ^= state[0];
    state[3] ^= state[1];
    state[1] ^= state[2];
    state[0] ^= state[3];
    state[2] ^= t;
    state[3] = rotl(state[3], 11);
    return result;
  };
  return {
    nextUint32,
    nextIndex: (n: number) => Math.floor((nextUint32() / 4294967296) * n),
  };
}
