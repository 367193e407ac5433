/**
 * The evaluator–application graph a calibration is fitted on: every submitted total is an edge
 * between its application and its evaluator. Applications, evaluators and evaluations are indexed
 * in id order (applications, then evaluators within an application), so that every later loop runs
 * in one fixed order and a fit is the same to the bit whatever the order of its input.
 */
import { InvalidScoringInputError } from './scoring.errors';
import { compareIds } from './statistics';

/** One evaluator's total T (0–100, §5.1) for one application. */
export interface CalibrationTotal {
  applicationId: string;
  evaluatorId: string;
  total: number;
}

export interface CalibrationGraph {
  /** Application ids in id order; index a. */
  applicationIds: readonly string[];
  /** Evaluator ids in id order; index e. */
  evaluatorIds: readonly string[];
  /** Per evaluation i, sorted by (application id, evaluator id): its application's index. */
  applicationOf: Int32Array;
  /** Per evaluation i: its evaluator's index. */
  evaluatorOf: Int32Array;
  /** Per evaluation i: its total. */
  totals: Float64Array;
  /** Application a's evaluations are i in [applicationStart[a], applicationStart[a + 1]). */
  applicationStart: Int32Array;
  /** n_e, the number of evaluations of evaluator e. */
  evaluatorLoad: Int32Array;
  /** Connected component of each application, numbered 0, 1, … in order of their first application. */
  applicationComponent: Int32Array;
  /** Connected component of each evaluator (the component of its applications). */
  evaluatorComponent: Int32Array;
  componentCount: number;
}

/** Indexes the totals; a non-finite total or an application evaluated twice by one evaluator is a bug upstream. */
export function buildCalibrationGraph(totals: readonly CalibrationTotal[]): CalibrationGraph {
  const sorted = [...totals].sort(
    (x, y) => compareIds(x.applicationId, y.applicationId) || compareIds(x.evaluatorId, y.evaluatorId),
  );
  const applicationIds = distinctSorted(sorted.map((t) => t.applicationId));
  const evaluatorIds = distinctSorted(sorted.map((t) => t.evaluatorId));
  const evaluatorIndex = new Map(evaluatorIds.map((id, e) => [id, e]));
  const count = sorted.length;
  const applicationOf = new Int32Array(count);
  const evaluatorOf = new Int32Array(count);
  const values = new Float64Array(count);
  const applicationStart = new Int32Array(applicationIds.length + 1);
  const evaluatorLoad = new Int32Array(evaluatorIds.length);
  let a = -1;
  sorted.forEach((t, i) => {
    if (!Number.isFinite(t.total)) throw new InvalidScoringInputError(`Total ${t.total} is not a number.`);
    const previous = sorted[i - 1];
    if (previous?.applicationId === t.applicationId && previous.evaluatorId === t.evaluatorId) {
      throw new InvalidScoringInputError(`Evaluator ${t.evaluatorId} evaluated ${t.applicationId} twice.`);
    }
    if (previous?.applicationId !== t.applicationId) applicationStart[++a] = i;
    const e = evaluatorIndex.get(t.evaluatorId) as number; // every evaluator of a total was indexed
    applicationOf[i] = a;
    evaluatorOf[i] = e;
    values[i] = t.total;
    evaluatorLoad[e]++;
  });
  applicationStart[applicationIds.length] = count;
  const components = connectedComponents(applicationIds.length, evaluatorIds.length, applicationOf, evaluatorOf);
  return {
    applicationIds,
    evaluatorIds,
    applicationOf,
    evaluatorOf,
    totals: values,
    applicationStart,
    evaluatorLoad,
    ...components,
  };
}

function distinctSorted(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort(compareIds);
}

/**
 * Union–find over the A + E nodes (evaluator e is node A + e), with path halving and union by
 * size. Components are then numbered in order of their first application, which is independent of
 * how the unions happened to pick roots.
 */
function connectedComponents(
  applicationCount: number,
  evaluatorCount: number,
  applicationOf: Int32Array,
  evaluatorOf: Int32Array,
): Pick<CalibrationGraph, 'applicationComponent' | 'evaluatorComponent' | 'componentCount'> {
  const parent = Int32Array.from({ length: applicationCount + evaluatorCount }, (_, node) => node);
  const size = new Int32Array(parent.length).fill(1);
  const find = (node: number): number => {
    let current = node;
    while (parent[current] !== current) {
      parent[current] = parent[parent[current]];
      current = parent[current];
    }
    return current;
  };
  for (let i = 0; i < applicationOf.length; i++) {
    let x = find(applicationOf[i]);
    let y = find(applicationCount + evaluatorOf[i]);
    if (x === y) continue;
    if (size[x] < size[y]) [x, y] = [y, x];
    parent[y] = x;
    size[x] += size[y];
  }
  const numberOfRoot = new Map<number, number>();
  const applicationComponent = new Int32Array(applicationCount);
  for (let a = 0; a < applicationCount; a++) {
    const root = find(a);
    if (!numberOfRoot.has(root)) numberOfRoot.set(root, numberOfRoot.size);
    applicationComponent[a] = numberOfRoot.get(root) as number;
  }
  // Every evaluator has an evaluation, so its root is the root of some application's component.
  const evaluatorComponent = Int32Array.from({ length: evaluatorCount }, (_, e) => {
    return numberOfRoot.get(find(applicationCount + e)) as number;
  });
  return { applicationComponent, evaluatorComponent, componentCount: numberOfRoot.size };
}
