import type { FieldError } from '@app/platform/errors';
import type { Question } from './call';

/**
 * A `people` question asks for a list of people (a delegation, a team): each a name, a title or
 * function, an e-mail address and one of the roles the question's `options` name (e.g.
 * `head_of_delegation`, `member`), between `minCount` and `maxCount` of them.
 */
export const PEOPLE_COUNT_LIMITS = {
  /** The most people any people question may ask for. */
  max: 100,
  /** How many people a question takes at most when it does not say. */
  defaultMax: 20,
} as const;

/**
 * A question as defined: a people question's counts as given, else at least one person when it is
 * required (none otherwise) and at most PEOPLE_COUNT_LIMITS.defaultMax. Defaults are settled when
 * the question is defined, so every reader (the answers' rules, the forms) finds both counts.
 */
export function withPeopleDefaults(question: Question): Question {
  if (question.type !== 'people') return question;
  return {
    ...question,
    minCount: question.minCount ?? (question.required ? 1 : 0),
    maxCount: question.maxCount ?? PEOPLE_COUNT_LIMITS.defaultMax,
  };
}

/**
 * A people question's own rules: its counts in order (0 ≤ min ≤ max ≤ 100; the DTO checks each
 * bound alone, its roles are checked as a choice's options); other types have no counts.
 */
export function peopleQuestionErrors(question: Question, index: number): FieldError[] {
  const field = `questions.${index}`;
  if (question.type !== 'people') {
    return (['minCount', 'maxCount'] as const)
      .filter((count) => question[count] !== undefined)
      .map((count) => ({
        field: `${field}.${count}`,
        message: 'only people questions have a minimum and maximum count',
        code: 'COUNT_NOT_ALLOWED',
      }));
  }
  const { minCount: min = 0, maxCount: max = PEOPLE_COUNT_LIMITS.defaultMax } = question;
  if (min <= max) return [];
  return [
    {
      field: `${field}.minCount`,
      message: `the minimum count (${min}) exceeds the maximum (${max})`,
      code: 'MIN_EXCEEDS_MAX',
      params: { min, max },
    },
  ];
}
