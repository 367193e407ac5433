import { DEMO_CALL, SHORTLIST_SIZE } from './demo-data';
import { DemoEvaluator } from './demo-panel';
import { RankedRow, ScoringOutcome } from './scoring-round';
import { fit, heading, ordinal, table } from './text-table';

/** The table shows as many as the shortlist takes. */
const TOP = SHORTLIST_SIZE;

/** Each row's rank by raw mean (rawScore descending, the calibrated rank breaking ties). */
export function rawRanks(ranking: RankedRow[]): Map<string, number> {
  const byRaw = [...ranking].sort((a, b) => b.rawScore - a.rawScore || a.rank - b.rank);
  return new Map(byRaw.map((row, index) => [row.applicationId, index + 1]));
}

/**
 * The top of the ranking with calibrated and raw scores side by side, then what calibration changed
 * and why: which centres moved most, and which of the marked evaluators scored them.
 */
export function formatRanking(scoring: ScoringOutcome, reviewers: Map<string, DemoEvaluator[]>): string {
  const { ranking } = scoring;
  const raw = rawRanks(ranking);
  const lines = heading(`Written assessment ranking, before moderation: top ${TOP} of ${ranking.length}`);
  lines.push(
    `A full rescoring run scored ${ranking.length} applications from their ${scoring.run.evaluations} ` +
      `submitted evaluations. Score: the centre's calibrated quality (0–100), fitted jointly with each evaluator's ` +
      `habit; raw: the plain mean of its evaluators' totals; 90%: the interval of ranks it takes in 1,000 seeded ` +
      `resamplings of the evaluations. Inter-rater reliability (Krippendorff's alpha): ` +
      `${scoring.interRaterReliability?.toFixed(2) ?? 'n/a'}.`,
    '',
  );
  const rows = ranking.slice(0, TOP).map((row) => {
    const rawRank = raw.get(row.applicationId) ?? row.rank;
    const moved = rawRank === row.rank ? '' : ` (${rawRank > row.rank ? '+' : '−'}${Math.abs(rawRank - row.rank)})`;
    return [
      String(row.rank),
      fit(row.organisation.name, 44),
      row.organisation.countryCode,
      row.organisation.region,
      row.score.toFixed(2),
      row.uncertainty ? `${row.uncertainty.rankInterval.lower}–${row.uncertainty.rankInterval.upper}` : '',
      row.rawScore.toFixed(2),
      `${rawRank}${moved}`,
      markedEvaluators(reviewers.get(row.applicationId) ?? []),
      row.needsModeration ? `needed (spread ${row.spread.toFixed(0)})` : '',
    ];
  });
  const header = ['Rank', 'Centre', 'Ctry', 'Reg', 'Score', '90%', 'Raw', 'Raw rank', 'L/H', 'Moderation'];
  lines.push(...table(header, rows, [0, 4, 5, 6, 7]));
  lines.push(
    `L/H: scored by the lenient (L) or the harsh (H) evaluator. Raw rank (+n): n places higher thanks to ` +
      `calibration; (−n): n places lower. Moderation: evaluators' totals more than ` +
      `${DEMO_CALL.scoring.disagreementThreshold} points apart.`,
  );
  lines.push('', ...normalisationNotes(ranking, raw, reviewers));
  return lines.join('\n');
}

function markedEvaluators(evaluators: DemoEvaluator[]): string {
  const marks = evaluators.filter((e) => e.temper).map((e) => (e.temper === 'lenient' ? 'L' : 'H'));
  return marks.sort().join('+');
}

/** The centres calibration moved most (near the top, where it matters), with the likely cause. */
function normalisationNotes(
  ranking: RankedRow[],
  raw: Map<string, number>,
  reviewers: Map<string, DemoEvaluator[]>,
): string[] {
  const changed = ranking.filter((r) => raw.get(r.applicationId) !== r.rank).length;
  const near = ranking.filter((r) => r.rank <= TOP + 5 || (raw.get(r.applicationId) ?? 0) <= TOP + 5);
  const moves = near
    .map((row) => ({ row, rawRank: raw.get(row.applicationId) ?? row.rank }))
    .map((move) => ({ ...move, gain: move.rawRank - move.row.rank }));
  const biggest = (sign: number) =>
    moves
      .filter((m) => Math.sign(m.gain) === sign)
      .sort((a, b) => Math.abs(b.gain) - Math.abs(a.gain) || a.row.rank - b.row.rank)
      .slice(0, 2);
  const shown = [...biggest(1), ...biggest(-1)];
  const lines = [
    `Calibration changed the order: ${changed} of ${ranking.length} centres rank differently than by raw mean.`,
    ...cutLine(ranking, raw),
    'Largest moves near the top, up and down:',
  ];
  for (const { row, rawRank } of shown) {
    lines.push(
      `  - ${row.organisation.name}: ${ordinal(rawRank)} by raw mean, ${ordinal(row.rank)} after calibration; ` +
        cause(rawRank > row.rank, reviewers.get(row.applicationId) ?? []),
    );
  }
  return lines;
}

/** Who crosses the line of the shortlist's size because of calibration, either way. */
function cutLine(ranking: RankedRow[], raw: Map<string, number>): string[] {
  const size = SHORTLIST_SIZE;
  const names = (rows: RankedRow[]) => rows.map((r) => r.organisation.name).join(', ') || 'none';
  const inByNormalisation = ranking.filter((r) => r.rank <= size && (raw.get(r.applicationId) ?? 0) > size);
  const outByNormalisation = ranking.filter((r) => r.rank > size && (raw.get(r.applicationId) ?? 0) <= size);
  return [
    `In the top ${size} (the shortlist's size) only thanks to calibration: ${names(inByNormalisation)}.`,
    `In the top ${size} by raw mean but not after calibration: ${names(outByNormalisation)}.`,
  ];
}

function cause(movedUp: boolean, evaluators: DemoEvaluator[]): string {
  const harsh = evaluators.find((e) => e.temper === 'harsh');
  const lenient = evaluators.find((e) => e.temper === 'lenient');
  if (movedUp && harsh) return `${harsh.name}, who marks harshly, was one of its evaluators.`;
  if (!movedUp && lenient) return `${lenient.name}, who marks leniently, was one of its evaluators.`;
  return movedUp
    ? 'its evaluators mark below the panel average, which calibration corrects.'
    : 'its evaluators mark above the panel average, which calibration corrects.';
}
