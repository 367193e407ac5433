import fc from 'fast-check';
import { seededRandom } from '@app/platform/random/seeded-random';
import { roundDependently } from './dependent-rounding';

const D = 10;
const uniformFrom = (seed: number) => {
  const random = seededRandom(seed);
  return () => random.nextUint32() / 4294967296;
};

/** Bipartite graphs of up to 5 + 5 vertices, each pair an edge or not, with values in tenths. */
const graphs = fc
  .array(fc.option(fc.integer({ min: 0, max: D }), { freq: 2 }), { minLength: 25, maxLength: 25 })
  .map((cells) =>
    cells.flatMap((units, k) => (units === null ? [] : [{ left: Math.floor(k / 5), right: k % 5, units }])),
  );

describe('roundDependently', () => {
  it('keeps integral edges and rounds every degree down or up', () => {
    fc.assert(
      fc.property(graphs, fc.integer(), (edges, seed) => {
        const chosen = roundDependently(edges, 5, 5, D, uniformFrom(seed));
        edges.forEach((e, k) => {
          if (e.units === 0) expect(chosen[k]).toBe(false);
          if (e.units === D) expect(chosen[k]).toBe(true);
        });
        for (const side of ['left', 'right'] as const) {
          for (let v = 0; v < 5; v++) {
            const incident = edges.map((e, k) => ({ e, k })).filter(({ e }) => e[side] === v);
            const fractional = incident.reduce((s, { e }) => s + e.units, 0) / D;
            const degree = incident.filter(({ k }) => chosen[k]).length;
            expect(degree).toBeGreaterThanOrEqual(Math.floor(fractional));
            expect(degree).toBeLessThanOrEqual(Math.ceil(fractional));
          }
        }
      }),
      { seed: 20_260_440, numRuns: 300 },
    );
  });

  it('chooses each edge with its value as probability', () => {
    // A 2 × 3 graph with rows summing to 1.5 and 1, so that paths and cycles both occur.
    const edges = [
      { left: 0, right: 0, units: 7 },
      { left: 0, right: 1, units: 5 },
      { left: 0, right: 2, units: 3 },
      { left: 1, right: 0, units: 2 },
      { left: 1, right: 1, units: 4 },
      { left: 1, right: 2, units: 4 },
    ];
    const draws = 4000;
    const counts = edges.map(() => 0);
    const uniform = uniformFrom(99);
    for (let n = 0; n < draws; n++)
      roundDependently(edges, 2, 3, D, uniform).forEach((c, k) => (counts[k] += c ? 1 : 0));
    const tolerance = 4.5 * Math.sqrt(0.25 / draws);
    counts.forEach((count, k) => expect(Math.abs(count / draws - edges[k].units / D)).toBeLessThan(tolerance));
  });
});
