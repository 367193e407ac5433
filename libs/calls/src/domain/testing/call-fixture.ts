import { DomainError } from '@app/platform/errors';
import { Call, CallStatus, LAST_STAGE_RULE } from '../call';
import { singleStage } from '../review-stages';

/** The deadline of the fixture's call. */
export const CLOSES_AT = Date.parse('2030-03-01T00:00:00Z');

/** A selection call in the given status, with every part set, overridable. */
export function makeCall(status: CallStatus, overrides: Partial<Call> = {}): Call {
  const call: Call = {
    id: '3f1c2a4e-8b7d-4c6a-9e2f-1a2b3c4d5e6f',
    status,
    version: 4,
    createdAt: new Date('2029-11-01T00:00:00Z'),
    updatedAt: new Date('2029-11-02T00:00:00Z'),
    publishedCohortId: null,
    kind: 'selection',
    sessions: [],
    sessionAllocation: null,
    reference: 'BDT/DIR/DM/013',
    title: 'Accelerator centres 2030',
    description: 'Select the network.',
    opensAt: new Date('2030-01-01T00:00:00Z'),
    closesAt: new Date(CLOSES_AT),
    cohortSize: 6,
    evaluatorsPerApplication: 3,
    eligibility: {
      organisationTypes: ['incubator', 'accelerator'],
      countryCodes: ['PS'],
      requiredDocuments: ['statutes'],
    },
    selection: { maxPerCountry: 2, maxPerRegion: { AFR: 3, EUR: 2 }, minPerRegion: { AFR: 1 }, waitlistSize: 3 },
    scoring: { scaleMin: 0, scaleMax: 10, normalization: 'zscore', disagreementThreshold: 30 },
    assignment: { excludeSameCountry: true },
    criteria: [
      { code: 'IMPACT', title: 'Impact', description: 'Expected impact', weight: 0.5 },
      { code: 'TEAM', title: 'Team', description: '', weight: 0.3 },
      { code: 'REACH', title: 'Reach', description: '', weight: 0.2 },
    ],
    questions: [
      { key: 'summary', label: 'Summary', type: 'longtext', required: true },
      { key: 'stage', label: 'Stage', type: 'choice', required: false, options: ['idea', 'growth'] },
    ],
    blind: false,
    expertise: { keywords: ['fintech', 'agritech'], topicQuestionKey: null },
    stages: [],
    finalRanking: LAST_STAGE_RULE,
    translations: {},
    ...overrides,
  };
  return { ...call, stages: overrides.stages ?? singleStage(call) };
}

/** The domain error `run` throws; any other error is rethrown. */
export function thrown(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
}
