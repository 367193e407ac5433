import { ApiClient, ApiError } from './api-client';
import { DEMO_CALL, DEMO_CENTRES } from './demo-data';
import { AFFILIATED, DECLARED_CONFLICTS, DEMO_PANEL, DemoEvaluator } from './demo-panel';
import { DEMO_PASSWORD, IntakeOutcome } from './intake-round';
import { Progress } from './progress';
import { Scale, criterionScore, scoreComment } from './scores';

export interface ReviewOutcome {
  created: number;
  unassigned: number;
  loads: Array<{ name: string; load: number }>;
  conflicts: string[];
  /** Assigned pairs that break a conflict: the demo checks there are none. */
  conflictedPairs: number;
  evaluationsSubmitted: number;
  hiddenBeforeOwnSubmission: number;
  /** Who evaluated each application, by application id: the summary explains rank changes with it. */
  reviewers: Map<string, DemoEvaluator[]>;
  /** The panel's accounts, for the later steps of the round. */
  panel: PanelMember[];
}

export interface PanelMember {
  evaluator: DemoEvaluator;
  id: string;
  token: string;
}

interface MyAssignment {
  id: string;
  applicationId: string;
  stage: number;
  application: { organisationName: string };
}

/** A stage's scale and criteria, as the evaluators score against them. */
interface StageForm {
  position: number;
  scoring: Scale;
  criteria: Array<{ code: string }>;
}

/** The written assessment: the call's own scale and criteria. */
const WRITTEN_ASSESSMENT: StageForm = { position: 1, scoring: DEMO_CALL.scoring, criteria: DEMO_CALL.criteria };

/**
 * The review through the public HTTP API: the secretariat closes the call and seats a panel,
 * evaluators declare their conflicts, automatic assignment avoids them (and the automatic ones:
 * same organisation, same country), and every evaluator scores and submits its applications.
 */
export async function playReviewRound(api: ApiClient, intake: IntakeOutcome, seed: number): Promise<ReviewOutcome> {
  const { callId, secretariat } = intake;
  // Closing, seating the panel and assigning, plus one step per evaluator and per conflict.
  // The bar's length is known for sure only once assignment is done: until then, a full panel's work.
  const setupSteps = 3 + DEMO_PANEL.length + DECLARED_CONFLICTS.length;
  const expected = intake.rows.filter((r) => r.eligible).length * DEMO_CALL.evaluatorsPerApplication;
  const progress = new Progress('Review', setupSteps + expected);
  await closeCall(api, secretariat, callId);
  progress.step('call closed');
  const panel: PanelMember[] = [];
  for (const evaluator of DEMO_PANEL) {
    panel.push(await createEvaluator(api, secretariat, evaluator));
    progress.step(`${evaluator.name} joins the panel`);
  }
  await api.request('POST', `/calls/${callId}/panel`, {
    token: secretariat,
    body: { evaluatorIds: panel.map((m) => m.id) },
  });
  progress.step('panel seated');
  const conflicts = await declareConflicts(api, intake, panel, () => progress.step('conflict declared'));
  const report = await api.request<{
    created: number;
    assignmentsPerEvaluator: Record<string, number>;
    unassigned: unknown[];
  }>('POST', `/calls/${callId}/assignments/auto`, { token: secretariat });
  progress.step(`${report.created} assignments made`);
  const scored = await scoreStage(api, callId, panel, seed, WRITTEN_ASSESSMENT, (done, label) =>
    progress.report(setupSteps + done, label, setupSteps + report.created),
  );
  progress.finish('every evaluation submitted');
  return {
    created: report.created,
    unassigned: report.unassigned.length,
    loads: panel.map((m) => ({ name: m.evaluator.name, load: report.assignmentsPerEvaluator[m.id] ?? 0 })),
    conflicts,
    ...scored,
    panel,
  };
}

/** The worker closes a call at its deadline on its own schedule; the secretariat closes it if not yet. */
async function closeCall(api: ApiClient, secretariat: string, callId: string): Promise<void> {
  try {
    await api.request('POST', `/calls/${callId}/close`, { token: secretariat });
  } catch (error) {
    const call = await api.request<{ status: string }>('GET', `/calls/${callId}`, { token: secretariat });
    if (!(error instanceof ApiError && error.status === 409 && call.status === 'closed')) throw error;
  }
}

async function createEvaluator(api: ApiClient, secretariat: string, evaluator: DemoEvaluator): Promise<PanelMember> {
  const { name, email, countryCode, affiliation, locale } = evaluator;
  const user = await api.request<{ id: string }>('POST', '/users', {
    token: secretariat,
    body: { email, password: DEMO_PASSWORD, displayName: name, role: 'evaluator', countryCode, affiliation, locale },
  });
  return { evaluator, id: user.id, token: await api.login(email, DEMO_PASSWORD) };
}

/** Each evaluator declares its own conflicts, as the platform asks before scoring starts. */
async function declareConflicts(
  api: ApiClient,
  intake: IntakeOutcome,
  panel: PanelMember[],
  declared: () => void,
): Promise<string[]> {
  const lines: string[] = [];
  for (const conflict of DECLARED_CONFLICTS) {
    const member = memberNamed(panel, conflict.evaluator);
    const applicationId = applicationOf(intake, conflict.centre);
    await api.request('POST', `/calls/${intake.callId}/conflicts`, {
      token: member.token,
      body: { applicationId, reason: conflict.reason },
    });
    lines.push(`${conflict.evaluator} declared a conflict with ${conflict.centre}: "${conflict.reason}"`);
    declared();
  }
  lines.push(`${AFFILIATED.evaluator} works for ${AFFILIATED.centre}: the platform found that conflict itself`);
  const compatriots = DEMO_PANEL.filter((e) => DEMO_CENTRES.some((c) => c.countryCode === e.countryCode));
  lines.push(
    `no one reviews centres of their own country (the call excludes it): ` +
      compatriots.map((e) => `${e.name} (${e.countryCode})`).join(', '),
  );
  return lines;
}

/** Every evaluator scores its assignments of the stage, in the order of the centres' names. */
export async function scoreStage(
  api: ApiClient,
  callId: string,
  panel: PanelMember[],
  seed: number,
  stage: StageForm,
  scoredOne: (done: number, label: string) => void,
) {
  const reviewers = new Map<string, DemoEvaluator[]>();
  let submitted = 0;
  let hidden = 0;
  let conflictedPairs = 0;
  for (const member of panel) {
    const mine = await api.request<{ items: MyAssignment[] }>('GET', `/me/assignments?callId=${callId}&limit=500`, {
      token: member.token,
    });
    const assignments = mine.items
      .filter((a) => a.stage === stage.position)
      .sort((a, b) => compare(a.application.organisationName, b.application.organisationName));
    // Only in the first stage: later, an evaluator has read the evaluations of an earlier stage it took part in.
    const first = stage.position === 1 ? assignments[0] : undefined;
    if (first && (await peekIsRefused(api, member, first))) hidden += 1;
    for (const assignment of assignments) {
      if (isConflicted(member.evaluator, assignment.application.organisationName)) conflictedPairs += 1;
      await scoreAndSubmit(api, member, assignment, seed, stage);
      reviewers.set(assignment.applicationId, [...(reviewers.get(assignment.applicationId) ?? []), member.evaluator]);
      submitted += 1;
      scoredOne(submitted, `${member.evaluator.name} scored ${assignment.application.organisationName}`);
    }
  }
  return { evaluationsSubmitted: submitted, hiddenBeforeOwnSubmission: hidden, conflictedPairs, reviewers };
}

/** Colleagues' scores stay hidden from an evaluator until it has submitted its own. */
async function peekIsRefused(api: ApiClient, member: PanelMember, assignment: MyAssignment): Promise<boolean> {
  const refusal = await api.refusal('GET', `/applications/${assignment.applicationId}/evaluations`, {
    token: member.token,
  });
  return refusal.status === 403;
}

async function scoreAndSubmit(
  api: ApiClient,
  member: PanelMember,
  assignment: MyAssignment,
  seed: number,
  stage: StageForm,
): Promise<void> {
  const centre = centreNamed(assignment.application.organisationName);
  const scores = stage.criteria.map(({ code }) => ({
    criterionCode: code,
    score: criterionScore(seed, centre, member.evaluator, code, stage.scoring, stage.position),
  }));
  await submitEvaluation(api, member.token, assignment.id, scores, stage.scoring);
}

/** Saves an evaluation with a comment on each score, then submits it. */
export async function submitEvaluation(
  api: ApiClient,
  token: string,
  assignmentId: string,
  scores: Array<{ criterionCode: string; score: number }>,
  scale: Scale,
): Promise<void> {
  await api.request('PUT', `/assignments/${assignmentId}/evaluation`, {
    token,
    body: {
      scores: scores.map((s) => ({ ...s, comment: scoreComment(s.score, scale) })),
      overallComment: `Reviewed against the published criteria of the call.`,
    },
  });
  await api.request('POST', `/assignments/${assignmentId}/evaluation/submit`, { token });
}

function isConflicted(evaluator: DemoEvaluator, centreName: string): boolean {
  const centre = centreNamed(centreName);
  return (
    centre.countryCode === evaluator.countryCode ||
    (AFFILIATED.evaluator === evaluator.name && AFFILIATED.centre === centreName) ||
    DECLARED_CONFLICTS.some((c) => c.evaluator === evaluator.name && c.centre === centreName)
  );
}

export function memberNamed(panel: PanelMember[], name: string): PanelMember {
  const member = panel.find((m) => m.evaluator.name === name);
  if (!member) throw new Error(`No evaluator named ${name} on the panel.`);
  return member;
}

export function centreNamed(name: string) {
  const centre = DEMO_CENTRES.find((c) => c.name === name);
  if (!centre) throw new Error(`An application from ${name}, which is not a demo centre.`);
  return centre;
}

function applicationOf(intake: IntakeOutcome, centre: string): string {
  const row = intake.rows.find((r) => r.name === centre && r.status === 'submitted');
  if (!row) throw new Error(`${centre} has no submitted application.`);
  return row.applicationId;
}

/** Code-unit order, the same on every machine (no locale collation). */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
