import { InterviewOutcome } from './interview-round';
import { ModerationOutcome, QueueEntry } from './moderation-round';
import { RankedRow } from './scoring-round';
import { Cohort, EntryOrganisation } from './selection-round';
import { ShortlistEntry, ShortlistOutcome } from './shortlist-round';
import { formatInterview, formatModeration, formatShortlist } from './stages-summary';

const ORGANISATIONS: Record<string, EntryOrganisation> = {
  A: { name: 'Alpha Hub', city: 'Tallinn', countryCode: 'EE', region: 'EUR' },
  B: { name: 'Beta Lab', city: 'Accra', countryCode: 'GH', region: 'AFR' },
  C: { name: 'Gamma Studio', city: 'Casablanca', countryCode: 'MA', region: 'ARB' },
  D: { name: 'Delta Centre', city: 'Sfax', countryCode: 'TN', region: 'ARB' },
  E: { name: 'Epsilon Works', city: 'Lima', countryCode: 'PE', region: 'AMS' },
};

const queued = (key: string, parts: Partial<QueueEntry>): QueueEntry => ({
  applicationId: key,
  organisationName: ORGANISATIONS[key].name,
  flagged: true,
  addedReason: null,
  score: 70,
  consensusScore: null,
  spread: 30,
  rank: 3,
  evaluators: [],
  ...parts,
});
const totals = (...pairs: Array<[string, number]>) =>
  pairs.map(([displayName, total]) => ({
    assignmentId: `${displayName}-a`,
    evaluatorId: displayName,
    displayName,
    total,
  }));

/** The demo's moderation in small: a consensus after a word in the discussion, a revisit, scores that stand after a clarification. */
const moderation: ModerationOutcome = {
  chair: 'Hélène Dubois',
  flagged: 2,
  after: { ranking: [], interRaterReliability: null },
  decisions: [
    {
      before: queued('B', {
        rank: 4,
        score: 72.5,
        spread: 40,
        evaluators: totals(['Ana', 80], ['Ben', 40], ['Cleo', 70]),
      }),
      after: queued('B', { rank: 2, score: 72.5, consensusScore: 78, spread: 40 }),
      outcome: 'consensus',
      decidedBy: 'the chair, Hélène Dubois',
      note: 'Agreed in the moderation call.',
      consensusScore: 78,
      revisited: null,
      discussion: 'Your totals are far apart.',
    },
    {
      before: queued('C', {
        rank: 6,
        score: 60,
        spread: 32,
        evaluators: totals(['Ana', 50], ['Ben', 82], ['Cleo', 55]),
      }),
      after: queued('C', {
        rank: 7,
        score: 58,
        spread: 14,
        flagged: false,
        evaluators: totals(['Ana', 50], ['Ben', 64], ['Cleo', 55]),
      }),
      outcome: 'revisit',
      decidedBy: 'the secretariat',
      note: 'Please reconsider.',
      consensusScore: null,
      revisited: 'Ben',
    },
    {
      before: queued('D', { rank: 9, score: 55, spread: 24, flagged: false, addedReason: 'Close to the threshold.' }),
      after: queued('D', { rank: 9, score: 55, spread: 24, flagged: false, addedReason: 'Close to the threshold.' }),
      outcome: 'scores_stand',
      decidedBy: 'the secretariat',
      note: 'The scores stand.',
      consensusScore: null,
      revisited: null,
      clarification: { askedBy: 'Cleo', question: 'How many mentors?', answer: 'Twelve.' },
    },
  ],
};

const entry = (
  key: string,
  rank: number | null,
  advancing: boolean,
  reason: string,
  note?: string,
): ShortlistEntry => ({
  applicationId: key,
  rank,
  score: rank === null ? null : 90 - rank,
  advancing,
  reason,
  ...(note ? { note } : {}),
  organisation: ORGANISATIONS[key],
});
const rule = { size: 3, keepRegionalMinimums: true };
const shortlist: ShortlistOutcome = {
  proposed: {
    status: 'proposed',
    rule,
    advancing: 3,
    entries: {
      total: 5,
      items: [
        entry('A', 1, true, 'WITHIN_SIZE'),
        entry('C', 2, true, 'WITHIN_SIZE'),
        entry('D', 3, false, 'SEAT_RESERVED_FOR_REGION'),
        entry('B', 4, true, 'KEEPS_REGIONAL_MINIMUM'),
        entry('E', null, false, 'INELIGIBLE'),
      ],
    },
  },
  amendment: {
    heldBack: entry('C', 2, true, 'WITHIN_SIZE'),
    advanced: entry('D', 3, false, 'SEAT_RESERVED_FOR_REGION'),
    reason: 'C cannot attend the interviews.',
  },
  confirmed: {
    status: 'confirmed',
    rule,
    advancing: 3,
    entries: {
      total: 5,
      items: [
        entry('A', 1, true, 'WITHIN_SIZE'),
        entry('C', 2, false, 'HELD_BACK_BY_SECRETARIAT', 'C cannot attend the interviews.'),
        entry('D', 3, true, 'ADVANCED_BY_SECRETARIAT', 'C cannot attend the interviews.'),
        entry('B', 4, true, 'KEEPS_REGIONAL_MINIMUM'),
        entry('E', null, false, 'INELIGIBLE'),
      ],
    },
  },
};

const lines = (report: string) => report.split('\n');
/** The first line of the report that contains `text`. */
const lineWith = (report: string, text: string) => lines(report).find((line) => line.includes(text));

describe('the demo summary of the moderation', () => {
  const report = formatModeration(moderation);

  it('says how many the scoring flagged, how many the secretariat added, and who chairs', () => {
    expect(report).toContain("2 application(s) flagged by the scoring: their evaluators' totals lie more than 25");
    expect(report).toContain('the secretariat added 1 with the widest spreads below that.');
    expect(report).toContain('The secretariat named Hélène Dubois chair of the call');
    expect(report).toContain('Decisions: consensus score 1, revisit 1, scores stand 1.');
  });

  it('gives each decision with its figures before, who decided, the note and its effect', () => {
    expect(report).toContain('1. Beta Lab: rank 4 (72.50), spread 40; totals Ana 80, Ben 40, Cleo 70');
    expect(report).toContain(
      '   Discussion: the secretariat wrote to its evaluators, mentioning each: "Your totals are far apart."',
    );
    expect(report).toContain(
      '   Decision: consensus score 78, by the chair, Hélène Dubois: "Agreed in the moderation call."',
    );
    expect(report).toContain('   After: ranked by its consensus score: rank 4 (72.50) → rank 2 (78.00).');
    expect(report).toContain('   Decision: revisit by Ben, by the secretariat: "Please reconsider."');
    expect(report).toContain(
      '   After: Ben scored it again, total 82 → 64; spread 32 → 14, flagged no more; rank 6 (60.00) → rank 7 (58.00).',
    );
  });

  it('shows the clarification round trip and the added reason of the application whose scores stand', () => {
    expect(report).toContain('   Added by the secretariat: "Close to the threshold."');
    expect(report).toContain(
      '   Clarification: Cleo proposed a question, the secretariat sent it, the centre answered.',
    );
    expect(report).toContain('     Q: "How many mentors?"');
    expect(report).toContain('     A: "Twelve."');
    expect(report).toContain('   Decision: scores stand, by the secretariat: "The scores stand."');
  });
});

const ranked = (key: string, rank: number, score: number, consensusScore: number | null = null): RankedRow => ({
  rank,
  applicationId: key,
  organisation: ORGANISATIONS[key],
  score,
  rawScore: score,
  normalizedScore: score,
  evaluationCount: 3,
  spread: 5,
  needsModeration: false,
  consensusScore,
  uncertainty: null,
});

describe('the demo summary of the shortlist', () => {
  const written = [ranked('A', 1, 89), ranked('C', 2, 88), ranked('D', 3, 87), ranked('B', 4, 86, 81)];
  const report = formatShortlist(shortlist, { ranking: written, interRaterReliability: 0.7 });

  it('states the rule, the proposal and the one amendment with its reason', () => {
    expect(report).toContain('Shortlist for the panel interview');
    expect(report).toContain(
      "Rule: the best 3 of the written assessment's ranking after moderation, keeping the call's regional " +
        'minimums feasible (AFR 3, AMS 2, ARB 2, ASP 2, CIS 2, EUR 2).',
    );
    expect(report).toContain('Proposed: 3 advancing of 5 applications.');
    expect(report).toContain('  Held back: Gamma Studio (MA, rank 2)');
    expect(report).toContain('  Advanced:  Delta Centre (TN, rank 3, was SEAT_RESERVED_FOR_REGION)');
    expect(report).toContain('  Reason, kept on both entries and in the audit log: "C cannot attend the interviews."');
  });

  it('counts who advances and who does not, and lists each with its reason', () => {
    expect(report).toContain('Confirmed: 3 centres advance to the interview; 2 do not.');
    expect(report).toContain('Advancing by region: AFR 1, ARB 1, EUR 1.');
    const all = lines(report);
    const heldBack = all.indexOf('Held back:');
    expect(all.indexOf('Advancing:')).toBeGreaterThan(0);
    expect(heldBack).toBeGreaterThan(all.indexOf('Advancing:'));
    // A row of either table: its rank (or a dash) first.
    const row = (name: string) => all.findIndex((line) => /^\s*(\d+|–)\s/u.test(line) && line.includes(name));
    expect(all[row('Delta Centre')]).toMatch(/TN\s+ARB\s+87\.00\s+ADVANCED_BY_SECRETARIAT$/u);
    expect(row('Delta Centre')).toBeLessThan(heldBack);
    expect(all[row('Gamma Studio')]).toMatch(/HELD_BACK_BY_SECRETARIAT$/u);
    expect(row('Gamma Studio')).toBeGreaterThan(heldBack);
    expect(all[row('Epsilon Works')]).toMatch(/^\s+–\s+Epsilon Works\s+PE\s+AMS\s+INELIGIBLE$/u);
    // Beta Lab is ranked by the consensus score a moderator recorded, not by its evaluators' 86.
    expect(all[row('Beta Lab')]).toMatch(/GH\s+AFR\s+\(c\) 81\.00\s+KEEPS_REGIONAL_MINIMUM$/u);
    expect(report).toContain(
      'By reason: WITHIN_SIZE 1, HELD_BACK_BY_SECRETARIAT 1, ADVANCED_BY_SECRETARIAT 1, KEEPS_REGIONAL_MINIMUM 1, INELIGIBLE 1.',
    );
  });
});

describe('the demo summary of the interview', () => {
  const interview: InterviewOutcome = { created: 12, unassigned: 0, evaluationsSubmitted: 12, reviewers: new Map() };
  const proposal: Cohort = {
    id: 'cohort-1',
    status: 'proposed',
    members: [
      { applicationId: 'D', rank: 1, score: 80, organisation: ORGANISATIONS.D },
      { applicationId: 'A', rank: 2, score: 75, organisation: ORGANISATIONS.A },
    ],
    waitlist: [],
    excluded: [
      { applicationId: 'B', rank: 3, score: 70, reason: 'COHORT_FULL', organisation: ORGANISATIONS.B },
      { applicationId: 'C', rank: null, score: null, reason: 'NOT_FULLY_EVALUATED', organisation: ORGANISATIONS.C },
    ],
    unmetConstraints: [],
    violations: [],
    publishedAt: null,
    contentHash: null,
  };
  const report = formatInterview(
    interview,
    { ranking: [ranked('D', 1, 85), ranked('A', 2, 70), ranked('B', 3, 65)], interRaterReliability: 0.5 },
    { ranking: [ranked('A', 1, 82), ranked('B', 2, 60, 78), ranked('D', 3, 72)], interRaterReliability: 0.7 },
    proposal,
  );

  it('says which final rule ranks the cohort, and why', () => {
    expect(report).toContain('Final ranking: the weighted mean, 40 % and 60 %, of the written assessment');
    expect(report).toContain('one interview alone does not decide.');
    expect(report).toContain(
      "4 interviewers each from the call's panel, due 49 days after the call's deadline (the written assessment 21): " +
        '12 assignments made automatically, 0 finalist(s) left short; 12 evaluations submitted',
    );
  });

  it("lists the finalists by final rank with each stage's score and rank, a consensus score where there is one", () => {
    expect(lineWith(report, 'Delta Centre')).toMatch(
      /^\s+1\s+Delta Centre\s+TN\s+ARB\s+72\.00 \(3rd\)\s+85\.00 \(1st\)\s+80\.00$/u,
    );
    expect(lineWith(report, 'Beta Lab')).toMatch(
      /^\s+3\s+Beta Lab\s+GH\s+AFR\s+78\.00 \(2nd\)\s+65\.00 \(3rd\)\s+70\.00$/u,
    );
    expect(lineWith(report, 'Gamma Studio')).toBeUndefined();
  });
});
