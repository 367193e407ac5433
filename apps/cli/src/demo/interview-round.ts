import { ApiClient } from './api-client';
import { PANEL_INTERVIEW } from './demo-data';
import { DemoEvaluator } from './demo-panel';
import { Progress } from './progress';
import { PanelMember, scoreStage } from './review-round';

export interface InterviewOutcome {
  created: number;
  unassigned: number;
  evaluationsSubmitted: number;
  /** Who interviewed each application, by application id. */
  reviewers: Map<string, DemoEvaluator[]>;
}

/**
 * Stage 2 through the public HTTP API: automatic assignment of the confirmed shortlist to the
 * panel, PANEL_INTERVIEW.evaluatorsPerApplication to a finalist (the same conflicts avoided), then
 * every interviewer scores its finalists on the interview's own criteria and scale.
 */
export async function playInterviewRound(
  api: ApiClient,
  secretariat: string,
  callId: string,
  panel: PanelMember[],
  seed: number,
): Promise<InterviewOutcome> {
  const progress = new Progress('Interview', 1);
  const report = await api.request<{ created: number; unassigned: unknown[] }>(
    'POST',
    `/calls/${callId}/assignments/auto?stage=2`,
    { token: secretariat },
  );
  progress.report(1, `${report.created} interview assignments made`, 1 + report.created);
  const stage = { position: 2, scoring: PANEL_INTERVIEW.scoring, criteria: PANEL_INTERVIEW.criteria };
  const scored = await scoreStage(api, callId, panel, seed, stage, (done, label) =>
    progress.report(1 + done, label, 1 + report.created),
  );
  progress.finish('every interview scored');
  return {
    created: report.created,
    unassigned: report.unassigned.length,
    evaluationsSubmitted: scored.evaluationsSubmitted,
    reviewers: scored.reviewers,
  };
}
