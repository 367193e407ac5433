import i18n from 'i18next';
import type { components } from '../../../api/schema';
import { formatNumber, formatScore } from '../../../shared/format';

export type Shortlist = components['schemas']['ShortlistDto'];
export type ShortlistEntry = components['schemas']['ShortlistEntryDto'];

/**
 * Why an application advances or not (the API's reason code) as a sentence in the reader's language,
 * with the figures of the rule the shortlist was made with.
 */
export function shortlistReason(
  entry: ShortlistEntry,
  rule: Shortlist['rule'],
  /** The evaluators each application needed in the stage ranked. */
  evaluatorsPerApplication: number,
): string {
  return i18n.t(`stages.shortlist.reasons.${entry.reason}` as 'stages.shortlist.reasons.WITHIN_SIZE', {
    ns: 'secretariat',
    size: formatNumber(rule.size ?? 0, i18n.language),
    minScore: formatScore(rule.minScore ?? 0, i18n.language),
    region: i18n.t(`regions.${entry.organisation.region}` as 'regions.AFR', { ns: 'common' }),
    evaluations: formatNumber(evaluatorsPerApplication, i18n.language),
    // Only NOT_FULLY_EVALUATED has a number to agree with; the other reasons have no plural forms.
    count: evaluatorsPerApplication,
  });
}

/** The rule in one sentence: "The best 8", "Every application scoring at least 60.0", or both. */
export function ruleSentence(rule: Shortlist['rule']): string {
  const t = (key: string, values: Record<string, string | number> = {}) =>
    i18n.t(`stages.shortlist.rule.${key}` as 'stages.shortlist.rule.size', { ns: 'secretariat', ...values });
  const size = rule.size === undefined ? null : formatNumber(rule.size, i18n.language);
  const minScore = rule.minScore === undefined ? null : formatScore(rule.minScore, i18n.language);
  const base =
    size !== null && minScore !== null
      ? t('sizeAndMinScore', { count: rule.size ?? 0, size, minScore })
      : size !== null
        ? t('size', { count: rule.size ?? 0, size })
        : t('minScore', { minScore: minScore ?? '' });
  return rule.keepRegionalMinimums ? `${base} ${t('regionalMinimums')}` : base;
}
