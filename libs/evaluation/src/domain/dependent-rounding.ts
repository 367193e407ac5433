/**
 * Dependent rounding on a bipartite graph (Gandhi, Khuller, Parthasarathy and Srinivasan, JACM
 * 2006; the sampler of Jecmen et al., NeurIPS 2020): turns edge values x ∈ [0, 1] into 0 or 1 so that
 *
 *   - each edge is 1 with probability exactly x (marginals kept),
 *   - each vertex's degree is its fractional degree Σ x rounded down or up (so a load that the
 *     fractional solution respects, an integer, is respected; a whole number of slots is filled exactly).
 *
 * Values are integers in units of 1/`denominator`, so every step is exact. While some edge is
 * fractional, take a cycle or a maximal path of fractional edges (the graph is bipartite, so a
 * cycle is even), alternately +1 and −1; shift by +α with probability β/(α+β) or by −β otherwise,
 * α and β the largest shifts keeping every value in [0, denominator]. The expected shift is 0, and
 * at least one edge becomes 0 or 1 at each step. Inner vertices keep their degree; a path's ends
 * have one fractional edge each, so their degrees stay between floor and ceiling.
 */
export function roundDependently(
  edges: ReadonlyArray<{ left: number; right: number; units: number }>,
  leftCount: number,
  rightCount: number,
  denominator: number,
  uniform: () => number,
): boolean[] {
  const values = edges.map((e) => e.units);
  const vertexCount = leftCount + rightCount;
  const ends = edges.map((e) => [e.left, leftCount + e.right] as const);
  const incident: number[][] = Array.from({ length: vertexCount }, () => []);
  const fractional = (edge: number) => values[edge] > 0 && values[edge] < denominator;
  ends.forEach(([l, r], edge) => {
    if (!fractional(edge)) return;
    incident[l].push(edge);
    incident[r].push(edge);
  });
  /** A fractional edge at `v` other than `except`, dropping the integral ones met on the way. */
  const nextEdge = (v: number, except: number): number => {
    const list = incident[v];
    for (let k = 0; k < list.length;) {
      if (!fractional(list[k])) {
        list[k] = list[list.length - 1];
        list.pop();
      } else if (list[k] === except) k++;
      else return list[k];
    }
    return -1;
  };
  const position = new Int32Array(vertexCount).fill(-1);
  for (let start = 0; start < vertexCount; start++) {
    while (nextEdge(start, -1) >= 0) {
      const walk = walkFrom(start, nextEdge, ends, position);
      shift(walk, values, denominator, uniform);
    }
  }
  return values.map((v) => v === denominator);
}

/** A cycle or a maximal path of fractional edges through `start`, as its edges in order. */
function walkFrom(
  start: number,
  nextEdge: (v: number, except: number) => number,
  ends: ReadonlyArray<readonly [number, number]>,
  position: Int32Array,
): number[] {
  let vertices = [start];
  let path: number[] = [];
  let reversed = false;
  position[start] = 0;
  try {
    for (;;) {
      const current = vertices[vertices.length - 1];
      const edge = nextEdge(current, path.length > 0 ? path[path.length - 1] : -1);
      if (edge < 0) {
        if (reversed) return path;
        // A dead end: go on from the start in the other direction.
        reversed = true;
        vertices = vertices.reverse();
        path = path.reverse();
        vertices.forEach((v, i) => (position[v] = i));
        continue;
      }
      const [l, r] = ends[edge];
      const next = l === current ? r : l;
      if (position[next] >= 0) return [...path.slice(position[next]), edge];
      position[next] = vertices.length;
      vertices.push(next);
      path.push(edge);
    }
  } finally {
    for (const v of vertices) position[v] = -1;
  }
}

function shift(walk: number[], values: number[], denominator: number, uniform: () => number): void {
  let up = Infinity; // α: the most the +1 edges can rise (and the −1 edges fall)
  let down = Infinity; // β: the most the +1 edges can fall (and the −1 edges rise)
  walk.forEach((edge, i) => {
    const room = denominator - values[edge];
    up = Math.min(up, i % 2 === 0 ? room : values[edge]);
    down = Math.min(down, i % 2 === 0 ? values[edge] : room);
  });
  const delta = uniform() * (up + down) < down ? up : -down;
  walk.forEach((edge, i) => (values[edge] += i % 2 === 0 ? delta : -delta));
}
