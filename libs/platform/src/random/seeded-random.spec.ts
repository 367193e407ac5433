import { seededRandom, xoshiro128StarStar } from './seeded-random';

describe('seededRandom', () => {
  it('is xoshiro128**: the reference implementation from state (1, 2, 3, 4) gives these outputs', () => {
    const random = xoshiro128StarStar([1, 2, 3, 4]);
    const outputs = Array.from({ length: 10 }, () => random.nextUint32());
    expect(outputs).toEqual([
      11520, 0, 5927040, 70819200, 2031721883, 1637235492, 1287239034, 3734860849, 3729100597, 4258142804,
    ]);
  });

  it('repeats itself for a seed and differs for another', () => {
    const draw = (seed: number) => {
      const random = seededRandom(seed);
      return Array.from({ length: 5 }, () => random.nextUint32());
    };
    expect(draw(42)).toEqual(draw(42));
    expect(draw(43)).not.toEqual(draw(42));
    expect(draw(0)).not.toEqual([0, 0, 0, 0, 0]);
  });

  it('draws indexes in [0, n), each about equally often', () => {
    const random = seededRandom(7);
    const counts = new Array<number>(10).fill(0);
    for (let k = 0; k < 100_000; k++) counts[random.nextIndex(10)]++;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it('refuses a seed that is not a safe integer and the all-zero state', () => {
    expect(() => seededRandom(0.5)).toThrow(RangeError);
    expect(() => xoshiro128StarStar([0, 0, 0, 0])).toThrow(RangeError);
  });
});
