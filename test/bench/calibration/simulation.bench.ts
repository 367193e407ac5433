/**
 * How well raw, z-score and calibrated scores recover a known truth (issue 16 item 5): synthetic
 * rounds (./scenarios) with true quality, evaluator habits and noise, scored by the platform's own
 * pure functions — scoreCall for raw and z-scores (§5.1–5.6), fitCalibration and its point ranking
 * for calibrated scores, bootstrapRanks for the calibrated 90% rank intervals — and compared with the
 * truth (./metrics): Spearman's correlation of the scores with the true quality, the share of the true
 * top K ranked in the first K, the mean absolute rank error, and the share of the rank intervals that
 * hold the true rank. Means over ROUNDS rounds per scenario, each its own seed; deterministic.
 * In (a)–(c) the evaluators' habits are drawn N(0, 1) on the 0–10 scale (10 points of the total) and
 * each evaluator's reading of an application wanders by 0.8 (8 points); (d) has the demo's habits and
 * no such reading. A second table breaks the coverage down by true rank, with the shrinkage
 * of the qualities the replicates are drawn around (shrinkageFactor).
 *
 *   npm run bench:calibration [-- rounds replicates]
 */
import { performance } from 'node:perf_hooks';
import { fitCalibration } from '../../../libs/scoring/src/domain/calibration';
import {
  bootstrapRanks,
  calibratedRankOrder,
  noiseVariance,
  shrinkageFactor,
} from '../../../libs/scoring/src/domain/calibration-bootstrap';
import { evaluatorTotal, scoreCall } from '../../../libs/scoring/src/domain/scoring';
import type { Normalization } from '../../../libs/scoring/src/domain/scoring.types';
import {
  intervalCoverage,
  meanAbsoluteRankError,
  meanAndStandardError,
  spearman,
  topKOverlap,
  trueRanks,
} from './metrics';
import {
  CRITERIA,
  DEMO_BIASES,
  SCALE,
  type ScenarioShape,
  simulatedNoiseSpread,
  type SyntheticRound,
  syntheticRound,
} from './scenarios';

const ROUNDS = Number(process.argv[2] ?? 100);
const REPLICATES = Number(process.argv[3] ?? 200);
/** K: the demo call's cohort size, in every scenario. */
const K = 17;

const LARGE = { applications: 200, evaluators: 20, perApplication: 3, biasSpread: 1, readingSpread: 0.8 };

const SCENARIOS: ScenarioShape[] = [
  {
    key: '(a) uniform',
    description: '200 applications, 20 evaluators, 3 each, batches at random',
    ...LARGE,
    strongBatch: false,
  },
  {
    key: '(b) strong batch',
    description: 'as (a), but evaluator 0 draws its 30 from the best third',
    ...LARGE,
    strongBatch: true,
  },
  {
    key: '(c) sparse',
    description: '200 applications, 40 evaluators, 2 each (10 per evaluator)',
    ...LARGE,
    evaluators: 40,
    perApplication: 2,
    strongBatch: false,
  },
  {
    key: '(d) demo',
    description: "44 applications, the demo's 12 evaluators and their habits, 3 each",
    applications: 44,
    evaluators: 12,
    perApplication: 3,
    biases: DEMO_BIASES,
    biasSpread: 0,
    readingSpread: 0,
    strongBatch: false,
  },
];

const METHODS = ['raw', 'z-score', 'calibrated'] as const;
type Method = (typeof METHODS)[number];

interface RoundResult {
  spearman: number;
  topK: number;
  rankError: number;
}

/** The calibrated intervals' coverage, by band of true rank, and what it depends on. */
interface CoverageResult {
  coverage: number;
  width: number;
  topK: number;
  middleHalf: number;
  bottomQuarter: number;
  /** σ̂, the noise the bootstrap resamples, in points. */
  noise: number;
  /** Standard deviation of the fitted qualities over that of the true ones (both in points). */
  spreadRatio: number;
  /** The factor c by which the bootstrap shrinks q̂ towards its mean. */
  shrinkage: number;
}

interface Evaluated {
  methods: Record<Method, RoundResult>;
  intervals: CoverageResult;
}

function scoreWith(round: SyntheticRound, normalization: Normalization) {
  return scoreCall({
    criteria: CRITERIA,
    scale: SCALE,
    normalization,
    disagreementThreshold: 30,
    applications: round.applications,
    evaluations: round.evaluations,
  }).applications;
}

function standardDeviation(values: readonly number[]): number {
  const mean = values.reduce((sum, v) => sum + v, 0) / values.length;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length);
}

function evaluate(round: SyntheticRound, seed: number): Evaluated {
  const ids = round.applications.map((a) => a.id);
  const truth = trueRanks(ids, round.trueQuality);
  const trueQuality = new Map(ids.map((id, i) => [id, round.trueQuality[i]]));
  const versus = (ranking: string[], scores: Map<string, number>): RoundResult => ({
    spearman: spearman(
      ids.map((id) => scores.get(id) as number),
      ids.map((id) => trueQuality.get(id) as number),
    ),
    topK: topKOverlap(ranking, truth, K),
    rankError: meanAbsoluteRankError(ranking, truth),
  });
  const raw = scoreWith(round, 'none');
  const zscore = scoreWith(round, 'zscore');
  // evaluatorTotal is the §5.1 total scoreCall computes for each evaluation.
  const totals = round.evaluations.map((e) => ({
    applicationId: e.applicationId,
    evaluatorId: e.evaluatorId,
    total: evaluatorTotal(CRITERIA, SCALE, e.scores),
  }));
  const fit = fitCalibration(totals);
  if (fit.components.length !== 1) throw new Error(`The graph has ${fit.components.length} components.`);
  const options = { cohortSize: K, seed, replicates: REPLICATES };
  const intervals = bootstrapRanks(fit, round.applications, options);
  const coverageWhere = (keep: (trueRank: number) => boolean) =>
    intervalCoverage(
      intervals.filter((u) => keep(truth.get(u.applicationId) as number)),
      truth,
    ).coverage;
  const n = ids.length;
  const { coverage, meanWidth } = intervalCoverage(intervals, truth);
  return {
    methods: {
      raw: versus(
        raw.map((s) => s.applicationId),
        new Map(raw.map((s) => [s.applicationId, s.rawScore])),
      ),
      'z-score': versus(
        zscore.map((s) => s.applicationId),
        new Map(zscore.map((s) => [s.applicationId, s.normalizedScore])),
      ),
      calibrated: versus(
        calibratedRankOrder(fit, round.applications),
        new Map(fit.applications.map((a) => [a.applicationId, a.score])),
      ),
    },
    intervals: {
      coverage,
      width: meanWidth,
      topK: coverageWhere((rank) => rank <= K),
      middleHalf: coverageWhere((rank) => rank > n / 4 && rank <= (3 * n) / 4),
      bottomQuarter: coverageWhere((rank) => rank > (3 * n) / 4),
      noise: Math.sqrt(noiseVariance(fit)),
      spreadRatio:
        standardDeviation(fit.applications.map((a) => a.quality)) /
        standardDeviation(fit.applications.map((a) => 10 * (trueQuality.get(a.applicationId) as number))),
      shrinkage: shrinkageFactor(fit),
    },
  };
}

const fixed = (digits: number) => (x: number) => x.toFixed(digits);
const percent = (x: number) => `${(100 * x).toFixed(1)}%`;
const withError = (values: number[], format: (x: number) => string) => {
  const { mean, standardError } = meanAndStandardError(values);
  return `${format(mean)} ± ${format(standardError)}`;
};
const meanOf = (values: number[]) => meanAndStandardError(values).mean;

function main(): void {
  const started = performance.now();
  const rows: string[][] = [];
  const coverageRows: string[][] = [];
  const differences: string[] = [];
  SCENARIOS.forEach((shape, s) => {
    const results = Array.from({ length: ROUNDS }, (_, r) => evaluate(syntheticRound(shape, 1000 * (s + 1) + r), r));
    const intervals = (pick: (x: CoverageResult) => number) => results.map((x) => pick(x.intervals));
    for (const method of METHODS) {
      const of = (pick: (x: RoundResult) => number) => results.map((x) => pick(x.methods[method]));
      const calibrated = method === 'calibrated';
      rows.push([
        shape.key,
        method,
        withError(
          of((x) => x.spearman),
          fixed(3),
        ),
        withError(
          of((x) => x.topK * K),
          fixed(1),
        ),
        withError(
          of((x) => x.rankError),
          fixed(1),
        ),
        calibrated
          ? withError(
              intervals((x) => x.coverage),
              percent,
            )
          : '—',
        calibrated
          ? withError(
              intervals((x) => x.width),
              fixed(1),
            )
          : '—',
      ]);
    }
    coverageRows.push([
      shape.key,
      percent(meanOf(intervals((x) => x.coverage))),
      percent(meanOf(intervals((x) => x.topK))),
      percent(meanOf(intervals((x) => x.middleHalf))),
      percent(meanOf(intervals((x) => x.bottomQuarter))),
      `${meanOf(intervals((x) => x.noise)).toFixed(2)} / ${simulatedNoiseSpread(shape).toFixed(2)}`,
      meanOf(intervals((x) => x.spreadRatio)).toFixed(3),
      meanOf(intervals((x) => x.shrinkage)).toFixed(3),
    ]);
    // Paired over the same rounds, so the standard error is that of the difference itself.
    const paired = (pick: (x: RoundResult) => number) =>
      results.map((x) => pick(x.methods.calibrated) - pick(x.methods['z-score']));
    differences.push(
      `${shape.key}: calibrated − z-score: Spearman ${withError(
        paired((x) => x.spearman),
        fixed(3),
      )}, top-${K} ${withError(
        paired((x) => x.topK * K),
        fixed(2),
      )}, rank error ${withError(
        paired((x) => x.rankError),
        fixed(2),
      )}`,
    );
  });
  console.log(
    `${ROUNDS} rounds per scenario, ${REPLICATES} bootstrap replicates per round, K = ${K}; mean ± standard error`,
  );
  for (const shape of SCENARIOS) console.log(`  ${shape.key}: ${shape.description}`);
  console.log();
  printTable(
    [
      'scenario',
      'method',
      'Spearman ρ',
      `top-${K} overlap (of ${K})`,
      'mean absolute rank error',
      '90% interval coverage',
      'mean interval width (ranks)',
    ],
    rows,
  );
  console.log();
  for (const line of differences) console.log(line);
  console.log('\nCoverage of the calibrated 90% rank intervals by true rank, and what it rests on:\n');
  printTable(
    [
      'scenario',
      'all',
      `true rank ≤ ${K}`,
      'middle half',
      'bottom quarter',
      'σ̂ / simulated σ (points)',
      'sd q̂ / sd true q',
      'shrinkage c',
    ],
    coverageRows,
  );
  console.log(`\n${((performance.now() - started) / 1000).toFixed(0)} s`);
}

/** A Markdown table, columns padded. */
function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
  console.log(line(header));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const row of rows) console.log(line(row));
}

main();
