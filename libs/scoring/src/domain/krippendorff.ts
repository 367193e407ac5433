import { isNegligible, populationStdDev, sumAscending, sumOfSquaredDeviations } from './statistics';

/**
 * Krippendorff's alpha for interval data (Krippendorff 2011, "Computing Krippendorff's
 * Alpha-Reliability"): α = 1 − D_o / D_e.
 *
 * `units` holds, for each unit (here: an application), the values it received (here: the
 * evaluators' totals). A unit with fewer than 2 values cannot be paired and is ignored. With n the
 * number of pairable values and m_u the values of unit u:
 *
 *   D_o = (1/n) · Σ_u 1/(m_u − 1) · Σ_{i≠j in u} (v_ui − v_uj)²
 *   D_e = 1/(n(n − 1)) · Σ_{i≠j among all pairable values} (v_i − v_j)²
 *
 * Both sums over ordered pairs use Σ_{i≠j} (v_i − v_j)² = 2m · Σ (v_i − v̄)², which is exact
 * algebra and keeps the cost linear: a large call has tens of thousands of totals, i.e. ~10⁹ pairs.
 *
 * Returns null when alpha is undefined: fewer than 2 pairable values, or no variation at all among
 * them (D_e = 0, up to rounding noise).
 */
export function krippendorffAlphaInterval(units: ReadonlyArray<readonly number[]>): number | null {
  const pairable = units.filter((values) => values.length >= 2);
  const allValues = pairable.flat();
  const n = allValues.length;
  if (n < 2 || isNegligible(populationStdDev(allValues))) return null;

  const observedPerUnit = pairable.map(
    (values) => (2 * values.length * sumOfSquaredDeviations(values)) / (values.length - 1),
  );
  const observedDisagreement = sumAscending(observedPerUnit) / n;
  const expectedDisagreement = (2 * n * sumOfSquaredDeviations(allValues)) / (n * (n - 1));
  return 1 - observedDisagreement / expectedDisagreement;
}
