import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { constraintViolations } from './constraint-violations';
import { type LotteryCandidate, commitmentOf, drawCohort, drawLots, lotKey, lotteryCandidates } from './lottery';
import { selectCohort } from './selection';
import type { ApplicationForSelection, CohortConstraints, CohortProposal } from './selection.types';
import { CROWDED, type Instance, MIXED, instances } from './testing/selection-arbitraries';

const SECRET = '00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff';
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const ranked = (id: string, rank: number, countryCode = 'KE'): ApplicationForSelection => ({
  applicationId: id,
  rank,
  score: 100 - rank,
  countryCode,
  region: countryCode === 'FR' ? 'EUR' : 'AFR',
  status: 'submitted',
  eligible: true,
  evaluationCount: 2,
});

describe('the lottery at the line', () => {
  it('commits to SHA-256 of the secret’s 64 hex characters and keys each candidate by `<secret>:<id>`', () => {
    expect(commitmentOf(SECRET)).toBe(sha256(SECRET));
    expect(lotKey(SECRET, 'a1')).toBe(sha256(`${SECRET}:a1`));
    expect(() => commitmentOf(SECRET.toUpperCase())).toThrow('64 lowercase hex');
    expect(() => commitmentOf('abc')).toThrow('64 lowercase hex');
  });

  it('deals the candidates’ ranks out in the order of their keys, the first drawn taking the best', () => {
    const candidates = [
      { applicationId: 'a', rank: 4 },
      { applicationId: 'b', rank: 5 },
      { applicationId: 'c', rank: 7 },
    ];
    const lots = drawLots(SECRET, candidates);
    const byKey = [...candidates].sort((x, y) =>
      lotKey(SECRET, x.applicationId) < lotKey(SECRET, y.applicationId) ? -1 : 1,
    );
    expect(lots.map((l) => l.applicationId)).toEqual(byKey.map((c) => c.applicationId));
    expect(lots.map((l) => l.drawnRank)).toEqual([4, 5, 7]);
    expect(lots.map((l) => l.key)).toEqual(byKey.map((c) => sha256(`${SECRET}:${c.applicationId}`)));
  });

  it('seats at the line whom the lot puts first, and leaves the rest of the cohort as it was', () => {
    const applications = ['top', 'a', 'b', 'c', 'low'].map((id, i) => ranked(id, i + 1));
    const candidates = [
      { applicationId: 'a', rank: 2 },
      { applicationId: 'b', rank: 3 },
      { applicationId: 'c', rank: 4 },
    ];
    const constraints = { size: 3, evaluatorsPerApplication: 2, waitlistSize: 2 };
    const draw = drawCohort(applications, constraints, SECRET, candidates);
    const order = draw.lots.map((l) => l.applicationId);
    expect(draw.seated).toEqual(order.slice(0, 2));
    expect(draw.proposal.members.map((m) => [m.applicationId, m.rank])).toEqual([
      ['top', 1],
      [order[0], 2],
      [order[1], 3],
    ]);
    expect(draw.proposal.waitlist.map((w) => w.applicationId)).toEqual([order[2], 'low']);
  });

  it('draws among the grey zone’s candidates for selection only, in rank order', () => {
    const applications = [ranked('a', 1), { ...ranked('b', 2), evaluationCount: 1 }, ranked('c', 3)];
    const constraints = { size: 1, evaluatorsPerApplication: 2 };
    expect(lotteryCandidates(['c', 'b', 'a'], applications, constraints)).toEqual([
      { applicationId: 'a', rank: 1 },
      { applicationId: 'c', rank: 3 },
    ]);
  });

  it('refuses a candidate whose rank is no longer the ranking’s, and a candidate given twice', () => {
    const applications = [ranked('a', 1), ranked('b', 2)];
    const constraints = { size: 1, evaluatorsPerApplication: 2 };
    expect(() => drawCohort(applications, constraints, SECRET, [{ applicationId: 'a', rank: 2 }])).toThrow(
      'not a candidate at rank 2',
    );
    expect(() =>
      drawLots(SECRET, [
        { applicationId: 'a', rank: 1 },
        { applicationId: 'a', rank: 2 },
      ]),
    ).toThrow('given twice');
  });
});

/** An instance with a grey zone: any ranked applications, of which the lot takes the candidates. */
const withGreyZone = (shape: typeof MIXED) =>
  instances(shape).chain((instance) =>
    fc
      .record({
        secret: fc.uint8Array({ minLength: 32, maxLength: 32 }).map((b) => Buffer.from(b).toString('hex')),
        greyZone: fc.subarray(instance.applications.filter((a) => a.rank !== null).map((a) => a.applicationId)),
      })
      .map(({ secret, greyZone }) => ({
        instance,
        secret,
        candidates: lotteryCandidates(greyZone, instance.applications, instance.constraints),
      })),
  );

const minimumSeats = (proposal: CohortProposal, constraints: CohortConstraints) =>
  Object.entries(constraints.minPerRegion ?? {}).reduce(
    (sum, [region, minimum]) => sum + Math.min(minimum, proposal.members.filter((m) => m.region === region).length),
    0,
  );

const outcomes = (proposal: CohortProposal) =>
  new Map([
    ...proposal.members.map((m) => [m.applicationId, 'member'] as const),
    ...proposal.excluded.map((e) => [e.applicationId, e.reason] as const),
  ]);

describe('the lottery at the line — properties', () => {
  it('is a permutation of the grey zone’s ranks, deterministic for a secret whatever the list’s order', () => {
    fc.assert(
      fc.property(withGreyZone(MIXED), ({ secret, candidates }) => {
        const lots = drawLots(secret, candidates);
        expect(lots.map((l) => l.applicationId).sort()).toEqual(candidates.map((c) => c.applicationId).sort());
        expect(lots.map((l) => l.drawnRank)).toEqual(candidates.map((c) => c.rank).sort((a, b) => a - b));
        expect(drawLots(secret, [...candidates].reverse())).toEqual(lots);
        const keys = lots.map((l) => l.key);
        expect(keys).toEqual([...keys].sort());
      }),
      { numRuns: 200 },
    );
  });

  it('respects every constraint: the selection on the drawn ranking, as large and as short as without the lot', () => {
    const check = ({
      instance,
      secret,
      candidates,
    }: {
      instance: Instance;
      secret: string;
      candidates: LotteryCandidate[];
    }) => {
      const { applications, constraints } = instance;
      const draw = drawCohort(applications, constraints, secret, candidates);
      const undrawn = selectCohort(applications, constraints);
      expect(draw.proposal.members).toHaveLength(undrawn.members.length);
      // As many regional minimum seats filled (which region falls short, when minimums outnumber the seats, may change).
      expect(minimumSeats(draw.proposal, constraints)).toBe(minimumSeats(undrawn, constraints));
      const unmetSize = (p: CohortProposal) => p.unmetConstraints.filter((u) => u.constraint === 'size');
      expect(unmetSize(draw.proposal)).toEqual(unmetSize(undrawn));
      // No cap broken, no minimum missed that the selection itself could meet.
      expect(constraintViolations(draw.proposal.members, constraints).map((v) => v.constraint)).toEqual(
        draw.proposal.unmetConstraints.map((u) => u.constraint),
      );
      const seated = new Set(draw.proposal.members.map((m) => m.applicationId));
      expect(draw.seated).toEqual(draw.lots.map((l) => l.applicationId).filter((id) => seated.has(id)));
      expect(drawCohort([...applications].reverse(), constraints, secret, candidates)).toEqual(draw);
    };
    fc.assert(fc.property(withGreyZone(MIXED), check), { numRuns: 200 });
    fc.assert(fc.property(withGreyZone(CROWDED), check), { numRuns: 200 });
  });

  it('leaves every application ranked before the grey zone its outcome, and with seats alone every one outside it', () => {
    fc.assert(
      fc.property(withGreyZone(MIXED), fc.boolean(), ({ instance, secret, candidates }, seatsOnly) => {
        const constraints = seatsOnly
          ? { size: instance.constraints.size, evaluatorsPerApplication: instance.constraints.evaluatorsPerApplication }
          : instance.constraints;
        const before = outcomes(selectCohort(instance.applications, constraints));
        const after = outcomes(drawCohort(instance.applications, constraints, secret, candidates).proposal);
        const grey = new Set(candidates.map((c) => c.applicationId));
        const best = Math.min(...candidates.map((c) => c.rank));
        for (const a of instance.applications) {
          if (grey.has(a.applicationId)) continue;
          // Outside the grey zone with caps and minimums, a candidate's fate may hang on who is drawn ahead of it.
          if (seatsOnly || a.rank === null || a.rank < best) {
            expect([a.applicationId, after.get(a.applicationId)]).toEqual([
              a.applicationId,
              before.get(a.applicationId),
            ]);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
