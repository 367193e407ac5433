import i18n from 'i18next';
import type { Region } from '../../../api/types';
import { countryName, formatNumber, formatScore } from '../../../shared/format';
import type { Cohort, CohortEntry, CohortExclusion, ConstraintReport } from '../types';

/**
 * Every code of a proposal (why an application is in or out, which constraint could not be met)
 * as a sentence in the reader's language, with the figures of the constraints the cohort used.
 */

const t = (key: string, values: Record<string, string | number> = {}) =>
  i18n.t(`cohorts.${key}` as 'cohorts.title', { ns: 'secretariat', ...values });

const number = (value: number | undefined) => formatNumber(value ?? 0, i18n.language);
const region = (code: Region | string | undefined) =>
  i18n.t(`regions.${code}` as 'regions.AFR', { ns: 'common', defaultValue: code ?? '' });
const country = (code: string | undefined) => (code ? countryName(code, i18n.language) : '');

/** "3 members", "1 seat": a count with its noun in the right number, for sentences with two counts. */
export function countOf(noun: 'members' | 'seats', count: number): string {
  return t(`counts.${noun}`, { count, formatted: number(count) });
}

export function memberReason(entry: CohortEntry): string {
  return entry.reason === 'ADDED_BY_SECRETARIAT' ? t('reasons.ADDED_BY_SECRETARIAT') : t('reasons.SELECTED');
}

/** Why an application is not a member; the caps and minimums quoted are those the cohort used. */
export function exclusionReason(
  exclusion: Pick<CohortExclusion, 'reason' | 'organisation'>,
  constraints: Cohort['constraints'],
): string {
  const { countryCode, region: regionCode } = exclusion.organisation;
  return t(`reasons.${exclusion.reason}`, {
    country: country(countryCode),
    region: region(regionCode),
    countryLimit: number(constraints.maxPerCountry),
    regionLimit: number(constraints.maxPerRegion?.[regionCode]),
    minScore: formatScore(constraints.minScore ?? 0, i18n.language),
    evaluations: number(constraints.evaluatorsPerApplication),
    // Only NOT_FULLY_EVALUATED has a number to agree with; the other reasons have no plural forms.
    count: constraints.evaluatorsPerApplication,
  });
}

/** A constraint the automatic proposal could not meet (`unmetConstraints`), and how it was eased. */
export function unmetConstraintSentence(report: ConstraintReport): string {
  const values = {
    region: region(report.region),
    required: number(report.required),
    achieved: number(report.achieved),
  };
  if (report.constraint === 'size') {
    return t('unmet.size', {
      members: countOf('members', report.achieved ?? 0),
      seats: countOf('seats', report.required ?? 0),
    });
  }
  return t(report.reason === 'COHORT_SIZE' ? 'unmet.minPerRegionSeats' : 'unmet.minPerRegionCandidates', values);
}

/** A constraint the members break since the secretariat's changes (`violations`). */
export function violationSentence(report: ConstraintReport): string {
  if (report.constraint === 'size') {
    return t('violations.size', {
      members: countOf('members', report.actual ?? 0),
      seats: countOf('seats', report.required ?? 0),
    });
  }
  return t(`violations.${report.constraint}`, {
    count: report.actual ?? 0,
    country: country(report.countryCode),
    region: region(report.region),
    actual: number(report.actual),
    limit: number(report.limit),
    required: number(report.required),
  });
}
