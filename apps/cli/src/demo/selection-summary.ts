import { DEMO_CALL } from './demo-data';
import { EmailReport } from './deliveries';
import {
  CANDIDATE_REASONS,
  Cohort,
  CohortEntry,
  CohortExclusion,
  ConstraintReport,
  SelectionOutcome,
} from './selection-round';
import { REGIONS, regionLabel, fit, heading, ordinal, table } from './text-table';

const MINIMUMS: Record<string, number> = DEMO_CALL.selection.minPerRegion;
/** A published cohort also passes over the member the secretariat removed. */
const PASSED_OVER_REASONS = [...CANDIDATE_REASONS, 'REMOVED_BY_SECRETARIAT'];

/**
 * The selection in the order it happened: the platform's proposal, the secretariat's override, then
 * what was published (the cohort, those it passes over, its waitlist), its hash, e-mails and annexes.
 */
export function formatSelection(selection: SelectionOutcome, emails: EmailReport, baseUrl: string): string {
  return [
    formatProposal(selection),
    formatLottery(selection),
    formatOverride(selection),
    formatCohort(selection),
    formatPassedOver(selection),
    formatPublication(selection, emails, baseUrl),
  ].join('\n');
}

/** The cohort as published, region by region, with who got in through a regional minimum. */
function formatCohort(selection: SelectionOutcome): string {
  const { published, document } = selection;
  const lines = heading(`Cohort: ${published.members.length} centres, published`);
  const { applications, countries } = document.statistics;
  lines.push(
    `Chosen from ${applications} applications from ${countries} countries; seats by region, best ranked first.`,
  );
  const firstReserved = Math.min(
    ...published.excluded.filter((e) => e.reason === 'SEAT_RESERVED_FOR_REGION').map((e) => e.rank ?? Infinity),
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

/**
 * What the platform proposed from the ranking and the call's constraints, before the secretariat
 * changed anything: its members, who it passed over and why, its waitlist.
 */
function formatProposal(selection: SelectionOutcome): string {
  const { proposal } = selection;
  const lines = heading("Proposal: the platform's selection, before the secretariat's changes");
  lines.push(
    `${proposal.members.length} centres proposed from the ranking within the call's caps and regional minimums.`,
  );
  lines.push(...exclusionLines(proposal, 'the proposal selected'));
  lines.push(`Waitlist of the proposal: ${waitlistText(proposal)}.`);
  lines.push(`Unmet constraints: ${proposal.unmetConstraints.map(describeConstraint).join('; ') || 'none'}.`);
  return lines.join('\n');
}

/**
 * The seats at the line drawn by lot: the grey zone (the candidates whose 90% interval in the final
 * ranking straddles the last seat), the commitment published before the draw, the secret revealed
 * by it, the lot order, and whether all of it recomputes from the public document alone.
 */
function formatLottery(selection: SelectionOutcome): string {
  const { lottery, proposal } = selection;
  const lines = heading('The lottery at the line');
  if (!lottery) {
    lines.push('The final ranking left no grey zone at the last seat: every seat was decided by rank, nothing drawn.');
    return lines.join('\n');
  }
  const { published, check } = lottery;
  const entries = [...proposal.members, ...proposal.waitlist, ...proposal.excluded];
  const name = (id: string) => entries.find((e) => e.applicationId === id)?.organisation.name ?? id;
  const seated = new Set(published.seated.map((s) => s.applicationId));
  const ranks = new Map(published.greyZone.map((c) => [c.applicationId, c.rank]));
  const yes = (ok: boolean) => (ok ? 'yes' : 'NO');
  lines.push(
    `Grey zone at the ${ordinal(proposal.members.length)} seat: ${published.greyZone.length} candidates whose 90% ` +
      `interval in the final ranking straddles it, whom the evaluations cannot place on either side. The call ` +
      `fills their seats by lot. The secretariat committed to a secret first; its SHA-256, ` +
      `${published.commitment.slice(0, 16)}…, was public from ${published.committedAt}; the draw at ` +
      `${published.drawnAt} revealed the secret, ${published.secret.slice(0, 16)}…`,
    '',
  );
  const rows = published.lotOrder.map((lot, i) => [
    String(i + 1),
    fit(name(lot.applicationId), 44),
    String(ranks.get(lot.applicationId)),
    String(lot.drawnRank),
    `${lot.key.slice(0, 12)}…`,
    seated.has(lot.applicationId) ? 'seated' : '',
  ]);
  lines.push(...table(['Lot', 'Centre', 'Rank', 'Drawn rank', 'SHA-256(secret:id)', 'Result'], rows, [0, 2, 3]));
  lines.push(
    '',
    `Checked from public sources only: commitment listed before the draw ${yes(check.listedBeforeDraw)}; ` +
      `SHA-256 of the published secret is the commitment ${yes(check.commitmentMatches)}; keys, lot order and ` +
      `drawn ranks recomputed ${yes(check.lotOrderMatches)}.`,
  );
  return lines.join('\n');
}

/** The published cohort's own passed-over centres and waitlist: the proposal's, after the override. */
function formatPassedOver(selection: SelectionOutcome): string {
  const { published } = selection;
  const lines = heading('Passed over and waitlist, as published');
  lines.push(...exclusionLines(published, 'the published cohort holds'));
  lines.push(`Waitlist as published: ${waitlistText(published)}.`);
  lines.push(
    `Constraints the published cohort breaks: ${published.violations.map(describeConstraint).join('; ') || 'none'}.`,
  );
  return lines.join('\n');
}

/** Candidates ranked above the cohort's last member who are not members, with why. */
function exclusionLines(cohort: Cohort, holds: string): string[] {
  const lastSelected = Math.max(...cohort.members.map((m) => m.rank));
  const passed = cohort.excluded.filter(
    (e) => PASSED_OVER_REASONS.includes(e.reason) && e.rank !== null && e.rank < lastSelected,
  );
  const lines = [`Ranked above the last centre ${holds} (${ordinal(lastSelected)}) but not in it:`, ''];
  const rows = passed.map((e) => [
    String(e.rank),
    fit(e.organisation.name, 44),
    e.organisation.countryCode,
    e.organisation.region,
    e.reason,
    explain(e, cohort.members),
  ]);
  lines.push(...table(['Rank', 'Centre', 'Ctry', 'Reg', 'Reason', 'Why'], rows, [0]));
  const counts = PASSED_OVER_REASONS.map((r) => [r, passed.filter((e) => e.reason === r).length] as const).filter(
    ([, n]) => n > 0,
  );
  lines.push(`By reason: ${counts.map(([r, n]) => `${r} ${n}`).join(', ') || 'none'}.`);
  return lines;
}

function waitlistText(cohort: Cohort): string {
  return cohort.waitlist.map((w) => `${w.rank}. ${w.organisation.name}`).join('; ') || 'empty';
}

function explain(exclusion: CohortExclusion, members: CohortEntry[]): string {
  switch (exclusion.reason) {
    case 'COUNTRY_CAP':
      return `${DEMO_CALL.selection.maxPerCountry} centres of ${exclusion.organisation.countryCode} already selected`;
    case 'SEAT_RESERVED_FOR_REGION': {
      // Once a candidate is refused for a reserved seat, every later member the selection chose fills one.
      const after = members
        .filter((m) => m.rank > (exclusion.rank ?? Infinity) && m.reason !== 'ADDED_BY_SECRETARIAT')
        .map((m) => m.organisation.region);
      const regions = [...new Set(after)].sort();
      const below = regions.length > 1 ? 'below their minimums' : 'below its minimum';
      return `the seats left were reserved for ${regions.join(' and ')}, ${below}`;
    }
    case 'REGION_CAP':
      return `${exclusion.organisation.region} already at its cap`;
    case 'REMOVED_BY_SECRETARIAT':
      return 'selected by the proposal, removed by the secretariat (see the override)';
    default:
      return `all ${DEMO_CALL.cohortSize} seats taken`;
  }
}

function describeConstraint(c: ConstraintReport): string {
  const region = c.region ? ` ${c.region}` : '';
  return `${c.constraint}${region}: required ${c.required ?? c.limit}, achieved ${c.achieved ?? c.actual} (${c.reason ?? ''})`;
}

/** The secretariat's change to the proposal, with its reason. */
function formatOverride(selection: SelectionOutcome): string {
  const { override } = selection;
  const lines = heading('Secretariat override');
  if (override) lines.push(...overrideLines(override.removed, override.added, override.reason, override.violations));
  else lines.push('None: no member had a replacement of the same region within the caps.');
  return lines.join('\n');
}

/** Publication and its hash, the e-mails and the annexes. */
function formatPublication(selection: SelectionOutcome, emails: EmailReport, baseUrl: string): string {
  const { published } = selection;
  const lines = heading('Publication');
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

/** The e-mails a round sent, by template and language, and what became of them. */
export function emailLines(emails: EmailReport): string[] {
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
