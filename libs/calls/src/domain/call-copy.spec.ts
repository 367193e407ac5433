import fc from 'fast-check';
import { Call, LAST_STAGE_RULE } from './call';
import { definitionOf } from './call-change';
import { copiedDefinition, copyTitle } from './call-copy';

const SOURCE: Call = {
  id: '3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e6f',
  status: 'published',
  version: 9,
  createdAt: new Date('2025-11-01T00:00:00Z'),
  updatedAt: new Date('2026-06-02T00:00:00Z'),
  publishedCohortId: '9b2d7c1e-0f4a-4e8b-a1c3-5d6e7f8a9b0c',
  kind: 'selection',
  sessions: [],
  sessionAllocation: null,
  reference: 'BDT/DIR/DM/013',
  title: 'Accelerator centres 2026',
  description: 'Select the network.',
  opensAt: new Date('2026-01-01T00:00:00Z'),
  closesAt: new Date('2026-03-01T00:00:00Z'),
  cohortSize: 17,
  evaluatorsPerApplication: 3,
  eligibility: { organisationTypes: ['incubator'], countryCodes: ['PS'], requiredDocuments: ['statutes'] },
  selection: { maxPerCountry: 2, maxPerRegion: { AFR: 3 }, minPerRegion: { AFR: 1 }, waitlistSize: 3 },
  scoring: { scaleMin: 0, scaleMax: 10, normalization: 'zscore', disagreementThreshold: 25 },
  assignment: { excludeSameCountry: true },
  criteria: [{ code: 'IMPACT', title: 'Impact', description: '', weight: 0.6 }],
  questions: [{ key: 'stage', label: 'Stage', type: 'choice', required: false, options: ['idea', 'growth'] }],
  blind: true,
  translations: {},
  expertise: { keywords: ['fintech'], topicQuestionKey: 'stage' },
  stages: [
    {
      name: 'Written assessment',
      scoring: { scaleMin: 0, scaleMax: 10, normalization: 'zscore', disagreementThreshold: 25 },
      evaluatorsPerApplication: 3,
      criteria: [{ code: 'IMPACT', title: 'Impact', description: '', weight: 0.6 }],
      evaluationDueAt: new Date('2026-04-01T00:00:00Z'),
      reminderDaysBefore: [10, 2],
      reminderDaysAfter: null,
    },
  ],
  finalRanking: LAST_STAGE_RULE,
};
const WINDOW = { opensAt: new Date('2027-01-01T00:00:00Z'), closesAt: new Date('2027-03-01T00:00:00Z') };

describe('copiedDefinition', () => {
  it('keeps every rule of the source and takes the reference, title and window given', () => {
    const copy = copiedDefinition(SOURCE, { reference: 'BDT/DIR/DM/014', title: 'Round two', ...WINDOW });
    expect(copy).toEqual({
      ...definitionOf(SOURCE),
      reference: 'BDT/DIR/DM/014',
      title: 'Round two',
      ...WINDOW,
      stages: SOURCE.stages.map((stage) => ({ ...stage, evaluationDueAt: null })),
    });
  });

  it("keeps the stages but not their due dates, which were the source's round's", () => {
    const copy = copiedDefinition(SOURCE, { reference: 'X-1', ...WINDOW });
    expect(copy.stages.map((stage) => stage.name)).toEqual(['Written assessment']);
    expect(copy.stages.map((stage) => stage.evaluationDueAt)).toEqual([null]);
  });

  it('marks the source title as a copy when no title is given', () => {
    expect(copiedDefinition(SOURCE, { reference: 'X-1', ...WINDOW }).title).toBe('Accelerator centres 2026 (copy)');
  });

  it('shares no object with the source', () => {
    const copy = copiedDefinition(SOURCE, { reference: 'X-1', ...WINDOW });
    copy.criteria[0]!.weight = 5;
    copy.selection.maxPerRegion!.AFR = 9;
    expect(SOURCE.criteria[0]!.weight).toBe(0.6);
    expect(SOURCE.selection.maxPerRegion!.AFR).toBe(3);
  });
});

describe('copyTitle', () => {
  it('always ends with the mark and never exceeds 500 characters', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 500 }), (title) => {
        const copied = copyTitle(title);
        expect(copied.endsWith(' (copy)')).toBe(true);
        expect(copied.length).toBeLessThanOrEqual(500);
        expect(title.startsWith(copied.slice(0, -' (copy)'.length))).toBe(true);
      }),
    );
  });
});
