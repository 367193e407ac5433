import { describe, expect, it } from '@jest/globals';
import type { Call } from '../../../api/types';
import { hasStages, readStage, stageQuery, stageSettings } from './stages';

const scoring = { scaleMin: 0, scaleMax: 10, normalization: 'none', disagreementThreshold: 30 } as const;
const interview = { scaleMin: 1, scaleMax: 5, normalization: 'zscore', disagreementThreshold: 20 } as const;

/** The parts of a call its stages are read from. */
function callOf(stages: Array<Partial<Call['stages'][number]>>): Call {
  return { scoring, evaluatorsPerApplication: 2, stages } as unknown as Call;
}

const twoStages = callOf([
  { position: 1, name: 'Written', evaluationDueAt: null },
  { position: 2, name: 'Interview', evaluationDueAt: null, scoring: interview, evaluatorsPerApplication: 3 },
]);

describe('readStage', () => {
  it('reads a whole stage from 2, and stage 1 for anything else', () => {
    expect(readStage(new URLSearchParams('stage=2'))).toBe(2);
    for (const query of ['', 'stage=1', 'stage=0', 'stage=-3', 'stage=1.5', 'stage=two']) {
      expect(readStage(new URLSearchParams(query))).toBe(1);
    }
  });
});

describe('stageQuery', () => {
  it('asks for stage 1 as the API reads a call of one stage, without a stage', () => {
    expect(stageQuery(1)).toEqual({});
    expect(stageQuery(2)).toEqual({ stage: 2 });
  });
});

describe('stageSettings', () => {
  it('gives stage 1 the call’s own scale and evaluators, a later stage its own', () => {
    expect(stageSettings(twoStages, 1)).toEqual({ name: 'Written', scoring, evaluatorsPerApplication: 2, last: false });
    expect(stageSettings(twoStages, 2)).toEqual({
      name: 'Interview',
      scoring: interview,
      evaluatorsPerApplication: 3,
      last: true,
    });
  });

  it('shows a stage selector only for a call of several stages', () => {
    expect(hasStages(twoStages)).toBe(true);
    expect(hasStages(callOf([{ position: 1, name: 'Evaluation', evaluationDueAt: null }]))).toBe(false);
  });
});
