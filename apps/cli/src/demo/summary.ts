import { IntakeOutcome } from './intake-round';
import { ReviewOutcome } from './review-round';

/** The demo's closing report, readable in a terminal. */
export function formatIntakeSummary(outcome: IntakeOutcome, baseUrl: string): string {
  const lines: string[] = [];
  const submitted = outcome.rows.filter((r) => r.status === 'submitted');
  lines.push('', `Call ${outcome.reference} closed at ${outcome.closesAt}`, '');
  lines.push(`${'Centre'.padEnd(36)} ${'Country'.padEnd(8)} ${'Region'.padEnd(7)} ${'Status'.padEnd(10)} Eligibility`);
  lines.push('-'.repeat(100));
  for (const row of outcome.rows) {
    const eligibility =
      row.eligible === undefined ? '' : row.eligible ? 'eligible' : `not eligible: ${row.reasons.join(' ')}`;
    lines.push(
      `${row.name.slice(0, 35).padEnd(36)} ${row.countryCode.padEnd(8)} ${row.region.padEnd(7)} ${row.status.padEnd(10)} ${eligibility}`,
    );
  }
  const countries = new Set(submitted.map((r) => r.countryCode)).size;
  const eligible = submitted.filter((r) => r.eligible).length;
  lines.push('', `${submitted.length} applications submitted from ${countries} countries; ${eligible} eligible.`, '');
  lines.push('Refused along the way, as a user would see it:');
  for (const refusal of outcome.refusals) {
    const fields = refusal.fields.length ? ` [${refusal.fields.join(', ')}]` : '';
    lines.push(`  - ${refusal.what}: ${refusal.status} ${refusal.code} (${refusal.detail})${fields}`);
  }
  lines.push('', `API: ${baseUrl}/api/v1   OpenAPI: ${baseUrl}/docs`);
  return lines.join('\n');
}

export function formatReviewSummary(outcome: ReviewOutcome): string {
  const lines = ['', 'Review', '------'];
  lines.push(`${outcome.created} assignments made automatically; ${outcome.unassigned} application(s) left short.`);
  for (const { name, load } of outcome.loads) lines.push(`  ${name.padEnd(20)} ${load} application(s)`);
  lines.push('Conflicts of interest respected:');
  for (const conflict of outcome.conflicts) lines.push(`  - ${conflict}`);
  lines.push(
    `${outcome.evaluationsSubmitted} evaluations scored and submitted; colleagues' scores were hidden ` +
      `${outcome.hiddenBeforeOwnSubmission} time(s) from evaluators who had not yet submitted their own.`,
  );
  return lines.join('\n');
}
