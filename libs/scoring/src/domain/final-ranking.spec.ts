import fc from 'fast-check';
import { StageScore, weightedFinalRanking } from './final-ranking';

/** An application of the last stage at a rank, its score falling with the rank unless given. */
const app = (applicationId: string, rank: number | null, countryCode: string, extra: { score?: number } = {}) => ({
  applicationId,
  rank,
  score: rank === null ? null : 100 - rank,
  countryCode,
  ...extra,
});

describe('weightedFinalRanking', () => {
  const lastStage = [
    app('a', 1, 'FR', { score: 90 }),
    app('b', 2, 'KE', { score: 80 }),
    app('c', 3, 'JP', { score: 70 }),
  ];
  const scored = (applicationId: string, stage: number, score: number, consensusScore: number | null = null) => ({
    applicationId,
    stage,
    score,
    consensusScore,
  });
  const scores: StageScore[] = [
    scored('a', 1, 40),
    scored('b', 1, 70),
    scored('c', 1, 90),
    scored('a', 2, 90),
    scored('b', 2, 80),
    scored('c', 2, 70),
  ];

  it('ranks by the weighted mean of the stage scores', () => {
    const final = weightedFinalRanking(lastStage, scores, { '1': 3, '2': 1 });
    // a: (3·40 + 90)/4 = 52.5; b: (3·70 + 80)/4 = 72.5; c: (3·90 + 70)/4 = 85.
    expect(final.map((a) => [a.applicationId, a.rank, a.score])).toEqual([
      ['a', 3, 52.5],
      ['b', 2, 72.5],
      ['c', 1, 85],
    ]);
  });

  it('takes a moderator’s consensus score in place of the stage score where one was recorded', () => {
    const moderated = scores.map((s) => (s.applicationId === 'a' && s.stage === 1 ? { ...s, consensusScore: 95 } : s));
    const final = weightedFinalRanking(lastStage, moderated, { '1': 3, '2': 1 });
    // a: (3·95 + 90)/4 = 93.75, ahead of c (85) and b (72.5).
    expect(final.map((a) => [a.applicationId, a.rank, a.score])).toEqual([
      ['a', 1, 93.75],
      ['b', 3, 72.5],
      ['c', 2, 85],
    ]);
  });

  it('breaks ties by the last stage rank, and leaves unranked those missing a weighted stage', () => {
    const final = weightedFinalRanking(
      [...lastStage, app('d', 4, 'BR', { score: 60 })],
      [...scores, scored('d', 2, 60)],
      { '2': 1 },
    );
    expect(final.map((a) => a.rank)).toEqual([1, 2, 3, 4]);
    expect(weightedFinalRanking([...lastStage, app('d', 4, 'BR')], scores, { '1': 1 }).at(-1)).toMatchObject({
      rank: null,
      score: null,
    });
  });

  it('with the last stage alone weighted, keeps the last stage ranking', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 100 }), { maxLength: 20 }), (values) => {
        const sorted = [...values].sort((x, y) => y - x);
        const apps = sorted.map((score, i) => app(`x${i}`, i + 1, 'FR', { score }));
        const stage2 = apps.map((a) => scored(a.applicationId, 2, a.score as number));
        const final = weightedFinalRanking(apps, stage2, { '2': 5 });
        expect(final.map((a) => a.rank)).toEqual(apps.map((a) => a.rank));
      }),
    );
  });
});
