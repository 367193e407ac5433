import { EmailReport } from './deliveries';
import { formatRanking } from './ranking-report';
import { RankedRow } from './scoring-round';
import { Cohort, CohortEntry, CohortExclusion, SelectionOutcome } from './selection-round';
import { formatSelection } from './selection-summary';

const CENTRES = {
  A: { name: 'Alpha Hub', city: 'Tallinn', countryCode: 'EE', region: 'EUR' },
  B: { name: 'Beta Lab', city: 'Accra', countryCode: 'GH', region: 'AFR' },
  C: { name: 'Gamma Studio', city: 'Casablanca', countryCode: 'MA', region: 'ARB' },
  D: { name: 'Delta Centre', city: 'Sfax', countryCode: 'TN', region: 'ARB' },
  E: { name: 'Epsilon Works', city: 'Lima', countryCode: 'PE', region: 'AMS' },
  F: { name: 'Zeta Garage', city: 'Hanoi', countryCode: 'VN', region: 'ASP' },
};
type Key = keyof typeof CENTRES;
const RANK: Record<Key, number> = { A: 1, B: 2, C: 3, D: 4, E: 5, F: 6 };

const member = (key: Key, reason?: string): CohortEntry => ({
  applicationId: key,
  rank: RANK[key],
  score: 90 - RANK[key],
  organisation: CENTRES[key],
  ...(reason ? { reason } : {}),
});
const excluded = (key: Key, reason: string): CohortExclusion => ({
  applicationId: key,
  rank: RANK[key],
  score: 90 - RANK[key],
  reason,
  organisation: CENTRES[key],
});

function cohort(status: string, parts: Pick<Cohort, 'members' | 'waitlist' | 'excluded'>): Cohort {
  return {
    id: 'cohort-1',
    status,
    ...parts,
    unmetConstraints: [],
    violations: [],
    publishedAt: null,
    contentHash: null,
  };
}

/**
 * The demo's story in small: the proposal reserves E's seat for the Americas, passing over D; the
 * secretariat replaces C, which withdrew, by D, the best-ranked waitlisted centre of its region.
 */
const proposal = cohort('proposed', {
  members: [member('A'), member('B'), member('C'), member('E')],
  waitlist: [member('D'), member('F')],
  excluded: [excluded('D', 'SEAT_RESERVED_FOR_REGION'), excluded('F', 'COHORT_FULL')],
});
const published = cohort('published', {
  members: [member('A'), member('B'), member('D', 'ADDED_BY_SECRETARIAT'), member('E')],
  waitlist: [member('F')],
  excluded: [excluded('C', 'REMOVED_BY_SECRETARIAT'), excluded('F', 'COHORT_FULL')],
});
const selection: SelectionOutcome = {
  proposal,
  override: {
    removed: member('C'),
    added: excluded('D', 'SEAT_RESERVED_FOR_REGION'),
    reason: 'C withdrew.',
    violations: [],
  },
  published: { ...published, publishedAt: '2026-12-03T10:00:00.000Z', contentHash: 'abc' },
  document: {
    id: 'cohort-1',
    members: [],
    statistics: { applications: 7, countries: 6, selected: 4 },
    contentHash: 'abc',
  },
  hashVerified: true,
  annexes: [],
};
const emails: EmailReport = { via: 'nowhere', byTemplate: new Map(), byStatus: new Map(), total: 0 };

/** The lines of the report from the heading `title` to the next heading. */
function section(report: string, title: string): string[] {
  const lines = report.split('\n');
  const start = lines.findIndex((line) => line.startsWith(title));
  expect(start).toBeGreaterThanOrEqual(0);
  const next = lines.findIndex((line, index) => index > start + 1 && /^=+$/u.test(lines[index + 1] ?? ''));
  return lines.slice(start, next === -1 ? undefined : next);
}

const rowOf = (lines: string[], name: string) => lines.find((line) => line.includes(name));

describe('the demo summary of the selection', () => {
  const report = formatSelection(selection, emails, 'http://127.0.0.1:3100');

  it('tells the proposal, the override and what was published apart, in that order', () => {
    const headings = [
      "Proposal: the platform's selection, before the secretariat's changes",
      'Secretariat override',
      'Cohort: 4 centres, published',
      'Passed over and waitlist, as published',
      'Publication',
    ];
    const positions = headings.map((title) => report.indexOf(`\n${title}\n`));
    expect(positions.every((position) => position >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it('describes the proposal with its own passed-over centres and waitlist', () => {
    const lines = section(report, 'Proposal:');
    expect(lines).toContain("4 centres proposed from the ranking within the call's caps and regional minimums.");
    expect(lines).toContain('Ranked above the last centre the proposal selected (5th) but not in it:');
    expect(rowOf(lines, 'Delta Centre')).toMatch(/SEAT_RESERVED_FOR_REGION\s+the seats left were reserved for AMS/u);
    expect(lines).toContain('Waitlist of the proposal: 4. Delta Centre; 6. Zeta Garage.');
  });

  it('prints the published cohort with the centre the secretariat added', () => {
    const lines = section(report, 'Cohort: 4 centres, published');
    expect(rowOf(lines, 'Delta Centre')).toMatch(/added by the secretariat$/u);
    expect(rowOf(lines, 'Gamma Studio')).toBeUndefined();
  });

  it('passes over and waitlists, as published, only centres outside the published cohort', () => {
    const lines = section(report, 'Passed over and waitlist, as published');
    expect(lines).toContain('Ranked above the last centre the published cohort holds (5th) but not in it:');
    expect(rowOf(lines, 'Gamma Studio')).toMatch(
      /REMOVED_BY_SECRETARIAT\s+selected by the proposal, removed by the secretariat/u,
    );
    expect(lines).toContain('Waitlist as published: 6. Zeta Garage.');
    expect(lines.join('\n')).not.toContain('Delta Centre');
  });
});

describe('the demo summary of the ranking', () => {
  const row = (rank: number, name: string): RankedRow => ({
    rank,
    applicationId: name,
    organisation: { name, countryCode: 'EE', region: 'EUR' },
    score: 80 - rank,
    rawScore: 80 - rank,
    normalizedScore: 80 - rank,
    evaluationCount: 3,
    spread: 5,
    needsModeration: false,
    consensusScore: null,
    uncertainty: null,
  });

  it('counts the applications the full run scored and the evaluations it went through, each as such', () => {
    const report = formatRanking(
      { ranking: [row(1, 'Alpha Hub'), row(2, 'Beta Lab')], run: { evaluations: 6 }, interRaterReliability: 0.7 },
      new Map(),
    );
    expect(report).toContain('A full rescoring run scored 2 applications from their 6 submitted evaluations.');
  });
});
