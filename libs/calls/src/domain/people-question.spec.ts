import { CallDefinition, LAST_STAGE_RULE, Question } from './call';
import { callDefinitionErrors } from './call-definition.rules';
import { PEOPLE_COUNT_LIMITS, withPeopleDefaults } from './people-question';
import { singleStage } from './review-stages';

/** A valid call asking the given questions. */
function askingOnly(questions: Question[]): CallDefinition {
  const call: CallDefinition = {
    kind: 'selection',
    reference: 'BDT/DIR/DM/014',
    title: 'Delegations 2030',
    description: 'Name your delegation.',
    opensAt: new Date('2030-01-01T00:00:00Z'),
    closesAt: new Date('2030-03-01T00:00:00Z'),
    cohortSize: 6,
    evaluatorsPerApplication: 3,
    eligibility: {},
    selection: {},
    scoring: { scaleMin: 0, scaleMax: 10, normalization: 'none', disagreementThreshold: 30 },
    assignment: { excludeSameCountry: false },
    criteria: [{ code: 'IMPACT', title: 'Impact', description: '', weight: 1 }],
    questions,
    blind: false,
    translations: {},
    expertise: { keywords: [], topicQuestionKey: null },
    stages: [],
    finalRanking: LAST_STAGE_RULE,
    sessions: [],
    sessionAllocation: null,
  };
  return { ...call, stages: singleStage(call) };
}

const people = (extra: Partial<Question> = {}): Question => ({
  key: 'delegation',
  label: 'Delegation',
  type: 'people',
  required: true,
  options: ['head_of_delegation', 'member'],
  minCount: 1,
  maxCount: 3,
  ...extra,
});
const errorsOf = (...questions: Question[]) => callDefinitionErrors(askingOnly(questions));

describe('people questions in a call definition', () => {
  it('accepts roles and counts in order, a minimum of 0 and one equal to the maximum', () => {
    expect(errorsOf(people())).toEqual([]);
    expect(errorsOf(people({ minCount: 0, maxCount: 1, required: false }))).toEqual([]);
    expect(errorsOf(people({ minCount: 100, maxCount: 100 }))).toEqual([]);
  });

  it('demands roles, as a choice demands options, each once', () => {
    expect(errorsOf(people({ options: undefined }))).toEqual([
      {
        field: 'questions.0.options',
        message: 'a people question needs roles as its options',
        code: 'OPTIONS_REQUIRED',
      },
    ]);
    expect(errorsOf(people({ options: [] })).map((e) => e.code)).toEqual(['OPTIONS_REQUIRED']);
    expect(errorsOf(people({ options: ['member', 'member'] })).map((e) => e.code)).toEqual(['OPTIONS_NOT_UNIQUE']);
  });

  it('refuses a minimum above the maximum, on the minimum', () => {
    expect(errorsOf(people({ minCount: 4, maxCount: 3 }))).toEqual([
      {
        field: 'questions.0.minCount',
        message: 'the minimum count (4) exceeds the maximum (3)',
        code: 'MIN_EXCEEDS_MAX',
        params: { min: 4, max: 3 },
      },
    ]);
  });

  it('refuses counts on the other types, and says only choice and people questions have options', () => {
    const text: Question = {
      key: 'summary',
      label: 'Summary',
      type: 'text',
      required: false,
      minCount: 1,
      maxCount: 2,
    };
    expect(errorsOf(text)).toEqual([
      {
        field: 'questions.0.minCount',
        message: 'only people questions have a minimum and maximum count',
        code: 'COUNT_NOT_ALLOWED',
      },
      {
        field: 'questions.0.maxCount',
        message: 'only people questions have a minimum and maximum count',
        code: 'COUNT_NOT_ALLOWED',
      },
    ]);
    expect(errorsOf({ ...text, minCount: undefined, maxCount: undefined, options: ['x'] })).toEqual([
      {
        field: 'questions.0.options',
        message: 'only choice and people questions have options',
        code: 'OPTIONS_NOT_ALLOWED',
      },
    ]);
  });
});

describe('withPeopleDefaults', () => {
  it('settles the counts a people question leaves out: one person if required, none if not, at most 20', () => {
    const bare = people({ minCount: undefined, maxCount: undefined });
    expect(withPeopleDefaults(bare)).toEqual({ ...bare, minCount: 1, maxCount: PEOPLE_COUNT_LIMITS.defaultMax });
    expect(withPeopleDefaults({ ...bare, required: false })).toMatchObject({ minCount: 0, maxCount: 20 });
  });

  it('keeps the counts given, and a question of another type as it is', () => {
    expect(withPeopleDefaults(people({ minCount: 0, maxCount: 5 }))).toMatchObject({ minCount: 0, maxCount: 5 });
    const text: Question = { key: 'summary', label: 'Summary', type: 'text', required: true };
    expect(withPeopleDefaults(text)).toBe(text);
  });

  it('makes a definition that a minimum above the default maximum then fails', () => {
    const defined = withPeopleDefaults(people({ minCount: 25, maxCount: undefined }));
    expect(errorsOf(defined).map((e) => e.code)).toEqual(['MIN_EXCEEDS_MAX']);
  });
});
