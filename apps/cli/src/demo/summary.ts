import { DEMO_PANEL } from './demo-panel';
import { IntakeOutcome } from './intake-round';
import { ReviewOutcome } from './review-round';
import { REGIONS, regionLabel, fit, heading, table } from './text-table';

/** The intake, compactly: counts per region, who was not admitted and why, the refusals shown. */
export function formatIntakeSummary(outcome: IntakeOutcome): string {
  const submitted = outcome.rows.filter((r) => r.status === 'submitted');
  const countries = new Set(submitted.map((r) => r.countryCode)).size;
  const eligible = submitted.filter((r) => r.eligible).length;
  const drafts = outcome.rows.filter((r) => r.status === 'draft').length;
  const lines = heading(`Intake: call ${outcome.reference}`);
  lines.push(`Open from ${outcome.opensAt} to ${outcome.closesAt} (UTC, server clock).`);
  lines.push(
    `${submitted.length} applications submitted from ${countries} countries; ${eligible} eligible; ` +
      `${drafts} draft(s) never submitted.`,
    '',
  );
  const rows = REGIONS.map((region) => {
    const inRegion = submitted.filter((r) => r.region === region);
    const regionCountries = new Set(inRegion.map((r) => r.countryCode)).size;
    const regionEligible = inRegion.filter((r) => r.eligible).length;
    return [regionLabel(region), String(inRegion.length), String(regionCountries), String(regionEligible)];
  });
  lines.push(...table(['Region', 'Submitted', 'Countries', 'Eligible'], rows, [1, 2, 3]));
  lines.push('', 'Not admitted:');
  for (const row of outcome.rows.filter((r) => r.status !== 'submitted' || !r.eligible)) {
    const why =
      row.status === 'submitted'
        ? `not eligible: ${row.reasons.join(' ')}`
        : `left as a ${row.status}, not submitted in time`;
    lines.push(`  - ${row.name} (${row.countryCode}): ${why}`);
  }
  lines.push('Refused along the way, as a user would see it:');
  for (const refusal of outcome.refusals) {
    const fields = refusal.fields.length ? ` [${refusal.fields.join(', ')}]` : '';
    lines.push(`  - ${refusal.what}: ${refusal.status} ${refusal.code} (${refusal.detail})${fields}`);
  }
  return lines.join('\n');
}

/** The review: assignment, conflicts respected, evaluations, the panel's marking habits. */
export function formatReviewSummary(outcome: ReviewOutcome): string {
  const lines = heading('Review');
  lines.push(
    `Panel of ${outcome.loads.length} evaluators; ${outcome.created} assignments made automatically; ` +
      `${outcome.unassigned} application(s) left short.`,
  );
  const loads = outcome.loads.map(({ name, load }) => `${fit(name, 22).padEnd(22)} ${String(load).padStart(2)}`);
  for (let i = 0; i < loads.length; i += 3) lines.push(`  ${loads.slice(i, i + 3).join('    ')}`);
  lines.push(`Conflicts of interest respected (${outcome.conflictedPairs} conflicted pairs assigned):`);
  for (const conflict of outcome.conflicts) lines.push(`  - ${conflict}`);
  lines.push(
    `${outcome.evaluationsSubmitted} evaluations scored and submitted; colleagues' scores were hidden from ` +
      `${outcome.hiddenBeforeOwnSubmission} of ${outcome.loads.length} evaluators who looked before submitting their own.`,
  );
  const tempers = DEMO_PANEL.filter((e) => e.temper).map(
    (e) => `${e.name} is ${e.temper} (${e.bias > 0 ? '+' : ''}${e.bias} points per criterion)`,
  );
  lines.push(`Marking habits built into the scores: ${tempers.join('; ')}.`);
  return lines.join('\n');
}
