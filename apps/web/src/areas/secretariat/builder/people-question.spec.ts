import { describe, expect, it } from '@jest/globals';
import { emptyQuestion, newCallValues, type QuestionRow } from './call-form';
import { definitionBody } from './call-body';
import { validateCall } from './validate-call';

const callWith = (question: Partial<QuestionRow>) => {
  const values = newCallValues(Date.parse('2039-12-01T08:00:00Z'));
  return {
    ...values,
    reference: 'REF/1',
    title: 'Delegations',
    questions: [{ ...emptyQuestion(), key: 'delegation', label: 'Your delegation', ...question }],
  };
};

describe('a people question in the call builder', () => {
  it('is sent with its roles and counts, and no maximum length', () => {
    const values = callWith({
      type: 'people',
      options: 'head_of_delegation\n member \n',
      minCount: 1,
      maxCount: 3,
      maxLength: 40,
    });
    expect(definitionBody(values).questions).toEqual([
      {
        key: 'delegation',
        label: 'Your delegation',
        type: 'people',
        required: true,
        options: ['head_of_delegation', 'member'],
        minCount: 1,
        maxCount: 3,
      },
    ]);
  });

  it('leaves counts not typed to the API, and sends counts of no other type', () => {
    expect(definitionBody(callWith({ type: 'people', options: 'member' })).questions?.[0]).not.toHaveProperty(
      'minCount',
    );
    const text = definitionBody(callWith({ type: 'text', minCount: 1, maxCount: 3 })).questions?.[0];
    expect(text).not.toHaveProperty('minCount');
    expect(text).not.toHaveProperty('maxCount');
  });

  it('wants roles, counts from 0 to 100, and the fewest not above the most (20 when not typed)', () => {
    // The new call's empty criterion is wrong too: only the question's fields are looked at.
    const errors = (question: Partial<QuestionRow>) =>
      Object.keys(validateCall(callWith(question), false)).filter((field) => field.startsWith('questions.'));
    expect(errors({ type: 'people', options: 'member', minCount: 1, maxCount: 3 })).toEqual([]);
    expect(errors({ type: 'people', options: '' })).toEqual(['questions.0.options']);
    expect(errors({ type: 'people', options: 'member', minCount: 4, maxCount: 3 })).toEqual(['questions.0.minCount']);
    expect(errors({ type: 'people', options: 'member', minCount: 21 })).toEqual(['questions.0.minCount']);
    expect(errors({ type: 'people', options: 'member', maxCount: 101 })).toEqual(['questions.0.maxCount']);
  });
});
