import type { QuestionType } from '../types';

/** The types of answer a question may ask for, in the order the builder offers them. */
export const QUESTION_TYPES: QuestionType[] = ['text', 'longtext', 'number', 'choice', 'url', 'email', 'people'];

/** The types whose `options` are asked: a choice's options, a people question's roles. */
export function hasOptions(type: QuestionType): boolean {
  return type === 'choice' || type === 'people';
}

/** The types whose answers are texts of a maximum length. */
export function hasLength(type: QuestionType): boolean {
  return type !== 'number' && !hasOptions(type);
}
