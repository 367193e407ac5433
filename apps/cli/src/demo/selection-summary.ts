import { DEMO_CALL } from './demo-data';
import { EmailReport } from './deliveries';
import { CANDIDATE_REASONS, CohortEntry, CohortExclusion, ConstraintReport, SelectionOutcome } from './selection-round';
import { REGIONS, regionLabel, fit, heading, ordinal, table } from './text-table';

const MINIMUMS: Record<string, number> = DEMO_CALL.selection.minPerRegion;

/** The cohort as published, region by region, with who got in through a regional minimum. */
export function formatCohort(selection: SelectionOutcome): string {
  const { published, document, proposal } = selection;
  const lines = heading(`Cohort: ${published.members.length} centres, published`);
  const { applications, countries } = document.statistics;
  lines.push(
    `Chosen from ${applications} applications from ${countries} countries; seats by region, best ranked first.`,
  );
  const firstReserved = Math.min(
    ...proposal.excluded.filter((e) => e.reason === 'SEAT_RESERVED_FOR_REGION').map((e) => e.rank ?? Infinity),
  );
  const countryName = new Map(document.members.map((m) => [m.countryCode, m.countryName]));
  for (const region of REGIONS) {
    const members = published.members.filter((m) => m.organisation.region === region);
    lines.push('', `${regionLabel(region)}: ${members.length} (minimum ${MINIMUMS[region] ?? 0})`);
    for (const member of members) {
      const { name, city, countryCode } = member.organisation;
      const note = member.reason === 'ADDED_BY_SECRETARIAT' ? 'added by the secretariat' : '';
      const reserved = member.rank > firstReserved && !note ? 'on a seat reserved for the region' : '';
      const where = `${city ?? ''}, ${countryName.get(countryCode) ?? countryCode}`;
      const cells = [`${String(member.rank).padStart(3)}.`, fit(name, 48).padEnd(48), fit(where, 30).padEnd(30)];
      lines.push(`  ${cells.join('  ')}  ${note || reserved}`.trimEnd());
    }
  }
  return lines.join('\n');
}

/** Candidates ranked above the last one selected who were not selected, with why; the waitlist. */
export function formatPassedOver(selection: SelectionOutcome): string {
  const { proposal } = selection;
  const lastSelected = Math.max(...proposal.members.map((m) => m.rank));
  const passed = proposal.excluded.filter(
    (e) => CANDIDATE_REASONS.includes(e.reason) && e.rank !== null && e.rank < lastSelected,
  );
  const lines = heading('Passed over');
  lines.push(`Ranked above the last centre the proposal selected (${ordinal(lastSelected)}) but not selected:`, '');
  const rows = passed.map((e) => [
    String(e.rank),
    fit(e.organisation.name, 44),
    e.organisation.countryCode,
    e.organisation.region,
    e.reason,
    explain(e, proposal.members),
  ]);
  lines.push(...table(['Rank', 'Centre', 'Ctry', 'Reg', 'Reason', 'Why'], rows, [0]));
  const counts = CANDIDATE_REASONS.map((r) => [r, passed.filter((e) => e.reason === r).length] as const).filter(
    ([, n]) => n > 0,
  );
  lines.push(`By reason: ${counts.map(([r, n]) => `${r} ${n}`).join(', ') || 'none'}.`);
  lines.push(`Waitlist: ${proposal.waitlist.map((w) => `${w.rank}. ${w.organisation.name}`).join('; ') || 'empty'}.`);
  lines.push(`Unmet constraints: ${proposal.unmetConstraints.map(describeConstraint).join('; ') || 'none'}.`);
  return lines.join('\n');
}

function explain(exclusion: CohortExclusion, members: CohortEntry[]): string {
  switch (exclusion.reason) {
    case 'COUNTRY_CAP':
      return `${DEMO_CALL.selection.maxPerCountry} centres of ${exclusion.organisation.countryCode} already selected`;
    case 'SEAT_RESERVED_FOR_REGION': {
      // Once a candidate is refused for a reserved seat, every later member fills one: their regions.
      const after = members.filter((m) => m.rank > (exclusion.rank ?? Infinity)).map((m) => m.organisation.region);
      const regions = [...new Set(after)].sort();
      const below = regions.length > 1 ? 'below their minimums' : 'below its minimum';
      return `the seats left were reserved for ${regions.join(' and ')}, ${below}`;
    }
    case 'REGION_CAP':
      return `${exclusion.organisation.region} already at its cap`;
    default:
      return `all ${DEMO_CALL.cohortSize} seats taken`;
  }
}

function describeConstraint(c: ConstraintReport): string {
  const region = c.region ? ` ${c.region}` : '';
  return `${c.constraint}${region}: required ${c.required ?? c.limit}, achieved ${c.achieved ?? c.actual} (${c.reason ?? ''})`;
}

/** The override, publication and its hash, the e-mails and the annexes. */
export function formatPublication(selection: SelectionOutcome, emails: EmailReport, baseUrl: string): string {
  const { override, published } = selection;
  const lines = heading('Secretariat override');
  if (override) lines.push(...overrideLines(override.removed, override.added, override.reason, override.violations));
  else lines.push('None: no member had a replacement of the same region within the caps.');
  lines.push(...heading('Publication'));
  const url = `${baseUrl}/api/v1/public/cohorts/${published.id}`;
  lines.push(
    `Published at ${published.publishedAt ?? '?'} as GET ${url} (no sign-in needed).`,
    `Content hash (SHA-256): ${published.contentHash ?? '?'}`,
    `Checked here: ${selection.hashVerified ? 'it matches' : 'IT DOES NOT MATCH'} the document as served.`,
    'To check it yourself: fetch the document, drop its contentHash field, write the rest as canonical JSON',
    '(object keys sorted recursively, arrays in order, no whitespace, UTF-8) and take its SHA-256 hex digest.',
    'The document contains the cohort id and publishedAt, so the hash differs from run to run even with the same seed.',
  );
  lines.push(...emailLines(emails), ...heading('Annexes'), ...selection.annexes.map((path) => `  ${path}`));
  return lines.join('\n');
}

function overrideLines(removed: CohortEntry, added: CohortExclusion, reason: string, violations: ConstraintReport[]) {
  return [
    `Removed: ${removed.organisation.name} (${removed.organisation.countryCode}, rank ${removed.rank})`,
    `Added:   ${added.organisation.name} (${added.organisation.countryCode}, rank ${added.rank}, was ${added.reason})`,
    `Reason, kept in the cohort and the audit log: "${reason}"`,
    `Constraints broken by the change: ${violations.map(describeConstraint).join('; ') || 'none'}.`,
  ];
}

function emailLines(emails: EmailReport): string[] {
  const lines = heading('E-mails');
  lines.push(`${emails.total} notifications, each also an e-mail, sent ${emails.via}.`);
  const languages = [...new Set([...emails.byTemplate.values()].flatMap((m) => [...m.keys()]))].sort();
  const rows = [...emails.byTemplate.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([template, counts]) => [
      template,
      ...languages.map((l) => String(counts.get(l) ?? 0)),
      String([...counts.values()].reduce((sum, n) => sum + n, 0)),
    ]);
  const numeric = languages.map((_, i) => i + 1).concat(languages.length + 1);
  lines.push(...table(['Template', ...languages, 'total'], rows, numeric).map((l) => `  ${l}`));
  const statuses = [...emails.byStatus.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  lines.push(`E-mail status: ${statuses.map(([s, n]) => `${s} ${n}`).join(', ')}.`);
  if (emails.caught) {
    const byLanguage = [...emails.caught.byLanguage.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    lines.push(
      `The catcher received ${emails.caught.count} (${byLanguage.map(([l, n]) => `${n} in ${l}`).join(', ')}), ` +
        `written to ${emails.caught.dir}/NNN-<recipient>.eml`,
    );
  }
  return lines;
}
