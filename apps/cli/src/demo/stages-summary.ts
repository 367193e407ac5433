import { DEMO_CALL, PANEL_INTERVIEW, STAGE_DUE_DAYS } from './demo-data';
import { InterviewOutcome } from './interview-round';
import { ModerationDecision, ModerationOutcome, QueueEntry, listTotals, spreadOf } from './moderation-round';
import { compare } from './review-round';
import { RankedRow, StageRanking } from './scoring-round';
import { Cohort } from './selection-round';
import { ShortlistEntry, ShortlistOutcome } from './shortlist-round';
import { fit, heading, ordinal, table } from './text-table';

const OUTCOME_NAMES = { consensus: 'consensus score', revisit: 'revisit', scores_stand: 'scores stand' };

/** Every decision on the written assessment's queue: why it was there, what was decided and by whom, and its effect. */
export function formatModeration(moderation: ModerationOutcome): string {
  const { decisions, flagged, chair } = moderation;
  const lines = heading('Moderation of the written assessment');
  const added = decisions.length - flagged;
  lines.push(
    `${flagged} application(s) flagged by the scoring: their evaluators' totals lie more than ` +
      `${DEMO_CALL.scoring.disagreementThreshold} points apart` +
      (added > 0 ? `; the secretariat added ${added} with the widest spreads below that.` : '.'),
    `The secretariat named ${chair} chair of the call, to moderate beside it; every application in the queue ` +
      'was decided before the shortlist.',
  );
  decisions.forEach((decision, index) => lines.push('', ...decisionLines(decision, index + 1)));
  const counts = Object.entries(OUTCOME_NAMES)
    .map(([outcome, name]) => [name, decisions.filter((d) => d.outcome === outcome).length] as const)
    .filter(([, n]) => n > 0);
  lines.push('', `Decisions: ${counts.map(([name, n]) => `${name} ${n}`).join(', ')}.`);
  return lines.join('\n');
}

function decisionLines(decision: ModerationDecision, number: number): string[] {
  const { before } = decision;
  const lines = [
    `${number}. ${before.organisationName}: ${rankText(before)}, spread ${spreadOf(before)}; totals ${listTotals(before)}`,
    ...(before.addedReason ? [`   Added by the secretariat: "${before.addedReason}"`] : []),
  ];
  if (decision.discussion) {
    lines.push(`   Discussion: the secretariat wrote to its evaluators, mentioning each: "${decision.discussion}"`);
  }
  if (decision.clarification) {
    const { askedBy, question, answer } = decision.clarification;
    lines.push(
      `   Clarification: ${askedBy} proposed a question, the secretariat sent it, the centre answered.`,
      `     Q: "${question}"`,
      `     A: "${answer}"`,
    );
  }
  const what =
    decision.outcome === 'consensus'
      ? `consensus score ${decision.consensusScore}`
      : decision.outcome === 'revisit'
        ? `revisit by ${decision.revisited}`
        : 'scores stand';
  lines.push(`   Decision: ${what}, by ${decision.decidedBy}: "${decision.note}"`);
  lines.push(`   After: ${effectOf(decision)}`);
  return lines;
}

/** What the decision did: the rank it now has, and for a revisit the evaluator's new total and the spread. */
function effectOf({ outcome, before, after, revisited }: ModerationDecision): string {
  const moved = `${rankText(before)} → ${rankText(after)}`;
  if (outcome === 'consensus') return `ranked by its consensus score: ${moved}.`;
  if (outcome === 'revisit') {
    const total = (entry: QueueEntry) => entry.evaluators.find((e) => e.displayName === revisited)?.total.toFixed(0);
    return (
      `${revisited} scored it again, total ${total(before)} → ${total(after)}; ` +
      `spread ${spreadOf(before)} → ${spreadOf(after)}${after.flagged ? '' : ', flagged no more'}; ${moved}.`
    );
  }
  return `${moved} (scores unchanged; other decisions may move it).`;
}

function rankText(entry: QueueEntry): string {
  const score = entry.consensusScore ?? entry.score;
  return `rank ${entry.rank ?? '–'} (${score === null ? '–' : score.toFixed(2)})`;
}

/** The shortlist as proposed, its one amendment with the reason, and who advances and who does not, with why. */
export function formatShortlist(outcome: ShortlistOutcome, written: StageRanking): string {
  const { proposed, amendment, confirmed } = outcome;
  const { size, keepRegionalMinimums } = confirmed.rule;
  const minimums = Object.entries(DEMO_CALL.selection.minPerRegion)
    .map(([region, n]) => `${region} ${n}`)
    .join(', ');
  const lines = heading(`Shortlist for the ${PANEL_INTERVIEW.name.toLowerCase()}`);
  lines.push(
    `Rule: the best ${size} of the written assessment's ranking after moderation` +
      (keepRegionalMinimums ? `, keeping the call's regional minimums feasible (${minimums}).` : '.'),
    `Proposed: ${proposed.advancing} advancing of ${proposed.entries.total} applications.`,
  );
  if (amendment) {
    const { heldBack, advanced, reason } = amendment;
    lines.push(
      'Amended once by the secretariat:',
      `  Held back: ${heldBack.organisation.name} (${heldBack.organisation.countryCode}, rank ${heldBack.rank})`,
      `  Advanced:  ${advanced.organisation.name} (${advanced.organisation.countryCode}, rank ${advanced.rank}, was ${advanced.reason})`,
      `  Reason, kept on both entries and in the audit log: "${reason}"`,
    );
  } else lines.push('Not amended: no shortlisted region had a ranked centre held back.');
  // The API lists the unranked (ineligible, not fully evaluated) by id: by name here, the same on every run.
  const entries = [...confirmed.entries.items].sort(
    (a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || compare(a.organisation.name, b.organisation.name),
  );
  // The shortlist's entries carry the evaluators' score; the rank follows a consensus score where there is one.
  const consensus = new Map(
    written.ranking.flatMap((r) => (r.consensusScore === null ? [] : [[r.applicationId, r.consensusScore] as const])),
  );
  const advancing = entries.filter((e) => e.advancing);
  const heldBack = entries.filter((e) => !e.advancing);
  lines.push(
    `Confirmed: ${confirmed.advancing} centres advance to the interview; ${heldBack.length} do not.`,
    `Advancing by region: ${byRegion(advancing)}.`,
    '',
    'Advancing:',
    ...entryTable(advancing, consensus),
    '',
    'Held back:',
    ...entryTable(heldBack, consensus),
    `By reason: ${byReason(entries)}.`,
    "Score: the written assessment's, or (c) a moderator's consensus score, which ranks it instead.",
  );
  return lines.join('\n');
}

function entryTable(entries: ShortlistEntry[], consensus: Map<string, number>): string[] {
  const scoreOf = (e: ShortlistEntry) => {
    const agreed = consensus.get(e.applicationId);
    if (agreed !== undefined) return `(c) ${agreed.toFixed(2)}`;
    return e.score === null ? '' : e.score.toFixed(2);
  };
  const rows = entries.map((e) => [
    e.rank === null ? '–' : String(e.rank),
    fit(e.organisation.name, 44),
    e.organisation.countryCode,
    e.organisation.region,
    scoreOf(e),
    e.reason,
  ]);
  return table(['Rank', 'Centre', 'Ctry', 'Reg', 'Score', 'Reason'], rows, [0, 4]);
}

function byRegion(entries: ShortlistEntry[]): string {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.organisation.region, (counts.get(e.organisation.region) ?? 0) + 1);
  return [...counts.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([region, n]) => `${region} ${n}`)
    .join(', ');
}

function byReason(entries: ShortlistEntry[]): string {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.reason, (counts.get(e.reason) ?? 0) + 1);
  return [...counts.entries()].map(([reason, n]) => `${reason} ${n}`).join(', ');
}

/**
 * The interview and the final ranking the cohort is chosen from: each finalist's written and
 * interview scores beside its final score under the call's weighted rule, and why that rule.
 */
export function formatInterview(
  interview: InterviewOutcome,
  stage: StageRanking,
  written: StageRanking,
  proposal: Cohort,
): string {
  const lines = heading(`${PANEL_INTERVIEW.name} and final ranking`);
  const { scoring, criteria, evaluatorsPerApplication } = PANEL_INTERVIEW;
  lines.push(
    `${stage.ranking.length} finalists, ${evaluatorsPerApplication} interviewers each from the call's panel, ` +
      `due ${STAGE_DUE_DAYS[1]} days after the call's deadline (the written assessment ${STAGE_DUE_DAYS[0]}): ` +
      `${interview.created} assignments made automatically, ${interview.unassigned} finalist(s) left short; ` +
      `${interview.evaluationsSubmitted} evaluations submitted on the interview's ${criteria.length} criteria ` +
      `(${criteria.map((c) => c.code).join(', ')}), scale ${scoring.scaleMin}–${scoring.scaleMax}, ` +
      `calibrated (each interviewer's habit fitted with the finalists' quality; a finalist marked well by severe ` +
      `interviewers may pass 100). Inter-rater ` +
      `reliability: ${stage.interRaterReliability?.toFixed(2) ?? 'n/a'}.`,
    `Final ranking: ${weightsText()} of the written assessment and the panel interview's scores (a consensus ` +
      'score where a moderator recorded one). The interview is the closer look at the finalists, but a strong ' +
      'written record still counts: one interview alone does not decide.',
    '',
  );
  const writtenRow = new Map(written.ranking.map((r) => [r.applicationId, r]));
  const interviewRow = new Map(stage.ranking.map((r) => [r.applicationId, r]));
  // The proposal names every finalist with its final rank and score: its members and those it passed over.
  const finals = [...proposal.members, ...proposal.excluded]
    .flatMap(({ applicationId, rank, score, organisation }) =>
      rank === null || score === null ? [] : [{ applicationId, rank, score, organisation }],
    )
    .sort((a, b) => a.rank - b.rank);
  const rows = finals.map((final) => [
    String(final.rank),
    fit(final.organisation.name, 44),
    final.organisation.countryCode,
    final.organisation.region,
    scoreAndRank(writtenRow.get(final.applicationId)),
    scoreAndRank(interviewRow.get(final.applicationId)),
    final.score.toFixed(2),
  ]);
  lines.push(
    ...table(
      ['Final', 'Centre', 'Ctry', 'Reg', 'Written (rank)', 'Interview (rank)', 'Final score'],
      rows,
      [0, 4, 5, 6],
    ),
  );
  return lines.join('\n');
}

function weightsText(): string {
  const weights = Object.entries(DEMO_CALL.finalRanking.weights);
  const sum = weights.reduce((total, [, w]) => total + w, 0);
  return `the weighted mean, ${weights.map(([, w]) => `${Math.round((100 * w) / sum)} %`).join(' and ')},`;
}

function scoreAndRank(row: RankedRow | undefined): string {
  if (!row) return '–';
  return `${(row.consensusScore ?? row.score).toFixed(2)} (${ordinal(row.rank)})`;
}
