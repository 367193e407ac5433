/** fast-check generators of selection instances, shared by the selection's and the lottery's properties. */
import fc from 'fast-check';
import type { ApplicationForSelection, CohortConstraints, Region } from '../selection.types';

export const COUNTRIES: ReadonlyArray<readonly [string, Region]> = [
  ['KE', 'AFR'],
  ['NG', 'AFR'],
  ['FR', 'EUR'],
  ['DE', 'EUR'],
  ['IT', 'EUR'],
  ['JP', 'ASP'],
  ['IN', 'ASP'],
  ['BR', 'AMS'],
];
export const EVALUATORS = 2;

export interface Instance {
  applications: ApplicationForSelection[];
  constraints: CohortConstraints;
}

export interface Shape {
  candidates: number;
  /** Exactly `candidates` candidates, small caps and a minimum in every region: where seats are reserved. */
  crowded: boolean;
}

const perRegion = (min: number, max: number, crowded: boolean): fc.Arbitrary<Partial<Record<Region, number>>> =>
  fc.record(
    {
      AFR: fc.integer({ min, max }),
      EUR: fc.integer({ min, max }),
      ASP: fc.integer({ min, max }),
      AMS: fc.integer({ min, max }),
      CIS: fc.integer({ min, max }),
    },
    { requiredKeys: crowded ? ['AFR', 'EUR', 'ASP'] : [] },
  );

export function instances(shape: Shape): fc.Arbitrary<Instance> {
  const candidate = fc.record({ country: fc.constantFrom(...COUNTRIES), score: fc.integer({ min: 0, max: 10 }) });
  const other = fc.record({
    country: fc.constantFrom(...COUNTRIES),
    score: fc.integer({ min: 0, max: 10 }),
    defect: fc.constantFrom('withdrawn', 'ineligible', 'short', 'unranked', 'all'),
  });
  return fc
    .record({
      candidates: fc.array(candidate, { minLength: shape.crowded ? shape.candidates : 0, maxLength: shape.candidates }),
      others: fc.array(other, { maxLength: shape.crowded ? 0 : 4 }),
      size: fc.integer({ min: 1, max: 8 }),
      maxPerCountry: fc.option(fc.integer({ min: shape.crowded ? 1 : 0, max: 4 }), { nil: undefined }),
      maxPerRegion: perRegion(shape.crowded ? 1 : 0, 5, false),
      minPerRegion: perRegion(shape.crowded ? 1 : 0, 4, shape.crowded),
      minScore: fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }),
      waitlistSize: fc.option(fc.integer({ min: 0, max: 5 }), { nil: undefined }),
    })
    .chain((draw) => {
      const total = draw.candidates.length + draw.others.length;
      const ranks = fc.uniqueArray(fc.integer({ min: 1, max: 60 }), { minLength: total, maxLength: total });
      return ranks.map((rankOf) => toInstance(draw, rankOf));
    });
}

function toInstance(
  draw: {
    candidates: Array<{ country: readonly [string, Region]; score: number }>;
    others: Array<{ country: readonly [string, Region]; score: number; defect: string }>;
  } & Omit<CohortConstraints, 'evaluatorsPerApplication'>,
  rankOf: number[],
): Instance {
  const { candidates, others, ...constraints } = draw;
  const base = (
    i: number,
    [countryCode, region]: readonly [string, Region],
    score: number,
  ): ApplicationForSelection => ({
    applicationId: `a${String(rankOf[i]).padStart(2, '0')}`,
    rank: rankOf[i],
    score,
    countryCode,
    region,
    status: 'submitted',
    eligible: true,
    evaluationCount: EVALUATORS,
  });
  const applications = [
    ...candidates.map((c, i) => base(i, c.country, c.score)),
    ...others.map((o, k) => {
      const a = base(candidates.length + k, o.country, o.score);
      if (o.defect === 'withdrawn' || o.defect === 'all') a.status = 'withdrawn';
      if (o.defect === 'ineligible' || o.defect === 'all') a.eligible = false;
      if (o.defect === 'short' || o.defect === 'all') a.evaluationCount = EVALUATORS - 1;
      if (o.defect === 'unranked' || o.defect === 'all') [a.rank, a.score] = [null, null];
      return a;
    }),
  ];
  return { applications, constraints: { ...constraints, evaluatorsPerApplication: EVALUATORS } };
}

export const MIXED: Shape = { candidates: 12, crowded: false };
export const CROWDED: Shape = { candidates: 12, crowded: true };
