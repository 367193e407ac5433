export const ASSIGNMENTS_PATH = '/evaluator/assignments';

/** The expertise the evaluator declares per call, read by the automatic assignment. */
export const EXPERTISE_PATH = '/evaluator/expertise';

export function assignmentPath(id: string): string {
  return `${ASSIGNMENTS_PATH}/${id}`;
}

/** The moderation queue of a call the evaluator chairs. */
export function chairModerationPath(callId: string): string {
  return `/evaluator/calls/${callId}/moderation`;
}
