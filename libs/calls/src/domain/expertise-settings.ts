import type { FieldError } from '@app/platform/errors';
import type { Question } from './call';

/**
 * What expertise-aware assignment (issue 16 item 4) reads of a call: the keywords its evaluators
 * declare their expertise with, and where an application's topic is read. Changeable until the
 * call's assignments start (its review), like `blind`: after that the affinities of pairs already
 * made would no longer follow from the call.
 */
export interface ExpertiseSettings {
  /** The call's list of expertise keywords, in the secretariat's order; none leaves only free text. */
  keywords: string[];
  /** The question whose answer is an application's topic text; null: all its text answers together. */
  topicQuestionKey: string | null;
}

export const NO_EXPERTISE: ExpertiseSettings = { keywords: [], topicQuestionKey: null };

export const MAX_EXPERTISE_KEYWORDS = 200;
export const MAX_EXPERTISE_KEYWORD_LENGTH = 80;

/** Question types whose answers are text an application's topic can be read from. */
export const TOPIC_QUESTION_TYPES: ReadonlyArray<Question['type']> = ['text', 'longtext', 'choice'];

/** A keyword as two keywords are told apart: trimmed, spaces collapsed, case ignored. */
export function keywordKey(keyword: string): string {
  return keyword.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** Keywords unique (ignoring case and spacing) and a topic question that exists and holds text. */
export function expertiseErrors(expertise: ExpertiseSettings, questions: Question[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  expertise.keywords.forEach((keyword, index) => {
    const key = keywordKey(keyword);
    if (seen.has(key)) {
      errors.push({
        field: `expertise.keywords.${index}`,
        message: 'keywords must be unique',
        code: 'DUPLICATE_KEYWORD',
        params: { keyword },
      });
    }
    seen.add(key);
  });
  const key = expertise.topicQuestionKey;
  if (key !== null) {
    const question = questions.find((q) => q.key === key);
    if (!question || !TOPIC_QUESTION_TYPES.includes(question.type)) {
      errors.push({
        field: 'expertise.topicQuestionKey',
        message: 'the topic question must be a text, long text or choice question of the call',
        code: 'UNKNOWN_TOPIC_QUESTION',
        params: { key },
      });
    }
  }
  return errors;
}
