import type { Question, QuestionType } from '@app/calls';
import type { Answers } from './application';
import type { Clarification } from './clarification';

/** What would tell an evaluator of a blind call who applied, as the organisation declared it. */
export interface IdentifyingFacts {
  name: string;
  city: string | null;
  website: string | null;
  /** The full names of the organisation's team members, as each declared it. */
  people: string[];
}

/**
 * Answers of these types point at the applicant itself (its site, its address, its people by name
 * and e-mail): a blind call withholds them.
 */
const WITHHELD_TYPES: ReadonlySet<QuestionType> = new Set(['url', 'email', 'people']);

/** What stands in a text for a city or a website withheld. */
export const WITHHELD_MARK = '[…]';

/** Shorter terms would match inside ordinary words and blank out the text rather than hide a name. */
const MIN_TERM_LENGTH = 2;

/** The pseudonym of the `number`th application of a blind call: `A-001`, …, `A-999`, `A-1000`. */
export function pseudonymOf(number: number): string {
  return `A-${String(number).padStart(3, '0')}`;
}

/** The name an evaluator of a blind call sees for the `position`th document (from 1), keeping its extension. */
export function blindDocumentName(position: number, filename: string): string {
  return `Document ${position}${extensionOf(filename)}`;
}

/**
 * A clarification request as an evaluator of a blind call reads it: the question and the answer
 * without the centre's name, city, website or team, and without who answered; the answer's document
 * named `Answer` with its extension.
 */
export function blindClarification(request: Clarification, redact: (text: string) => string): Clarification {
  return {
    ...request,
    question: redact(request.question),
    answer: request.answer === null ? null : redact(request.answer),
    answeredBy: null,
    document: request.document && { ...request.document, filename: blindAnswerDocumentName(request.document.filename) },
  };
}

export function blindAnswerDocumentName(filename: string): string {
  return `Answer${extensionOf(filename)}`;
}

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot > 0 ? filename.slice(dot) : '';
}

/**
 * The answers as an evaluator of a blind call reads them: those of URL, e-mail and people questions left
 * out, and in the others every mention of the organisation's name replaced by its pseudonym and of
 * its city, website or team members by a mark. A mention counts as a whole word, whatever its case.
 */
export function blindAnswers(
  questions: readonly Question[],
  answers: Answers,
  facts: IdentifyingFacts,
  pseudonym: string,
): Answers {
  const types = new Map(questions.map((q) => [q.key, q.type]));
  const redact = redactor(facts, pseudonym);
  return Object.fromEntries(
    Object.entries(answers)
      .filter(([key]) => !WITHHELD_TYPES.has(types.get(key) ?? 'text'))
      .map(([key, value]) => [key, typeof value === 'string' ? redact(value) : value]),
  );
}

/**
 * Replaces, in one pass, the mentions of the name by the pseudonym and those of the city, website or
 * a team member's full name by a mark.
 */
export function redactor(facts: IdentifyingFacts, pseudonym: string): (text: string) => string {
  const name = facts.name.trim().toLocaleLowerCase();
  const terms = [name, facts.city ?? '', ...websiteForms(facts.website), ...facts.people]
    .map((term) => term.trim().toLocaleLowerCase())
    .filter((term) => term.length >= MIN_TERM_LENGTH)
    // The longest first, so that "Dakar Tech Lab" is taken whole before "Dakar".
    .sort((a, b) => b.length - a.length);
  if (terms.length === 0) return (text) => text;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => text.replace(pattern, (match) => (match.toLocaleLowerCase() === name ? pseudonym : WITHHELD_MARK));
}

/** A website as people write it: whole, without its scheme, its host, and its host without `www.`. */
function websiteForms(website: string | null): string[] {
  const trimmed = website?.trim();
  if (!trimmed) return [];
  const withoutScheme = trimmed.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/\/+$/, '');
  const host = withoutScheme.split(/[/?#]/)[0];
  return [...new Set([trimmed, withoutScheme, host, host.replace(/^www\./i, '')])];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
