import { ExpertiseProfile, normaliseKeyword } from './affinity';

/**
 * The two sides of an affinity (affinity.ts), built from what a call holds: an evaluator's declared
 * expertise, and an application's topic read from its answers.
 */

/** The most characters of an evaluator's free-text expertise. */
export const MAX_EXPERTISE_DESCRIPTION_LENGTH = 2000;

export interface TopicSource {
  /** The call's expertise keywords. */
  keywords: readonly string[];
  /** The question whose answer is the topic; null: every text answer. */
  topicQuestionKey: string | null;
  /** The call's questions whose answers are text (text, long text, choice), in the call's order. */
  textQuestionKeys: readonly string[];
}

/**
 * An application's topic: the answer to the call's topic question, else its text answers joined in
 * the call's order; its keywords are the call's keywords the topic says (as whole words, accents
 * and case ignored), so a choice question whose options are the keywords gives exactly the one chosen.
 */
export function applicationTopic(
  id: string,
  answers: Readonly<Record<string, unknown>>,
  source: TopicSource,
): ExpertiseProfile {
  const keys = source.topicQuestionKey === null ? source.textQuestionKeys : [source.topicQuestionKey];
  const text = keys
    .map((key) => answers[key])
    .filter((value): value is string => typeof value === 'string')
    .join('\n');
  const spoken = ` ${normaliseKeyword(text)} `;
  const keywords = source.keywords.filter((keyword) => {
    const normal = normaliseKeyword(keyword);
    return normal !== '' && spoken.includes(` ${normal} `);
  });
  return { id, keywords, text };
}

/**
 * The call's spelling of each keyword an evaluator declared (compared as affinity.ts compares
 * them), without repeats; `unknown` lists the positions of those the call's list does not have.
 */
export function declaredKeywords(
  declared: readonly string[],
  callKeywords: readonly string[],
): { keywords: string[]; unknown: number[] } {
  const byNormal = new Map(callKeywords.map((k) => [normaliseKeyword(k), k]));
  const keywords: string[] = [];
  const unknown: number[] = [];
  declared.forEach((keyword, index) => {
    const known = byNormal.get(normaliseKeyword(keyword));
    if (known === undefined) unknown.push(index);
    else if (!keywords.includes(known)) keywords.push(known);
  });
  return { keywords, unknown };
}
