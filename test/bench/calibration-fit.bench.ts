/**
 * Times the calibrated fit (issue 16, libs/scoring/src/domain/calibration.ts) on a synthetic call of
 * 100,000 applications × 3 evaluators drawn from 2,000 (true quality, evaluator bias and noise from
 * a seeded generator), beside the floor in the same run: one bare pass over the same evaluations in
 * typed arrays computing each application's raw mean. The fit costs two such passes per conjugate
 * gradient iteration plus the indexing (a sort of the totals by ids) and the final means, so one
 * iteration should cost a small multiple of the floor at any size (O(nnz), no dense matrix). It also times a few bootstrap
 * replicates, to extrapolate the cost of the default 1,000. Pure computation: no database.
 *
 *   npx ts-node --transpile-only -r tsconfig-paths/register test/bench/calibration-fit.bench.ts [applications]
 */
import { performance } from 'node:perf_hooks';
import { CALIBRATION_TOLERANCE, fitCalibration } from '../../libs/scoring/src/domain/calibration';
import { solveBiases } from '../../libs/scoring/src/domain/calibration-solver';
import { bootstrapRanks } from '../../libs/scoring/src/domain/calibration-bootstrap';
import { seededRandom } from './seeded-random';

const APPLICATIONS = Number(process.argv[2] ?? 100_000);
const EVALUATORS = 2_000;
const PER_APPLICATION = 3;
const RUNS = 3;
const REPLICATES = 5;

function syntheticCall() {
  const random = seededRandom(16);
  const bias = Array.from({ length: EVALUATORS }, () => (random() - 0.5) * 20);
  const totals = [];
  for (let a = 0; a < APPLICATIONS; a++) {
    const quality = 20 + random() * 70;
    const chosen = new Set<number>();
    while (chosen.size < PER_APPLICATION) chosen.add(Math.floor(random() * EVALUATORS));
    for (const e of chosen) {
      const total = Math.min(100, Math.max(0, quality + bias[e] + (random() - 0.5) * 16));
      totals.push({ applicationId: `app-${String(a).padStart(6, '0')}`, evaluatorId: `ev-${e}`, total });
    }
  }
  return totals;
}

/** The floor: each application's mean over the evaluations, already grouped, in one pass. */
function floor(starts: Int32Array, values: Float64Array): Float64Array {
  const means = new Float64Array(starts.length - 1);
  for (let a = 0; a + 1 < starts.length; a++) {
    let sum = 0;
    for (let i = starts[a]; i < starts[a + 1]; i++) sum += values[i];
    means[a] = sum / (starts[a + 1] - starts[a]);
  }
  return means;
}

function best(run: () => void): number {
  let fastest = Infinity;
  for (let k = 0; k < RUNS; k++) {
    const start = performance.now();
    run();
    fastest = Math.min(fastest, performance.now() - start);
  }
  return fastest;
}

function main(): void {
  const totals = syntheticCall();
  let fit = fitCalibration(totals);
  const fitMs = best(() => (fit = fitCalibration(totals)));
  const { applicationStart, totals: values } = fit.graph;
  const floorMs = best(() => floor(applicationStart, values));
  const options = { ridge: fit.ridge, tolerance: CALIBRATION_TOLERANCE, maxIterations: 10_000 };
  const solveMs = best(() => solveBiases(fit.graph, values, options));
  const applications = fit.applications.map((a) => ({ id: a.applicationId, submittedAt: new Date(0), rankable: true }));
  const bootstrapMs = best(() =>
    bootstrapRanks(fit, applications, { cohortSize: 20, seed: 1, replicates: REPLICATES }),
  );
  console.log(
    `${APPLICATIONS} applications × ${PER_APPLICATION} of ${EVALUATORS} evaluators (${totals.length} totals)`,
  );
  console.log(
    `fit (λ = ${fit.ridge}): ${fitMs.toFixed(0)} ms, ${fit.iterations} CG iterations, residual ${fit.relativeResidual.toExponential(1)}`,
  );
  console.log(
    `  of which the CG solve: ${solveMs.toFixed(0)} ms, ${(solveMs / fit.iterations).toFixed(1)} ms per iteration`,
  );
  console.log(`floor (one pass of raw means over the indexed totals): ${floorMs.toFixed(1)} ms`);
  console.log(
    `ratios: fit ${(fitMs / floorMs).toFixed(0)}×, one CG iteration ${(solveMs / fit.iterations / floorMs).toFixed(1)}× the floor`,
  );
  console.log(
    `bootstrap: ${(bootstrapMs / REPLICATES).toFixed(0)} ms per replicate, about ${(bootstrapMs / REPLICATES).toFixed(0)} s for 1,000`,
  );
}

main();
