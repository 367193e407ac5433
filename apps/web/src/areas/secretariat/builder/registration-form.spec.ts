import { describe, expect, it } from '@jest/globals';
import { ApiProblem } from '../../../api/problem';
import type { Call } from '../../../api/types';
import { callValues, emptyQuestion, newCallValues, type CallFormValues } from './call-form';
import { creationBody, definitionBody, openCallChanges } from './call-body';
import { emptySession } from './registration-form';
import { serverFieldErrors } from './server-errors';
import { validateCall } from './validate-call';

/** A speaking-time call: two sessions, a choice question ranking the speakers, a limit per country. */
function speakingTime(): CallFormValues {
  const values = newCallValues(Date.parse('2039-12-01T08:00:00Z'));
  return {
    ...values,
    kind: 'registration',
    reference: 'WSIS/2040/HLPS',
    title: 'High-level policy sessions',
    criteria: [],
    questions: [
      { ...emptyQuestion(), key: 'rank', label: 'Speaker’s rank', type: 'choice', options: 'minister\ndeputy\nexpert' },
    ],
    eligibility: { ...values.eligibility, addresseeCategories: ['member_state_administration', 'sector_member'] },
    sessions: [
      {
        ...emptySession(),
        key: 'hlps_1',
        title: 'Opening',
        startsAt: '2040-05-04T09:00',
        endsAt: '2040-05-04T10:30',
        capacity: 3,
      },
      { ...emptySession(), key: 'hlps_2', title: 'Closing', startsAt: '2040-05-08T16:00', endsAt: '', capacity: '2' },
    ],
    sessionAllocation: { rule: 'priority', questionKey: 'rank', classes: ['minister', 'deputy'], maxPerCountry: 1 },
  };
}

describe('a registration call in the builder', () => {
  it('is created with its kind, its addressees, its sessions in UTC and its rule, and no evaluation settings', () => {
    const body = creationBody(speakingTime());
    expect(body.kind).toBe('registration');
    expect(body.eligibility?.addresseeCategories).toEqual(['member_state_administration', 'sector_member']);
    expect(body.sessions).toEqual([
      // Geneva is on summer time (UTC+2) in May.
      {
        key: 'hlps_1',
        title: 'Opening',
        startsAt: '2040-05-04T07:00:00.000Z',
        endsAt: '2040-05-04T08:30:00.000Z',
        capacity: 3,
      },
      { key: 'hlps_2', title: 'Closing', startsAt: '2040-05-08T14:00:00.000Z', capacity: 2 },
    ]);
    expect(body.sessionAllocation).toEqual({
      rule: 'priority',
      questionKey: 'rank',
      classes: ['minister', 'deputy'],
      maxPerCountry: 1,
    });
    for (const field of [
      'cohortSize',
      'evaluatorsPerApplication',
      'criteria',
      'scoring',
      'stages',
      'selection',
      'finalRanking',
    ])
      expect(body).not.toHaveProperty(field);
  });

  it('sends a receipt rule without question or classes, and no limit when none is typed', () => {
    const values = {
      ...speakingTime(),
      sessionAllocation: { rule: 'receipt' as const, questionKey: 'rank', classes: ['minister'], maxPerCountry: '' },
    };
    expect(definitionBody(values).sessionAllocation).toEqual({ rule: 'receipt' });
  });

  it('clears the rule of a draft whose last session is removed, and sends none on creation', () => {
    const values = { ...speakingTime(), sessions: [] };
    expect(definitionBody(values, true)).toMatchObject({ sessions: [], sessionAllocation: null });
    expect(creationBody(values)).not.toHaveProperty('sessionAllocation');
  });

  it('sends a selection call as before, with its kind on creation only', () => {
    const values = newCallValues(Date.parse('2039-12-01T08:00:00Z'));
    expect(creationBody(values).kind).toBe('selection');
    expect(definitionBody(values)).not.toHaveProperty('kind');
    expect(definitionBody(values)).not.toHaveProperty('sessions');
    expect(definitionBody(values).eligibility).not.toHaveProperty('addresseeCategories');
  });

  it('reads a registration call back as it was sent', () => {
    const values = speakingTime();
    const body = creationBody(values);
    const call = {
      ...body,
      id: 'call-1',
      status: 'draft',
      version: 1,
      changeable: [],
      criteria: [],
      stages: [{ position: 1, name: '', evaluationDueAt: null, reminderDaysBefore: null, reminderDaysAfter: null }],
      finalRanking: { rule: 'last-stage' },
      selection: {},
      scoring: { scaleMin: 0, scaleMax: 10, normalization: 'none', disagreementThreshold: 30 },
      assignment: { excludeSameCountry: false },
      expertise: { keywords: [], topicQuestionKey: null },
      blind: false,
      cohortSize: 1,
      evaluatorsPerApplication: 1,
      translations: {},
    } as unknown as Call;
    const read = callValues(call);
    expect(read.kind).toBe('registration');
    expect(read.eligibility.addresseeCategories).toEqual(['member_state_administration', 'sector_member']);
    expect(read.sessions.map(({ uid: _uid, ...session }) => session)).toEqual([
      { key: 'hlps_1', title: 'Opening', startsAt: '2040-05-04T09:00', endsAt: '2040-05-04T10:30', capacity: 3 },
      { key: 'hlps_2', title: 'Closing', startsAt: '2040-05-08T16:00', endsAt: '', capacity: 2 },
    ]);
    expect(definitionBody(read)).toEqual(definitionBody(values));
    // Once open only the rule may change, and only when it did.
    const open = { ...call, status: 'open', changeable: ['closesAt', 'sessionAllocation'] } as unknown as Call;
    expect(openCallChanges(read, open)).toEqual({});
    const receipt = { ...read, sessionAllocation: { ...read.sessionAllocation, rule: 'receipt' as const } };
    expect(openCallChanges(receipt, open)).toEqual({ sessionAllocation: { rule: 'receipt', maxPerCountry: 1 } });
  });
});

describe('the builder’s checks of a registration call', () => {
  it('pass a complete call, without asking for criteria, cohort size or evaluators', () => {
    expect(validateCall({ ...speakingTime(), cohortSize: '', evaluatorsPerApplication: '' }, false)).toEqual({});
  });

  it('name each session field in error', () => {
    const [first, second] = speakingTime().sessions as [
      CallFormValues['sessions'][number],
      CallFormValues['sessions'][number],
    ];
    const values = {
      ...speakingTime(),
      sessions: [
        { ...first, key: 'Opening session', title: ' ', capacity: 0 },
        { ...second, key: 'hlps_1', startsAt: '', endsAt: '2040-05-08T15:00' },
        { ...second, key: 'hlps_1', startsAt: '2040-05-08T16:00', endsAt: '2040-05-08T15:00' },
      ],
    };
    const errors = validateCall(values, false);
    expect(Object.keys(errors).sort()).toEqual(
      [
        'sessions.0.key',
        'sessions.0.title',
        'sessions.0.capacity',
        'sessions.1.startsAt',
        'sessions.2.key',
        'sessions.2.endsAt',
      ].sort(),
    );
  });

  it('ask for a choice question and classes among its options with a priority rule', () => {
    const rule = speakingTime().sessionAllocation;
    const check = (sessionAllocation: typeof rule) =>
      Object.keys(validateCall({ ...speakingTime(), sessionAllocation }, false));
    expect(check({ ...rule, questionKey: '' })).toEqual(['sessionAllocation.questionKey']);
    expect(check({ ...rule, classes: [] })).toEqual(['sessionAllocation.classes']);
    expect(check({ ...rule, classes: ['minister', 'king'] })).toEqual(['sessionAllocation.classes']);
    expect(check({ ...rule, maxPerCountry: 0 })).toEqual(['sessionAllocation.maxPerCountry']);
    expect(check({ ...rule, rule: 'receipt', questionKey: '', classes: [] })).toEqual([]);
  });

  it('place the API’s refusals of sessions on their fields', () => {
    const problem = new ApiProblem(400, {
      code: 'VALIDATION_FAILED',
      errors: [
        { field: 'sessions.1.endsAt', code: 'ENDS_BEFORE_STARTS', message: 'a session ends after it starts' },
        { field: 'sessionAllocation.questionKey', code: 'NOT_A_CHOICE_QUESTION', message: 'not a choice' },
      ],
    });
    const errors = serverFieldErrors(problem, speakingTime());
    expect(Object.keys(errors)).toEqual(['sessions.1.endsAt', 'sessionAllocation.questionKey']);
  });
});
