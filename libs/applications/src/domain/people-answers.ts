import type { Question } from '@app/calls';
import type { AnswerValue, Person } from './application';

/**
 * Answers as they are stored: each person of a people answer with its four properties in order,
 * blank where a draft left one out, so that every reader finds the same shape. The answers must have
 * passed answerErrors (a people answer is then a list of objects with only those properties).
 */
export function withWholePeople<T extends Record<string, AnswerValue | null>>(
  questions: readonly Question[],
  answers: T,
): T {
  const people = new Set(questions.filter((q) => q.type === 'people').map((q) => q.key));
  return Object.fromEntries(
    Object.entries(answers).map(([key, value]) => [
      key,
      people.has(key) && Array.isArray(value) ? value.map((person) => wholePerson(person)) : value,
    ]),
  ) as T;
}

function wholePerson(person: Partial<Person>): Person {
  return { name: person.name ?? '', title: person.title ?? '', email: person.email ?? '', role: person.role ?? '' };
}

/** An answer as one cell of an export: people as `Name (title, e-mail, role); …`, blank parts left out. */
export function answerCell(value: AnswerValue | undefined): string | number | null {
  if (value === undefined) return null;
  if (!Array.isArray(value)) return value;
  return value.map(personText).join('; ');
}

function personText(person: Partial<Person>): string {
  const details = [person.title, person.email, person.role].filter((part) => part && part.trim() !== '');
  const name = person.name?.trim() ?? '';
  return details.length > 0 ? `${name} (${details.join(', ')})` : name;
}
