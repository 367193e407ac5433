import fc from 'fast-check';
import type { Question } from '@app/calls';
import { answerErrors } from './answers.rules';
import type { Person } from './application';
import { answerCell, withWholePeople } from './people-answers';

const delegation = (extra: Partial<Question> = {}): Question => ({
  key: 'delegation',
  label: 'Delegation',
  type: 'people',
  required: true,
  options: ['head_of_delegation', 'member'],
  minCount: 1,
  maxCount: 3,
  ...extra,
});
const AMINA: Person = {
  name: 'Amina Diallo',
  title: 'Director of innovation',
  email: 'amina@hub.example',
  role: 'head_of_delegation',
};
/** Amina, with some parts changed, added or of the wrong type. */
const person = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({ ...AMINA, ...extra });
const errorsOf = (value: unknown, complete = false, question = delegation()) =>
  answerErrors([question], { delegation: value as Person[] }, complete);

describe('answerErrors, people questions', () => {
  it('takes a list of whole people, in a draft and at submission', () => {
    const people = [person(), person({ name: 'Li Wei', title: '', role: 'member' })];
    expect(errorsOf(people)).toEqual([]);
    expect(errorsOf(people, true)).toEqual([]);
  });

  it.each([['Amina'], [{ name: 'Amina' }], [42], [['Amina']], [[null]], [[person(), []]]])(
    'refuses %j as NOT_A_LIST',
    (value) => {
      expect(errorsOf(value, true)).toEqual([
        { field: 'answers.delegation', message: 'must be a list of people (objects)', code: 'NOT_A_LIST' },
      ]);
    },
  );

  it('refuses more people than the maximum, in drafts too, without looking at each', () => {
    const many = Array.from({ length: 4 }, () => person({ email: 'not an address' }));
    const expected = [
      {
        field: 'answers.delegation',
        message: 'must name at most 3 people',
        code: 'TOO_MANY_PEOPLE',
        params: { max: 3 },
      },
    ];
    expect(errorsOf(many)).toEqual(expected);
    expect(errorsOf(many, true)).toEqual(expected);
  });

  it('wants at least the minimum only at submission', () => {
    const question = delegation({ minCount: 2 });
    expect(errorsOf([person()], false, question)).toEqual([]);
    expect(errorsOf([person()], true, question)).toEqual([
      {
        field: 'answers.delegation',
        message: 'must name at least 2 people',
        code: 'TOO_FEW_PEOPLE',
        params: { min: 2 },
      },
    ]);
  });

  it('counts an empty list as no answer: required only when the question is', () => {
    expect(errorsOf([], false)).toEqual([]);
    expect(errorsOf([], true)).toEqual([
      {
        field: 'answers.delegation',
        message: '"Delegation" is required',
        code: 'REQUIRED',
        params: { label: 'Delegation' },
      },
    ]);
    expect(answerErrors([delegation({ required: false, minCount: 2 })], { delegation: [] }, true)).toEqual([]);
    expect(answerErrors([delegation()], {}, true).map((e) => e.code)).toEqual(['REQUIRED']);
  });

  it('lets a draft leave a person incomplete, and names each missing part at submission', () => {
    const people = [person({ email: '' }), { name: '  ', role: 'member' }];
    expect(errorsOf(people)).toEqual([]);
    expect(errorsOf(people, true)).toEqual([
      { field: 'answers.delegation[0].email', message: "the person's email is required", code: 'REQUIRED' },
      { field: 'answers.delegation[1].name', message: "the person's name is required", code: 'REQUIRED' },
      { field: 'answers.delegation[1].email', message: "the person's email is required", code: 'REQUIRED' },
    ]);
  });

  it('checks the e-mail address and the role as soon as they are given', () => {
    expect(errorsOf([person({ email: 'amina@' }), person({ role: 'observer' })])).toEqual([
      { field: 'answers.delegation[0].email', message: 'must be an e-mail address', code: 'NOT_AN_EMAIL' },
      {
        field: 'answers.delegation[1].role',
        message: 'must be one of: head_of_delegation, member',
        code: 'NOT_AN_OPTION',
        params: { options: 'head_of_delegation, member' },
      },
    ]);
  });

  it('limits the length of each part', () => {
    const long = person({ name: 'n'.repeat(201), title: 't'.repeat(201), email: `${'e'.repeat(250)}@x.org` });
    expect(errorsOf([long]).map(({ field, code, params }) => ({ field, code, params }))).toEqual([
      { field: 'answers.delegation[0].name', code: 'TOO_LONG', params: { max: 200 } },
      { field: 'answers.delegation[0].title', code: 'TOO_LONG', params: { max: 200 } },
      { field: 'answers.delegation[0].email', code: 'TOO_LONG', params: { max: 254 } },
    ]);
    expect(errorsOf([person({ name: 'n'.repeat(200), title: 't'.repeat(200) })])).toEqual([]);
  });

  it('refuses parts that are not texts and properties a person does not have', () => {
    expect(errorsOf([person({ name: 7, phone: '+41 22 730 5111', fax: '' })])).toEqual([
      { field: 'answers.delegation[0].phone', message: 'a person has no such property', code: 'UNKNOWN_FIELD' },
      { field: 'answers.delegation[0].name', message: 'must be a string', code: 'NOT_A_STRING' },
    ]);
    expect(errorsOf([person({ email: null })]).map((e) => e.code)).toEqual(['NOT_A_STRING']);
  });

  it('reports at most a hundred errors however hostile the list', () => {
    const question = delegation({ maxCount: 100 });
    const hostile = Array.from({ length: 100 }, () => ({ name: 1, title: 2, email: 3, role: 4, x: 5 }));
    expect(errorsOf(hostile, true, question)).toHaveLength(100);
  });

  it('takes people only for a people question, and other answers of a people question not at all', () => {
    const text: Question = { key: 'summary', label: 'Summary', type: 'text', required: false };
    expect(answerErrors([text], { summary: [AMINA] }, false)).toEqual([
      { field: 'answers.summary', message: 'must be a string', code: 'NOT_A_STRING' },
    ]);
    expect(errorsOf('Amina Diallo').map((e) => e.code)).toEqual(['NOT_A_LIST']);
  });

  it('answers every JSON value with field errors, never an exception, and a list of people with at most a hundred', () => {
    const personLike = fc.dictionary(
      fc.constantFrom('name', 'title', 'email', 'role', 'x'),
      fc.jsonValue({ maxDepth: 2 }),
    );
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.array(personLike, { maxLength: 120 })),
        fc.boolean(),
        (value, complete) => {
          const errors = errorsOf(value, complete, delegation({ maxCount: 100 }));
          expect(errors.length).toBeLessThanOrEqual(100);
          for (const error of errors) expect(error.field.startsWith('answers.delegation')).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('falls back to none and a hundred when a question has no counts', () => {
    const open = delegation({ minCount: undefined, maxCount: undefined, required: false });
    expect(
      errorsOf(
        Array.from({ length: 100 }, () => person()),
        true,
        open,
      ),
    ).toEqual([]);
    expect(
      errorsOf(
        Array.from({ length: 101 }, () => person()),
        true,
        open,
      ).map((e) => e.code),
    ).toEqual(['TOO_MANY_PEOPLE']);
  });
});

describe('withWholePeople', () => {
  it('gives each person of a people answer its four parts, blank where left out, and leaves the rest', () => {
    const questions = [delegation(), { key: 'summary', label: 'Summary', type: 'text' as const, required: false }];
    expect(
      withWholePeople(questions, { delegation: [{ role: 'member', name: 'Li Wei' } as Person], summary: 'x' }),
    ).toEqual({ delegation: [{ name: 'Li Wei', title: '', email: '', role: 'member' }], summary: 'x' });
    expect(withWholePeople(questions, { delegation: null })).toEqual({ delegation: null });
  });
});

describe('answerCell', () => {
  it('writes people as "Name (title, e-mail, role)", separated by semicolons, blank parts left out', () => {
    expect(
      answerCell([
        AMINA,
        { name: 'Li Wei', title: '', email: 'li@hub.example', role: 'member' },
        { name: 'Ana', title: '', email: '', role: '' },
      ]),
    ).toBe(
      'Amina Diallo (Director of innovation, amina@hub.example, head_of_delegation); ' +
        'Li Wei (li@hub.example, member); Ana',
    );
  });

  it('leaves texts and numbers as they are, and no answer empty', () => {
    expect(answerCell('text')).toBe('text');
    expect(answerCell(3)).toBe(3);
    expect(answerCell(undefined)).toBeNull();
    expect(answerCell([])).toBe('');
  });
});
