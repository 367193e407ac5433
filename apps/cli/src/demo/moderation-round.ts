import { ApiClient } from './api-client';
import { DEMO_CALL, centreEmail } from './demo-data';
import { CHAIR, DemoEvaluator } from './demo-panel';
import { DEMO_PASSWORD } from './intake-round';
import { Progress } from './progress';
import { PanelMember, ReviewOutcome, centreNamed, compare, memberNamed, submitEvaluation } from './review-round';
import { RankedRow, StageRanking, rankedStage } from './scoring-round';
import { criterionScore, revisedScore } from './scores';
import { integerBetween } from './seeded';
import { until } from './wait';

type Outcome = 'consensus' | 'revisit' | 'scores_stand';

/** One application of the queue as the API lists it: its figures and every evaluator's total. */
export interface QueueEntry {
  applicationId: string;
  organisationName: string;
  flagged: boolean;
  addedReason: string | null;
  score: number | null;
  consensusScore: number | null;
  spread: number | null;
  rank: number | null;
  evaluators: Array<{ assignmentId: string; evaluatorId: string; displayName: string; total: number }>;
}

export interface ModerationDecision {
  /** The application as it entered moderation, and as it left it. */
  before: QueueEntry;
  after: QueueEntry;
  outcome: Outcome;
  decidedBy: string;
  note: string;
  consensusScore: number | null;
  /** The evaluator a revisit named, who scored again. */
  revisited: string | null;
  /** What the moderator asked for before deciding: the evaluators in the discussion, or the applicant. */
  discussion?: string;
  clarification?: { askedBy: string; question: string; answer: string };
}

export interface ModerationOutcome {
  chair: string;
  /** How many applications the scoring flagged; the others in `decisions` the secretariat added. */
  flagged: number;
  decisions: ModerationDecision[];
  /** The written assessment's ranking once every decision counts, which the shortlist is made from. */
  after: StageRanking;
}

/** The decisions, in the queue's order (widest spread first); the last one is repeated for the rest. */
const PLAN: Outcome[] = ['consensus', 'revisit', 'scores_stand'];

/**
 * Moderation of the written assessment before the shortlist: the secretariat names the call's
 * chair and decides, with her, every application in the queue (those whose evaluators' totals lie
 * further apart than the call's threshold; with fewer than three, the secretariat adds the widest
 * spreads below it). The widest disagreement gets a consensus score after a word to its evaluators
 * in the discussion; the next a revisit by the evaluator furthest from the others, who scores it
 * again; the others keep their scores, the first after a clarification asked of the applicant.
 */
export async function playModerationRound(
  api: ApiClient,
  secretariat: string,
  callId: string,
  review: ReviewOutcome,
  ranking: RankedRow[],
  seed: number,
): Promise<ModerationOutcome> {
  const progress = new Progress('Moderation', 1);
  const chair = memberNamed(review.panel, CHAIR);
  await api.request('PUT', `/calls/${callId}/moderation/chair`, {
    token: secretariat,
    body: { evaluatorId: chair.id },
  });
  const flagged = (await queue(api, secretariat, callId)).length;
  await addWidestSpreads(api, secretariat, callId, ranking, PLAN.length - flagged);
  const entries = await queue(api, secretariat, callId);
  progress.report(1, `${CHAIR} named chair; ${entries.length} application(s) to moderate`, 1 + entries.length);
  const decided: Array<Omit<ModerationDecision, 'after'>> = [];
  for (const [index, entry] of entries.entries()) {
    const outcome = PLAN[Math.min(index, PLAN.length - 1)];
    const context = { api, secretariat, callId, review, seed, chair };
    if (outcome === 'consensus') decided.push(await agreeOnConsensus(context, entry));
    else if (outcome === 'revisit') decided.push(await revisit(context, entry));
    else decided.push(await letScoresStand(context, entry, index === PLAN.length - 1));
    progress.step(`${entry.organisationName}: ${outcome.replace('_', ' ')}`);
  }
  const after = await rankedStageWithConsensus(api, secretariat, callId, decided);
  const final = new Map((await queue(api, secretariat, callId)).map((e) => [e.applicationId, e]));
  progress.finish('every queued application decided');
  return {
    chair: CHAIR,
    flagged,
    decisions: decided.map((d) => ({ ...d, after: final.get(d.before.applicationId) ?? d.before })),
    after,
  };
}

interface Context {
  api: ApiClient;
  secretariat: string;
  callId: string;
  review: ReviewOutcome;
  seed: number;
  chair: PanelMember;
}

/**
 * The queue, widest spread first. The API breaks ties (of spreads, of totals) by ids, which differ
 * from run to run: here they go by rank and by name, so that a seed gives the same decisions.
 */
async function queue(api: ApiClient, secretariat: string, callId: string): Promise<QueueEntry[]> {
  const page = await api.request<{ items: QueueEntry[] }>(
    'GET',
    `/calls/${callId}/moderation/queue?sort=-spread&limit=500`,
    { token: secretariat },
  );
  return page.items
    .map((entry) => ({
      ...entry,
      evaluators: [...entry.evaluators].sort((a, b) => b.total - a.total || compare(a.displayName, b.displayName)),
    }))
    .sort((a, b) => (b.spread ?? 0) - (a.spread ?? 0) || (a.rank ?? Infinity) - (b.rank ?? Infinity));
}

/** With fewer applications flagged than the demo shows decisions, the widest spreads under the threshold join. */
async function addWidestSpreads(
  api: ApiClient,
  secretariat: string,
  callId: string,
  ranking: RankedRow[],
  count: number,
): Promise<void> {
  if (count <= 0) return;
  const unflagged = ranking.filter((r) => !r.needsModeration).sort((a, b) => b.spread - a.spread || a.rank - b.rank);
  for (const row of unflagged.slice(0, count)) {
    await api.request('POST', `/calls/${callId}/moderation/queue/${row.applicationId}`, {
      token: secretariat,
      body: {
        reason:
          `Its evaluators' totals lie ${row.spread.toFixed(0)} points apart, just within the threshold of ` +
          `${DEMO_CALL.scoring.disagreementThreshold}: the secretariat asks for a second look.`,
      },
    });
  }
}

/** The secretariat asks the evaluators in the discussion, then the chair records the middle total as the consensus. */
async function agreeOnConsensus({ api, secretariat, callId, chair }: Context, entry: QueueEntry) {
  const totals = entry.evaluators.map((e) => e.total).sort((a, b) => a - b);
  const consensusScore = Math.round(median(totals));
  const discussion =
    `Your totals are ${listTotals(entry)}, ${spreadOf(entry)} points apart. The chair proposes a consensus ` +
    `score of ${consensusScore}, the middle total; say here before the moderation call if you disagree.`;
  await api.request('POST', `/applications/${entry.applicationId}/discussion/posts`, {
    token: secretariat,
    body: { body: discussion, mentionIds: entry.evaluators.map((e) => e.evaluatorId) },
  });
  const note =
    `Agreed in the moderation call: ${consensusScore}, the middle total. The outlying total rested on one ` +
    `reading of the programme's evidence that the other evaluators did not share.`;
  await resolve(api, chair.token, callId, entry, { outcome: 'consensus', note, consensusScore });
  return {
    before: entry,
    outcome: 'consensus' as const,
    decidedBy: `the chair, ${CHAIR}`,
    note,
    consensusScore,
    revisited: null,
    discussion,
  };
}

/**
 * The evaluator furthest from the others is asked to look again; it reads its colleagues'
 * evaluations and meets them halfway on every criterion, then submits again.
 */
async function revisit({ api, secretariat, callId, review, seed }: Context, entry: QueueEntry) {
  const outlier = furthestFromOthers(entry);
  const others = entry.evaluators.filter((e) => e !== outlier);
  const note =
    `Your total of ${outlier.total.toFixed(0)} lies ${distance(outlier, others).toFixed(0)} points from your ` +
    `colleagues' (${others.map((e) => e.total.toFixed(0)).join(' and ')}). Please read their evaluations ` +
    `and reconsider your scores.`;
  await resolve(api, secretariat, callId, entry, { outcome: 'revisit', note, evaluatorIds: [outlier.evaluatorId] });
  const centre = centreNamed(entry.organisationName);
  const evaluators = review.reviewers.get(entry.applicationId) ?? [];
  const own = evaluatorNamed(evaluators, outlier.displayName);
  const colleagues = evaluators.filter((e) => e !== own);
  const scoreOf = (evaluator: DemoEvaluator, code: string) =>
    criterionScore(seed, centre, evaluator, code, DEMO_CALL.scoring);
  const scores = DEMO_CALL.criteria.map(({ code }) => ({
    criterionCode: code,
    score: revisedScore(
      scoreOf(own, code),
      colleagues.map((c) => scoreOf(c, code)),
    ),
  }));
  const member = memberNamed(review.panel, own.name);
  await submitEvaluation(api, member.token, outlier.assignmentId, scores, DEMO_CALL.scoring);
  return {
    before: entry,
    outcome: 'revisit' as const,
    decidedBy: 'the secretariat',
    note,
    consensusScore: null,
    revisited: own.name,
  };
}

/**
 * The scores stand: the totals differ in judgement, not in facts. The first such application is
 * checked with the applicant first: its evaluator asks, the secretariat sends the question, the centre answers.
 */
async function letScoresStand(context: Context, entry: QueueEntry, askFirst: boolean) {
  const { api, secretariat, callId } = context;
  const clarification = askFirst ? await clarify(context, entry) : undefined;
  const note = clarification
    ? `The centre's answer to the panel's question confirms what its dossier says: the evaluators read the ` +
      `same facts differently, which is a matter of judgement. The scores stand.`
    : `Each evaluator justified every score against the criteria; the totals differ in judgement, not in ` +
      `facts. The scores stand.`;
  await resolve(api, secretariat, callId, entry, { outcome: 'scores_stand', note });
  return {
    before: entry,
    outcome: 'scores_stand' as const,
    decidedBy: 'the secretariat',
    note,
    consensusScore: null,
    revisited: null,
    clarification,
  };
}

/** A clarification round trip: proposed by the evaluator who marked lowest (the last listed), sent by the secretariat, answered. */
async function clarify({ api, secretariat, review, seed }: Context, entry: QueueEntry) {
  const lowest = entry.evaluators[entry.evaluators.length - 1];
  const asker = memberNamed(review.panel, lowest.displayName);
  const centre = centreNamed(entry.organisationName);
  const mentored = integerBetween(4, 30, seed, centre.name, 'mentors');
  const question =
    'Your dossier describes mentoring for every start-up: how many mentors worked with your last cohort, ' +
    'and how many of them were paid?';
  const replyBy = new Date(Date.now() + 7 * 86_400_000).toISOString();
  const proposed = await api.request<{ id: string }>('POST', `/applications/${entry.applicationId}/clarifications`, {
    token: asker.token,
    body: { question, replyBy },
  });
  await api.request('POST', `/clarifications/${proposed.id}/approve`, { token: secretariat, body: {} });
  const answer =
    `${mentored} mentors worked with our last cohort; ${Math.ceil(mentored / 3)} of them were paid, ` +
    `the others volunteer from our alumni network. The list is in our programme report.`;
  const form = new FormData();
  form.append('answer', answer);
  const applicant = await api.login(centreEmail(centre), DEMO_PASSWORD);
  await api.request('POST', `/clarifications/${proposed.id}/answer`, { token: applicant, body: form });
  return { askedBy: asker.evaluator.name, question, answer };
}

function resolve(
  api: ApiClient,
  token: string,
  callId: string,
  entry: QueueEntry,
  body: { outcome: Outcome; note: string; consensusScore?: number; evaluatorIds?: string[] },
) {
  return api.request('POST', `/calls/${callId}/moderation/applications/${entry.applicationId}/resolutions`, {
    token,
    body,
  });
}

/** The ranking once the results show every consensus score recorded (scoring applies them on its own time). */
async function rankedStageWithConsensus(
  api: ApiClient,
  secretariat: string,
  callId: string,
  decided: Array<Pick<ModerationDecision, 'before' | 'consensusScore'>>,
): Promise<StageRanking> {
  const agreed = decided.filter((d) => d.consensusScore !== null);
  return until(
    'the ranking to use the consensus scores',
    () => rankedStage(api, secretariat, callId, 1),
    ({ ranking }) =>
      agreed.every(
        (d) => ranking.find((r) => r.applicationId === d.before.applicationId)?.consensusScore === d.consensusScore,
      ),
    { timeoutMs: 120_000 },
  );
}

function furthestFromOthers(entry: QueueEntry) {
  const byDistance = entry.evaluators
    .map((e) => ({
      e,
      d: distance(
        e,
        entry.evaluators.filter((o) => o !== e),
      ),
    }))
    .sort((a, b) => b.d - a.d || compare(a.e.displayName, b.e.displayName));
  return byDistance[0].e;
}

/** How far an evaluator's total lies from the mean of the others'. */
function distance(evaluator: { total: number }, others: Array<{ total: number }>): number {
  const mean = others.reduce((sum, o) => sum + o.total, 0) / others.length;
  return Math.abs(evaluator.total - mean);
}

function median(sorted: number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function listTotals(entry: QueueEntry): string {
  return entry.evaluators.map((e) => `${e.displayName} ${e.total.toFixed(0)}`).join(', ');
}

export function spreadOf(entry: QueueEntry): string {
  return entry.spread === null ? '?' : entry.spread.toFixed(0);
}

function evaluatorNamed(evaluators: DemoEvaluator[], name: string): DemoEvaluator {
  const evaluator = evaluators.find((e) => e.name === name);
  if (!evaluator) throw new Error(`${name} did not evaluate this application.`);
  return evaluator;
}
