import { describe, expect, it } from '@jest/globals';
import type { Call } from '../../../api/types';
import { callValues, newCallValues, newLaterStage, type LaterStageRow } from './call-form';
import { definitionBody, openCallChanges } from './call-body';

const INTERVIEW = {
  name: 'Panel interview',
  evaluationDueAt: '2040-03-15T13:30:00.000Z',
  evaluatorsPerApplication: 4,
  scoring: { scaleMin: 1, scaleMax: 5, normalization: 'zscore' as const, disagreementThreshold: 30 },
  criteria: [
    { code: 'PITCH', title: 'Pitch', description: 'How it is told', weight: 2 },
    { code: 'PLAN', title: 'Plan', description: '', weight: 1 },
  ],
};

/** Stage 1 reminds on days of its own, set outside the builder. */
const REMINDERS = { reminderDaysBefore: [14, 2], reminderDaysAfter: [] };

/** A call in two stages as the API reads it, ranked by a weighted mean of the two. */
function twoStageCall(): Call {
  const values = newCallValues(Date.parse('2039-12-01T08:00:00Z'));
  const body = definitionBody({ ...values, reference: 'REF/1', title: 'Call' });
  return {
    ...body,
    id: 'call-1',
    status: 'draft',
    version: 1,
    changeable: [],
    createdAt: '2039-12-01T08:00:00.000Z',
    updatedAt: '2039-12-01T08:00:00.000Z',
    publishedCohortId: null,
    criteria: [{ code: 'IMPACT', title: 'Impact', description: '', weight: 1 }],
    stages: [
      { position: 1, name: 'Written assessment', evaluationDueAt: null, ...REMINDERS },
      { position: 2, ...INTERVIEW, reminderDaysBefore: null, reminderDaysAfter: null },
    ],
    finalRanking: { rule: 'weighted', weights: { '1': 1, '2': 3 } },
  } as unknown as Call;
}

describe('the review stages of the call builder', () => {
  it('send a new call of one stage as one stage ranked by itself', () => {
    const body = definitionBody(newCallValues(Date.now()));
    expect(body.stages).toEqual([{ evaluationDueAt: null }]);
    expect(body.finalRanking).toEqual({ rule: 'last-stage' });
  });

  it('send a call read back as it was: stage 1 by name, due date and reminders, later stages whole, the weights by position', () => {
    const body = definitionBody(callValues(twoStageCall()));
    const [pitch, plan] = INTERVIEW.criteria;
    const { description: _empty, ...planWithoutDescription } = plan!;
    expect(body.stages).toEqual([
      { name: 'Written assessment', evaluationDueAt: null, ...REMINDERS },
      {
        ...INTERVIEW,
        criteria: [pitch, planWithoutDescription],
        reminderDaysBefore: null,
        reminderDaysAfter: null,
      },
    ]);
    expect(body.finalRanking).toEqual({ rule: 'weighted', weights: { '1': 1, '2': 3 } });
  });

  it('weigh stages by their new positions once reordered, and leave out a stage without a weight', () => {
    const values = callValues(twoStageCall());
    const [first, interview] = values.stages as [LaterStageRow, LaterStageRow];
    const visit = { ...newLaterStage(values), name: 'Site visit', finalWeight: '' };
    const body = definitionBody({ ...values, stages: [first, visit, interview] });
    expect(body.stages?.map((stage) => stage.name)).toEqual(['Written assessment', 'Site visit', 'Panel interview']);
    expect(body.finalRanking).toEqual({ rule: 'weighted', weights: { '1': 1, '3': 3 } });
  });

  it('rank a call back to one stage by that stage, whatever rule was chosen', () => {
    const values = callValues(twoStageCall());
    const body = definitionBody({ ...values, stages: [values.stages[0]] });
    expect(body.stages).toEqual([{ name: 'Written assessment', evaluationDueAt: null, ...REMINDERS }]);
    expect(body.finalRanking).toEqual({ rule: 'last-stage' });
  });

  it('start a later stage from the call scale and evaluators, with one empty criterion', () => {
    const values = newCallValues(Date.now());
    const stage = newLaterStage(values);
    expect(stage).toMatchObject({
      name: '',
      evaluationDueAt: '',
      evaluatorsPerApplication: 3,
      scoring: values.scoring,
    });
    expect(stage.scoring).not.toBe(values.scoring);
    expect(stage.criteria).toHaveLength(1);
  });
});

describe('the expertise settings of the call builder', () => {
  const expertise = { keywords: ['fintech', 'agritech'], topicQuestionKey: null };
  const openCall = (changeable: string[]) =>
    ({ ...twoStageCall(), status: 'open', changeable, expertise }) as unknown as Call;

  it('send the keywords trimmed, without blanks, and no topic question as all text answers', () => {
    const values = newCallValues(Date.now());
    const body = definitionBody({ ...values, expertise: { keywords: [' fintech ', ' '], topicQuestionKey: '' } });
    expect(body.expertise).toEqual({ keywords: ['fintech'], topicQuestionKey: null });
  });

  it('read a call back with the same settings', () => {
    const values = callValues(openCall([]));
    expect(values.expertise).toEqual({ keywords: ['fintech', 'agritech'], topicQuestionKey: '' });
    expect(definitionBody(values).expertise).toEqual(expertise);
  });

  it('send an opened call’s settings only when they changed and may still change', () => {
    const call = openCall(['closesAt', 'weights', 'blind', 'expertise']);
    const values = callValues(call);
    expect(openCallChanges(values, call)).toEqual({});
    const changed = { ...values, expertise: { keywords: ['fintech'], topicQuestionKey: '' } };
    expect(openCallChanges(changed, call)).toEqual({ expertise: { keywords: ['fintech'], topicQuestionKey: null } });
    expect(openCallChanges(changed, { ...call, changeable: ['weights'] })).toEqual({});
  });

  it('send a closed call’s settings without its deadline, fixed, even one stored to the second', () => {
    const call = { ...openCall(['weights', 'blind', 'expertise']), closesAt: '2040-01-31T11:00:42.123Z' };
    const changed = { ...callValues(call), expertise: { keywords: ['health'], topicQuestionKey: '' } };
    expect(openCallChanges(changed, call)).toEqual({ expertise: { keywords: ['health'], topicQuestionKey: null } });
  });
});
