import fc from 'fast-check';
import { rankApplications, rankingScore } from './ranking';
import { ApplicationScore, ApplicationToScore } from './scoring.types';
import { compareIds } from './statistics';

type Unranked = Omit<ApplicationScore, 'rank'>;

const SUBMITTED_AT = new Date('2030-03-01T09:00:00Z');

function figures(applicationId: string, score: number, rawScore = score): Unranked {
  return {
    applicationId,
    rawScore,
    normalizedScore: score,
    score,
    evaluationCount: 2,
    spread: 40,
    stdDev: 20,
    needsModeration: true,
  };
}

const application = (id: string, consensusScore?: number): ApplicationToScore => ({
  id,
  submittedAt: SUBMITTED_AT,
  rankable: true,
  ...(consensusScore === undefined ? {} : { consensusScore }),
});

function ranks(scores: Unranked[], applications: ApplicationToScore[]): Record<string, number | null> {
  const byId = new Map(applications.map((a) => [a.id, a]));
  return Object.fromEntries(rankApplications(scores, byId).map((s) => [s.applicationId, s.rank]));
}

describe('ranking with consensus scores (moderation)', () => {
  it('ranks an application by its consensus score instead of its score, and says so', () => {
    const scores = [figures('a', 80), figures('b', 70), figures('c', 60)];
    const applications = [application('a'), application('b'), application('c', 90)];
    expect(ranks(scores, applications)).toEqual({ c: 1, a: 2, b: 3 });
    const byId = new Map(applications.map((a) => [a.id, a]));
    const c = rankApplications(scores, byId).find((s) => s.applicationId === 'c');
    expect(c).toMatchObject({ score: 60, consensusScore: 90, rank: 1 });
  });

  it('moves an application down when its consensus score is lower than its score', () => {
    const scores = [figures('a', 80), figures('b', 70)];
    expect(ranks(scores, [application('a', 10), application('b')])).toEqual({ b: 1, a: 2 });
  });

  it('breaks a tie of consensus score and score by raw score', () => {
    const scores = [figures('a', 70, 65), figures('b', 50, 75)];
    expect(ranks(scores, [application('a'), application('b', 70)])).toEqual({ b: 1, a: 2 });
  });

  it('leaves the figures without a consensus score as they were', () => {
    const scores = [figures('a', 80)];
    const [ranked] = rankApplications(scores, new Map([['a', application('a')]]));
    expect(ranked).toEqual({ ...figures('a', 80), rank: 1 });
  });

  it('orders by the ranking score, then the tie-breaks, for any scores and consensus scores', () => {
    const entry = fc.record({
      score: fc.double({ min: 0, max: 100, noNaN: true }),
      rawScore: fc.double({ min: 0, max: 100, noNaN: true }),
      consensus: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 30 }), (entries) => {
        const ids = entries.map((_, index) => `app-${String(index).padStart(3, '0')}`);
        const scores = entries.map((e, index) => figures(ids[index], e.score, e.rawScore));
        const byId = new Map(entries.map((e, index) => [ids[index], application(ids[index], e.consensus)]));
        const ranked = rankApplications(scores, byId);
        // Recomputed independently: sort by (consensus ?? score) desc, raw desc, id asc at 1e-9 steps.
        const steps = (x: number) => Math.round(x / 1e-9);
        const expected = entries
          .map((e, index) => ({ id: ids[index], key: steps(e.consensus ?? e.score), raw: steps(e.rawScore) }))
          .sort((a, b) => b.key - a.key || b.raw - a.raw || compareIds(a.id, b.id))
          .map((e) => e.id);
        expect(ranked.map((s) => s.applicationId)).toEqual(expected);
        expect(ranked.map((s) => s.rank)).toEqual(expected.map((_, index) => index + 1));
        for (const s of ranked) {
          const consensus = byId.get(s.applicationId)?.consensusScore;
          expect(s.consensusScore).toBe(consensus);
          expect(rankingScore(s)).toBe(consensus ?? s.score);
        }
      }),
    );
  });
});
