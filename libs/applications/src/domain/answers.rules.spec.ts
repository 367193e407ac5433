import fc from 'fast-check';
import type { Question, QuestionType } from '@app/calls';
import { answerErrors } from './answers.rules';
import type { AnswerValue } from './application';

type AnswerPatch = Record<string, AnswerValue | null>;

const q = (key: string, type: QuestionType, extra: Partial<Question> = {}): Question => ({
  key,
  label: `Label of ${key}`,
  type,
  required: false,
  ...extra,
});
const draftErrors = (question: Question, value: string | number | null) =>
  answerErrors([question], { [question.key]: value }, false);
const problem = (question: Question, value: string | number) => draftErrors(question, value)[0]?.message ?? null;

describe('answerErrors, value by question type', () => {
  it.each<[QuestionType, number]>([
    ['text', 500],
    ['longtext', 20_000],
    ['choice', 500],
  ])('limits %s answers to %d characters by default', (type, max) => {
    const question = q('k', type, type === 'choice' ? { options: ['x'.repeat(max), 'x'.repeat(max + 1)] } : {});
    expect(problem(question, 'x'.repeat(max))).toBeNull();
    expect(problem(question, 'x'.repeat(max + 1))).toBe(`must be at most ${max} characters`);
  });

  it('limits url answers to 2000 and email answers to 254 characters by default', () => {
    const url = `https://example.org/${'a'.repeat(2000 - 20)}`;
    expect(problem(q('u', 'url'), url)).toBeNull();
    expect(problem(q('u', 'url'), `${url}a`)).toBe('must be at most 2000 characters');
    const email = `${'a'.repeat(254 - 12)}@example.org`;
    expect(problem(q('e', 'email'), email)).toBeNull();
    expect(problem(q('e', 'email'), `a${email}`)).toBe('must be at most 254 characters');
  });

  it('applies an explicit maxLength instead of the default', () => {
    expect(problem(q('k', 'text', { maxLength: 5 }), 'abcde')).toBeNull();
    expect(problem(q('k', 'text', { maxLength: 5 }), 'abcdef')).toBe('must be at most 5 characters');
    expect(problem(q('k', 'longtext', { maxLength: 30_000 }), 'x'.repeat(25_000))).toBeNull();
  });

  it('wants strings for text-like types and finite numbers for number', () => {
    for (const type of ['text', 'longtext', 'choice', 'url', 'email'] as const) {
      expect(problem(q('k', type, { options: ['1'] }), 1)).toBe('must be a string');
    }
    const number = q('n', 'number');
    expect(problem(number, '3')).toBe('must be a number');
    expect(problem(number, Number.NaN)).toBe('must be a number');
    expect(problem(number, Number.POSITIVE_INFINITY)).toBe('must be a number');
    for (const ok of [0, -1.5, 1e9]) expect(problem(number, ok)).toBeNull();
  });

  it('accepts only the options of a choice, exactly', () => {
    const choice = q('c', 'choice', { options: ['idea', 'growth'] });
    expect(problem(choice, 'growth')).toBeNull();
    expect(problem(choice, 'Growth')).toBe('must be one of: idea, growth');
    expect(problem(choice, 'growth ')).toBe('must be one of: idea, growth');
  });

  it.each(['https://itu.int', 'http://example.org/a?b=c#d', 'HTTPS://EXAMPLE.ORG'])('accepts the URL %s', (url) => {
    expect(problem(q('u', 'url'), url)).toBeNull();
  });

  it.each(['ftp://example.org', 'javascript:alert(1)', 'example.org', 'not a url', 'mailto:a@b.c'])(
    'refuses the URL %s',
    (url) => {
      expect(problem(q('u', 'url'), url)).toBe('must be an http(s) URL');
    },
  );

  it.each(['a@b.co', 'first.last+tag@sub.example.org'])('accepts the e-mail %s', (email) => {
    expect(problem(q('e', 'email'), email)).toBeNull();
  });

  it.each(['a@b', 'a b@c.de', '@c.de', 'a@@c.de', 'plain'])('refuses the e-mail %s', (email) => {
    expect(problem(q('e', 'email'), email)).toBe('must be an e-mail address');
  });

  it('leaves blank strings to the required check', () => {
    for (const question of [q('u', 'url'), q('e', 'email'), q('c', 'choice', { options: ['a'] })]) {
      expect(draftErrors(question, '  ')).toEqual([]);
      expect(answerErrors([{ ...question, required: true }], { [question.key]: ' ' }, true)).toEqual([
        {
          field: `answers.${question.key}`,
          message: `"Label of ${question.key}" is required`,
          code: 'REQUIRED',
          params: { label: `Label of ${question.key}` },
        },
      ]);
    }
  });
});

describe('answerErrors, keys and completeness', () => {
  const questions = [
    q('summary', 'longtext', { required: true }),
    q('budget', 'number', { required: true }),
    q('website', 'url'),
  ];

  it('refuses keys the call has no question for, in drafts and at submission', () => {
    const answers = { summary: 'ok', budget: 1, sumary: 'typo' };
    const expected = [
      { field: 'answers.sumary', message: 'the call has no question with this key', code: 'UNKNOWN_QUESTION' },
    ];
    expect(answerErrors(questions, answers, false)).toEqual(expected);
    expect(answerErrors(questions, answers, true)).toEqual(expected);
  });

  it('demands required answers only when complete', () => {
    expect(answerErrors(questions, {}, false)).toEqual([]);
    expect(answerErrors(questions, {}, true)).toEqual([
      {
        field: 'answers.summary',
        message: '"Label of summary" is required',
        code: 'REQUIRED',
        params: { label: 'Label of summary' },
      },
      {
        field: 'answers.budget',
        message: '"Label of budget" is required',
        code: 'REQUIRED',
        params: { label: 'Label of budget' },
      },
    ]);
    expect(answerErrors(questions, { summary: 'x', budget: 0 }, true)).toEqual([]);
  });

  it('lets a draft remove any answer with null, even one of an unknown key', () => {
    expect(answerErrors(questions, { summary: null, budget: null, website: null, gone: null }, false)).toEqual([]);
  });

  it('does not take null for an answer at submission', () => {
    const errors = answerErrors(questions, { summary: null, budget: 2 }, true);
    expect(errors).toContainEqual({
      field: 'answers.summary',
      message: '"Label of summary" is required',
      code: 'REQUIRED',
      params: { label: 'Label of summary' },
    });
  });

  it('does not take members of Object.prototype for answers', () => {
    const required = [q('constructor', 'text', { required: true })];
    expect(answerErrors(required, {}, true)).toEqual([
      {
        field: 'answers.constructor',
        message: '"Label of constructor" is required',
        code: 'REQUIRED',
        params: { label: 'Label of constructor' },
      },
    ]);
  });
});

describe('answerErrors, properties', () => {
  const key = fc.oneof(fc.stringMatching(/^[a-z][a-z0-9_]{0,11}$/), fc.constant('constructor'));
  const maxLength = (min: number, max: number) => fc.option(fc.integer({ min, max }), { nil: undefined });
  const option = fc.string({ minLength: 1, maxLength: 8 }).filter((s) => s.trim() !== '');
  const shape = fc.oneof(
    fc.record({ type: fc.constantFrom<QuestionType>('text', 'longtext'), maxLength: maxLength(1, 40) }),
    fc.record({ type: fc.constant<QuestionType>('number') }),
    fc.record({
      type: fc.constant<QuestionType>('choice'),
      options: fc.uniqueArray(option, { minLength: 1, maxLength: 4 }),
    }),
    fc.record({ type: fc.constantFrom<QuestionType>('url', 'email'), maxLength: maxLength(60, 300) }),
    fc
      .record({
        type: fc.constant<QuestionType>('people'),
        options: fc.uniqueArray(option, { minLength: 1, maxLength: 3 }),
        minCount: fc.integer({ min: 0, max: 3 }),
        extra: fc.integer({ min: 0, max: 3 }),
      })
      .map(({ extra, ...people }) => ({ ...people, maxCount: Math.max(1, people.minCount + extra) })),
  );
  const questionSet = fc
    .uniqueArray(fc.tuple(key, shape, fc.boolean()), { selector: ([k]) => k, maxLength: 6 })
    .map((rows) => rows.map(([k, s, required]): Question => ({ key: k, label: k, required, ...s })));

  const fits = (question: Question) => (s: string) => s.length <= (question.maxLength ?? 254);
  function validValue(question: Question): fc.Arbitrary<AnswerValue> {
    switch (question.type) {
      case 'people': {
        const { minCount = 0, maxCount = 100, required } = question;
        const person = fc.record({
          name: fc.string({ minLength: 1, maxLength: 30 }).filter((s) => s.trim() !== ''),
          title: fc.string({ maxLength: 30 }),
          email: fc.emailAddress().filter((s) => s.length <= 254),
          role: fc.constantFrom(...(question.options ?? [])),
        });
        // A complete answer names from the minimum (at least one when required) to the maximum; none is no answer.
        const least = Math.max(minCount, required ? 1 : 0);
        const some = fc.array(person, { minLength: least, maxLength: maxCount });
        return required || least === 0 ? some : fc.oneof(fc.constant<AnswerValue>([]), some);
      }
      case 'number':
        return fc.double({ noNaN: true, noDefaultInfinity: true });
      case 'choice':
        return fc.constantFrom(...(question.options ?? []));
      case 'url':
        return fc.webUrl({ withQueryParameters: true, withFragments: true }).filter(fits(question));
      case 'email':
        return fc.emailAddress().filter(fits(question));
      default: {
        const text = fc.string({ maxLength: question.maxLength ?? 40 });
        return question.required ? text.filter((s) => s.trim() !== '') : text;
      }
    }
  }

  const withValidAnswers = questionSet.chain((questions) =>
    fc.tuple(
      fc.constant(questions),
      fc.tuple(
        ...questions.map((question) =>
          question.required ? validValue(question) : fc.option(validValue(question), { nil: undefined }),
        ),
      ),
    ),
  );
  const answersOf = (questions: Question[], values: (AnswerValue | undefined)[]): AnswerPatch =>
    Object.fromEntries(
      questions.flatMap((question, i) => (values[i] === undefined ? [] : [[question.key, values[i]]])),
    );

  it('finds nothing wrong with answers made valid for the questions', () => {
    fc.assert(
      fc.property(withValidAnswers, ([questions, values]) => {
        const answers = answersOf(questions, values);
        expect(answerErrors(questions, answers, false)).toEqual([]);
        expect(answerErrors(questions, answers, true)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('reports exactly the required questions left unanswered, and only when complete', () => {
    fc.assert(
      fc.property(withValidAnswers, fc.infiniteStream(fc.boolean()), ([questions, values], drops) => {
        const dropped = new Set<string>();
        const kept = values.map((value, i) => {
          const drop = drops.next().value;
          if (!drop) return value;
          if (questions[i].required) dropped.add(questions[i].key);
          return undefined;
        });
        const answers = answersOf(questions, kept);
        expect(answerErrors(questions, answers, false)).toEqual([]);
        const fields = answerErrors(questions, answers, true).map((e) => e.field);
        expect(fields).toEqual(questions.filter((x) => dropped.has(x.key)).map((x) => `answers.${x.key}`));
      }),
      { numRuns: 200 },
    );
  });
});
