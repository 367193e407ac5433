import { scoreCall } from '@app/scoring';
import { ApiClient } from './api-client';
import { DEMO_CALL, SHORTLIST_SIZE } from './demo-data';
import { DemoEvaluator } from './demo-panel';
import { RankedRow } from './scoring-round';
import { centreQuality } from './scores';
import { fit, heading, ordinal, table } from './text-table';

const METHODS = ['raw mean', 'z-score', 'calibrated'] as const;
type Method = (typeof METHODS)[number];

interface Evaluation {
  applicationId: string;
  evaluatorId: string;
  stage: number;
  status: string;
  scores: Array<{ criterionCode: string; score: number | null }>;
}

interface EvaluatorMarking {
  evaluatorId: string;
  displayName: string;
  mean: number;
  calibration: { bias: number; component: number } | null;
}

/** The written assessment as the platform ranked it (calibrated) beside z-scores and raw means of the same evaluations. */
export interface CalibrationComparison {
  ranking: RankedRow[];
  /** Rank by method, by application id; the calibrated one is the platform's. */
  ranks: Record<Method, Map<string, number>>;
  /** Rank by the centres' latent quality, which only the demo knows (./scores). */
  trueRanks: Map<string, number>;
  evaluators: Array<{ name: string; habit: number; batchMean: number; bias: number | null; component: number | null }>;
  callMean: number;
}

/**
 * Reads the stage-1 evaluations the platform holds (the secretariat's view of each application's
 * evaluations) and ranks them again by raw mean and by z-scores with the platform's own scoring
 * rules, so the summary can say how calibration changed the order and which order is nearer the
 * truth the demo drew its scores from.
 */
export async function compareNormalisations(
  api: ApiClient,
  secretariat: string,
  callId: string,
  ranking: RankedRow[],
  panel: ReadonlyArray<{ id: string; evaluator: DemoEvaluator }>,
  seed: number,
): Promise<CalibrationComparison> {
  const evaluations = (
    await Promise.all(
      ranking.map((row) =>
        api.request<{ items: Evaluation[] }>('GET', `/applications/${row.applicationId}/evaluations?limit=500`, {
          token: secretariat,
        }),
      ),
    )
  )
    .flatMap((page) => page.items)
    .filter((e) => e.stage === 1 && e.status === 'submitted');
  const scored = scoreCall({
    criteria: DEMO_CALL.criteria.map(({ code, weight }) => ({ code, weight })),
    scale: DEMO_CALL.scoring,
    normalization: 'zscore',
    disagreementThreshold: DEMO_CALL.scoring.disagreementThreshold,
    // The same submission time for all: ties, if any, fall to the id, the last of the platform's tie-breaks.
    applications: ranking.map((row) => ({ id: row.applicationId, submittedAt: new Date(0), rankable: true })),
    evaluations: evaluations.map((e) => ({
      applicationId: e.applicationId,
      evaluatorId: e.evaluatorId,
      scores: e.scores.map((s) => ({ criterionCode: s.criterionCode, score: s.score as number })),
    })),
  }).applications;
  const byScore = (score: (s: (typeof scored)[number]) => number) =>
    rankBy(
      scored.map((s) => s.applicationId),
      new Map(scored.map((s) => [s.applicationId, score(s)])),
    );
  const quality = new Map(ranking.map((row) => [row.applicationId, centreQuality(seed, row.organisation)]));
  const marking = await api.request<{ callMean: number | null; items: EvaluatorMarking[] }>(
    'GET',
    `/calls/${callId}/evaluator-statistics?stage=1`,
    { token: secretariat },
  );
  const members = new Map(panel.map((m) => [m.id, m.evaluator]));
  return {
    ranking,
    ranks: {
      'raw mean': byScore((s) => s.rawScore),
      'z-score': byScore((s) => s.normalizedScore),
      calibrated: new Map(ranking.map((row) => [row.applicationId, row.rank])),
    },
    trueRanks: rankBy([...quality.keys()], quality),
    evaluators: marking.items.map((m) => ({
      name: m.displayName,
      // A criterion point of the 0–10 scale is 10 points of the 0–100 total.
      habit: 10 * (members.get(m.evaluatorId)?.bias ?? 0),
      batchMean: m.mean,
      bias: m.calibration?.bias ?? null,
      component: m.calibration?.component ?? null,
    })),
    callMean: marking.callMean ?? 0,
  };
}

/** Ranks 1..n by value descending, ties by id. */
function rankBy(ids: string[], value: Map<string, number>): Map<string, number> {
  const order = [...ids].sort((a, b) => (value.get(b) as number) - (value.get(a) as number) || a.localeCompare(b));
  return new Map(order.map((id, i) => [id, i + 1]));
}

/**
 * What calibration changed against z-scores: how near each order is to the truth, how each read the
 * marked evaluators, the centres whose place differs most, and the grey zone at the shortlist's line.
 */
export function formatCalibration(comparison: CalibrationComparison): string {
  const { ranking, ranks, trueRanks } = comparison;
  const lines = heading('Calibrated scores against z-scores, on the same evaluations');
  lines.push(
    'The written assessment is calibrated: each evaluator total is read as the centre’s quality plus the evaluator’s ' +
      'habit, both fitted together, so an evaluator who happens to draw strong centres is not taken for a lenient one. ' +
      'The same evaluations ranked by z-scores (each evaluator’s totals rescaled to the panel’s mean and spread) and ' +
      'by raw means, each order against the centres’ true quality, which the demo drew its scores from:',
    '',
  );
  const top = SHORTLIST_SIZE;
  const agreement = METHODS.map((method) => {
    const order = ranks[method];
    const error = mean(
      ranking.map((r) => Math.abs((order.get(r.applicationId) ?? 0) - (trueRanks.get(r.applicationId) ?? 0))),
    );
    const kept = ranking.filter(
      (r) => (order.get(r.applicationId) ?? Infinity) <= top && (trueRanks.get(r.applicationId) ?? Infinity) <= top,
    ).length;
    return [method, error.toFixed(2), `${kept} of ${top}`];
  });
  lines.push(
    ...table(['Order', 'Mean distance to the true rank', `True top ${top} in its top ${top}`], agreement, [1, 2]),
  );
  lines.push('', 'How each reads the marked evaluators (points of the 0–100 total):', '');
  const marked = comparison.evaluators.filter((e) => Math.abs(e.habit) >= 10);
  lines.push(
    ...table(
      ['Evaluator', 'Habit drawn', 'Batch mean − panel mean (what z-scores correct)', 'Calibrated bias'],
      marked.map((e) => [
        e.name,
        signed(e.habit),
        signed(e.batchMean - comparison.callMean),
        e.bias === null ? '—' : signed(e.bias),
      ]),
      [1, 2, 3],
    ),
  );
  lines.push('', ...componentNotes(comparison.evaluators));
  const moved = ranking
    .map((row) => ({ row, zscore: ranks['z-score'].get(row.applicationId) as number }))
    .filter((m) => m.zscore !== m.row.rank && (m.row.rank <= top + 4 || m.zscore <= top + 4))
    .sort((a, b) => Math.abs(b.zscore - b.row.rank) - Math.abs(a.zscore - a.row.rank) || a.row.rank - b.row.rank)
    .slice(0, 5);
  lines.push('', 'Largest differences near the shortlist’s line, calibrated against z-score:');
  for (const { row, zscore } of moved) {
    lines.push(
      `  - ${fit(row.organisation.name, 60)}: ${ordinal(row.rank)} calibrated, ${ordinal(zscore)} by z-scores ` +
        `(true rank ${ordinal(trueRanks.get(row.applicationId) as number)}).`,
    );
  }
  if (moved.length === 0) lines.push('  none: both orders agree there.');
  const grey = ranking.filter(
    (r) => r.uncertainty && r.uncertainty.rankInterval.lower <= top && top < r.uncertainty.rankInterval.upper,
  );
  lines.push(
    '',
    `Grey zone at the shortlist’s line (the ${top}th place): the centres whose 90% rank interval straddles it, ` +
      `whom the evaluations cannot place on either side: ` +
      (grey.length === 0
        ? 'none.'
        : grey
            .map(
              (r) =>
                `${r.organisation.name} (${ordinal(r.rank)}, ${r.uncertainty?.rankInterval.lower}–${r.uncertainty?.rankInterval.upper})`,
            )
            .join('; ') + '.'),
  );
  return lines.join('\n');
}

/**
 * Biases are measured against the evaluators one shares applications with: where the graph of
 * evaluators and applications falls apart, each part's biases sum to zero on their own, and a part's
 * harsh habit cannot be told from weaker applications. The summary says so, as the statistics do.
 */
function componentNotes(evaluators: CalibrationComparison['evaluators']): string[] {
  const components = new Map<number, string[]>();
  for (const e of evaluators) {
    if (e.component !== null) components.set(e.component, [...(components.get(e.component) ?? []), e.name]);
  }
  if (components.size <= 1) {
    return ['Every evaluator shares applications, directly or through others, with every other: one connected panel.'];
  }
  const parts = [...components.values()].sort((a, b) => a.length - b.length);
  return [
    `The panel falls into ${components.size} parts that share no application: ` +
      parts
        .slice(0, -1)
        .map((names) => names.join(', '))
        .join('; ') +
      ` scored their centres only among themselves. Their biases are measured against each other alone (they sum ` +
      `to zero within the part), so calibration cannot tell a harsh habit there from weaker centres and corrects it ` +
      `only in part; z-scores assume every batch alike and correct it whole. An assignment that mixes the panel ` +
      `removes this.`,
  ];
}

function signed(x: number): string {
  return `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)}`;
}

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}
