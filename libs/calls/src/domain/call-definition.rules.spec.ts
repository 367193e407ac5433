import fc from 'fast-check';
import type { Region } from '@app/identity';
import { CallDefinition, LAST_STAGE_RULE, Question } from './call';
import { singleStage } from './review-stages';
import { callDefinitionErrors } from './call-definition.rules';

const REGIONS: Region[] = ['AFR', 'AMS', 'ARB', 'ASP', 'CIS', 'EUR'];

function definition(overrides: Partial<CallDefinition> = {}): CallDefinition {
  const call: CallDefinition = {
    kind: 'selection',
    sessions: [],
    sessionAllocation: null,
    reference: 'BDT/DIR/DM/013',
    title: 'Accelerator centres 2030',
    description: 'Select the network.',
    opensAt: new Date('2030-01-01T00:00:00Z'),
    closesAt: new Date('2030-03-01T00:00:00Z'),
    cohortSize: 6,
    evaluatorsPerApplication: 3,
    eligibility: { organisationTypes: ['incubator', 'accelerator'] },
    selection: { maxPerCountry: 2, maxPerRegion: { AFR: 3, EUR: 2 }, minPerRegion: { AFR: 1, EUR: 1 } },
    scoring: { scaleMin: 0, scaleMax: 10, normalization: 'none', disagreementThreshold: 30 },
    assignment: { excludeSameCountry: true },
    criteria: [
      { code: 'IMPACT', title: 'Impact', description: '', weight: 0.6 },
      { code: 'TEAM', title: 'Team', description: '', weight: 0.4 },
    ],
    questions: [
      { key: 'summary', label: 'Summary', type: 'longtext', required: true },
      { key: 'stage', label: 'Stage', type: 'choice', required: true, options: ['idea', 'growth'] },
    ],
    blind: false,
    translations: {},
    expertise: { keywords: ['fintech', 'agritech'], topicQuestionKey: null },
    stages: [],
    finalRanking: LAST_STAGE_RULE,
    ...overrides,
  };
  return { ...call, stages: overrides.stages ?? singleStage(call) };
}

const fields = (call: CallDefinition) => callDefinitionErrors(call).map((e) => e.field);
const question = (q: Partial<Question> & Pick<Question, 'key' | 'type'>): Question => ({
  label: q.key,
  required: false,
  ...q,
});

describe('callDefinitionErrors', () => {
  it('accepts a coherent definition', () => {
    expect(callDefinitionErrors(definition())).toEqual([]);
  });

  describe('expertise', () => {
    it('refuses a keyword twice, whatever its case and spacing', () => {
      const expertise = { keywords: ['Fin Tech', 'agritech', ' fin  tech'], topicQuestionKey: null };
      expect(fields(definition({ expertise }))).toEqual(['expertise.keywords.2']);
    });

    it.each([
      ['a question the call does not ask', 'nowhere'],
      ['a question whose answer is not text', 'size'],
    ])('refuses as topic %s', (_case, topicQuestionKey) => {
      const questions = [...definition().questions, question({ key: 'size', type: 'number' })];
      expect(fields(definition({ questions, expertise: { keywords: [], topicQuestionKey } }))).toEqual([
        'expertise.topicQuestionKey',
      ]);
    });
  });

  describe('window', () => {
    it.each([
      ['equal', '2030-01-01T00:00:00Z'],
      ['earlier', '2029-12-31T23:59:59.999Z'],
    ])('refuses closesAt %s to opensAt', (_case, closesAt) => {
      expect(fields(definition({ closesAt: new Date(closesAt) }))).toEqual(['closesAt']);
    });

    it('refuses an invalid date', () => {
      expect(fields(definition({ opensAt: new Date(Number.NaN) }))).toEqual(['closesAt']);
    });

    it('accepts any closesAt strictly after opensAt and refuses every other', () => {
      fc.assert(
        fc.property(fc.integer({ min: -5, max: 5 }), (delta) => {
          const opensAt = new Date('2030-01-01T00:00:00Z');
          const closesAt = new Date(opensAt.getTime() + delta);
          expect(fields(definition({ opensAt, closesAt }))).toEqual(delta > 0 ? [] : ['closesAt']);
        }),
      );
    });
  });

  it('refuses a scale whose max is not above its min', () => {
    const scoring = { scaleMin: 5, scaleMax: 5, normalization: 'none', disagreementThreshold: 30 } as const;
    expect(fields(definition({ scoring }))).toEqual(['scoring.scaleMax']);
    expect(fields(definition({ scoring: { ...scoring, scaleMax: 4 } }))).toEqual(['scoring.scaleMax']);
    expect(fields(definition({ scoring: { ...scoring, scaleMax: 5.5 } }))).toEqual([]);
  });

  it('refuses criterion codes used twice, ignoring case, at the later index', () => {
    const criterion = (code: string) => ({ code, title: code, description: '', weight: 1 });
    const criteria = [criterion('IMPACT'), criterion('TEAM'), criterion('impact'), criterion('Team'), criterion('X')];
    const errors = callDefinitionErrors(definition({ criteria }));
    expect(errors.map((e) => e.field)).toEqual(['criteria.2.code', 'criteria.3.code']);
    expect(errors[0].message).toContain('"impact"');
  });

  it('refuses question keys used twice at the later index', () => {
    const questions = [
      question({ key: 'a', type: 'text' }),
      question({ key: 'b', type: 'text' }),
      question({ key: 'a', type: 'number' }),
    ];
    expect(fields(definition({ questions }))).toEqual(['questions.2.key']);
  });

  it('reports a duplicate once per extra occurrence', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('A', 'a', 'B', 'c'), { maxLength: 8 }), (codes) => {
        const criteria = codes.map((code) => ({ code, title: code, description: '', weight: 1 }));
        const distinct = new Set(codes.map((c) => c.toLowerCase())).size;
        const duplicateFields = fields(definition({ criteria })).filter((f) => f.startsWith('criteria.'));
        expect(duplicateFields).toHaveLength(codes.length - distinct);
        for (const field of duplicateFields) {
          const index = Number(field.split('.')[1]);
          const earlier = codes.slice(0, index).map((c) => c.toLowerCase());
          expect(earlier).toContain(codes[index].toLowerCase());
        }
      }),
    );
  });

  describe('choice options', () => {
    it('demands options on a choice question', () => {
      expect(fields(definition({ questions: [question({ key: 'q', type: 'choice' })] }))).toEqual([
        'questions.0.options',
      ]);
      expect(fields(definition({ questions: [question({ key: 'q', type: 'choice', options: [] })] }))).toEqual([
        'questions.0.options',
      ]);
    });

    it('refuses options on other types', () => {
      const questions = [question({ key: 'ok', type: 'text' }), question({ key: 'q', type: 'text', options: ['x'] })];
      expect(fields(definition({ questions }))).toEqual(['questions.1.options']);
    });

    it('refuses repeated options', () => {
      const questions = [question({ key: 'q', type: 'choice', options: ['x', 'y', 'x'] })];
      const errors = callDefinitionErrors(definition({ questions }));
      expect(errors).toEqual([
        { field: 'questions.0.options', message: 'options must be unique', code: 'OPTIONS_NOT_UNIQUE' },
      ]);
    });
  });

  describe('regional quotas', () => {
    it('refuses minimums adding up to more than the cohort', () => {
      const selection = { minPerRegion: { AFR: 3, EUR: 2, ASP: 2 } };
      expect(fields(definition({ cohortSize: 6, selection }))).toEqual(['selection.minPerRegion']);
      expect(fields(definition({ cohortSize: 7, selection }))).toEqual([]);
    });

    it('refuses a minimum above the maximum of the same region, naming the region', () => {
      const selection = { minPerRegion: { AFR: 2, EUR: 1, ARB: 1 }, maxPerRegion: { AFR: 1, EUR: 1 } };
      const errors = callDefinitionErrors(definition({ selection }));
      expect(errors).toEqual([
        {
          field: 'selection.minPerRegion.AFR',
          message: 'minimum exceeds maxPerRegion.AFR',
          code: 'MINIMUM_EXCEEDS_CAP',
          params: { region: 'AFR' },
        },
      ]);
    });

    it('flags exactly the regions whose minimum exceeds their maximum, and the total against the cohort', () => {
      const quota = fc.option(fc.nat({ max: 4 }), { nil: undefined });
      const quotas = fc.tuple(...REGIONS.map(() => quota));
      fc.assert(
        fc.property(quotas, quotas, fc.integer({ min: 1, max: 20 }), (mins, maxs, cohortSize) => {
          const minPerRegion: Partial<Record<Region, number>> = {};
          const maxPerRegion: Partial<Record<Region, number>> = {};
          REGIONS.forEach((region, i) => {
            if (mins[i] !== undefined) minPerRegion[region] = mins[i];
            if (maxs[i] !== undefined) maxPerRegion[region] = maxs[i];
          });
          const expected: string[] = [];
          const total = mins.reduce<number>((sum, n) => sum + (n ?? 0), 0);
          if (total > cohortSize) expected.push('selection.minPerRegion');
          REGIONS.forEach((region, i) => {
            const min = mins[i];
            const max = maxs[i];
            if (min !== undefined && max !== undefined && min > max) expected.push(`selection.minPerRegion.${region}`);
          });
          const actual = fields(definition({ cohortSize, selection: { minPerRegion, maxPerRegion } }));
          expect([...actual].sort()).toEqual([...expected].sort());
        }),
      );
    });
  });

  it('lists every problem at once', () => {
    const call = definition({
      closesAt: new Date('2029-01-01T00:00:00Z'),
      scoring: { scaleMin: 10, scaleMax: 0, normalization: 'zscore', disagreementThreshold: 30 },
      criteria: [
        { code: 'A', title: 'A', description: '', weight: 1 },
        { code: 'a', title: 'a', description: '', weight: 1 },
      ],
      questions: [question({ key: 'k', type: 'choice' }), question({ key: 'k', type: 'url', options: ['x'] })],
      cohortSize: 1,
      selection: { minPerRegion: { CIS: 2 }, maxPerRegion: { CIS: 1 } },
    });
    expect(fields(call)).toEqual([
      'closesAt',
      'scoring.scaleMax',
      'criteria.1.code',
      'questions.1.key',
      'questions.0.options',
      'questions.1.options',
      'selection.minPerRegion',
      'selection.minPerRegion.CIS',
    ]);
  });
});
