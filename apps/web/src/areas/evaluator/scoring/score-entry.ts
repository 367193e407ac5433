import { isValidScore, type Scale } from './total';

/** What a score field holds, read against the call's scale. */
export type ScoreEntry =
  | { kind: 'empty' }
  | { kind: 'score'; score: number }
  /** Typed but not a score of the scale: said to the evaluator, never rounded or cut to one. */
  | { kind: 'invalid'; reason: 'notWhole' | 'outOfScale' | 'notANumber' };

const WHOLE = /^[+-]?\d+$/;
/** A decimal number with either separator, as evaluators write it in English or French ("7.5", "7,5"). */
const DECIMAL = /^[+-]?(\d+[.,]\d*|[.,]\d+)$/;

/**
 * A score field's text as a score of the scale (an integer from min to max, API.md), or why it is
 * not one. "7.0" is the whole number 7; "7.5" and "11" on a 0–10 scale are refused as typed.
 */
export function readScore(text: string, scale: Scale): ScoreEntry {
  const typed = text.trim();
  if (typed === '') return { kind: 'empty' };
  if (!WHOLE.test(typed) && !DECIMAL.test(typed)) return { kind: 'invalid', reason: 'notANumber' };
  const value = Number(typed.replace(',', '.'));
  if (!Number.isInteger(value)) return { kind: 'invalid', reason: 'notWhole' };
  return isValidScore(value, scale) ? { kind: 'score', score: value } : { kind: 'invalid', reason: 'outOfScale' };
}

/** The score as its field first shows it. */
export function scoreText(score: number | undefined): string {
  return score === undefined ? '' : String(score);
}
