import { CalibrationComparison, formatCalibration } from './calibration-report';
import { RankedRow } from './scoring-round';

const row = (rank: number, name: string, interval: [number, number] | null = null): RankedRow => ({
  rank,
  applicationId: name,
  organisation: { name, countryCode: 'EE', region: 'EUR' },
  score: 80 - rank,
  rawScore: 80 - rank,
  normalizedScore: 80 - rank,
  evaluationCount: 3,
  spread: 5,
  needsModeration: false,
  consensusScore: null,
  uncertainty: interval && { probabilityInCohort: 0.5, rankInterval: { lower: interval[0], upper: interval[1] } },
});

function comparison(components: Array<number | null>): CalibrationComparison {
  const ranking = [row(1, 'Alpha Hub', [1, 2]), row(2, 'Beta Lab', [20, 26]), row(3, 'Gamma Studio', [25, 30])];
  const order = (...names: string[]) => new Map(names.map((name, i) => [name, i + 1]));
  return {
    ranking,
    ranks: {
      'raw mean': order('Beta Lab', 'Alpha Hub', 'Gamma Studio'),
      'z-score': order('Gamma Studio', 'Alpha Hub', 'Beta Lab'),
      calibrated: order('Alpha Hub', 'Beta Lab', 'Gamma Studio'),
    },
    trueRanks: order('Alpha Hub', 'Beta Lab', 'Gamma Studio'),
    evaluators: [
      { name: 'Severe One', habit: -22, batchMean: 40, bias: -12.4, component: components[0] },
      { name: 'Generous One', habit: 22, batchMean: 70, bias: 14, component: components[1] },
      { name: 'Plain One', habit: 1, batchMean: 55, bias: -1.6, component: components[2] },
    ],
    callMean: 55,
  };
}

describe('the demo summary of calibration against z-scores', () => {
  it('measures each order against the true ranks and reads the marked evaluators each way', () => {
    const report = formatCalibration(comparison([0, 0, 0]));
    expect(report).toMatch(/raw mean\s+0\.67\s+3 of 24/);
    expect(report).toMatch(/z-score\s+1\.33\s+3 of 24/);
    expect(report).toMatch(/calibrated\s+0\.00\s+3 of 24/);
    expect(report).toMatch(/Severe One\s+−22\.0\s+−15\.0\s+−12\.4/);
    expect(report).toMatch(/Generous One\s+\+22\.0\s+\+15\.0\s+\+14\.0/);
    expect(report).not.toContain('Plain One');
    expect(report).toContain('  - Gamma Studio: 3rd calibrated, 1st by z-scores (true rank 3rd).');
    expect(report).toContain('one connected panel');
  });

  it('names the centres whose rank interval straddles the shortlist line as its grey zone', () => {
    expect(formatCalibration(comparison([0, 0, 0]))).toContain(
      'whom the evaluations cannot place on either side: Beta Lab (2nd, 20–26).',
    );
  });

  it('says which evaluators scored only among themselves when the panel falls apart', () => {
    const report = formatCalibration(comparison([1, 0, 0]));
    expect(report).toContain('The panel falls into 2 parts that share no application: Severe One scored');
    expect(report).not.toContain('one connected panel');
  });
});
