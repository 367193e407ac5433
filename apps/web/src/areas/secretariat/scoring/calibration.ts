import { formatNumber } from '../../../shared/format';
import type { Calibration, RankingItem } from '../types';

/** An evaluator's bias in points, signed ("+2.4", "-1.1"): positive for one who marks leniently. */
export function formatBias(bias: number, language: string): string {
  return formatNumber(bias, language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
    signDisplay: 'exceptZero',
  });
}

/**
 * A component of the evaluator–application graph as the pages number it: from 1 (the API's from 0),
 * in the order of their first application.
 */
export function componentNumber(component: number, language: string): string {
  return formatNumber(component + 1, language);
}

/**
 * Whether the rank intervals a page shows are those of the current fit: `pending` when none is
 * computed yet, `stale` when they are of an earlier fit or cohort size. From the fit when the page
 * read it, else from the ranking's own entries.
 */
export function intervalsStatus(
  calibration: Calibration | null,
  items: RankingItem[],
): Calibration['uncertainty']['status'] {
  if (calibration) return calibration.uncertainty.status;
  if (items.some((item) => item.uncertainty?.stale)) return 'stale';
  return items.some((item) => item.uncertainty !== null) ? 'current' : 'pending';
}
