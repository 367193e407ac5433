export const ASSIGNMENTS_PATH = '/evaluator/assignments';

export function assignmentPath(id: string): string {
  return `${ASSIGNMENTS_PATH}/${id}`;
}

/** The moderation queue of a call the evaluator chairs. */
export function chairModerationPath(callId: string): string {
  return `/evaluator/calls/${callId}/moderation`;
}
