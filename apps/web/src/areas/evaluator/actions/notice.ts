/** What the list of assignments confirms after the evaluator gave one back. */
export interface AssignmentNotice {
  kind: 'declined' | 'conflictReleased' | 'conflictKept';
  organisation: string;
}

/** The notice carried in the navigation's state, if any (the state may hold anything). */
export function noticeOf(state: unknown): AssignmentNotice | null {
  const notice = (state as { notice?: AssignmentNotice } | null)?.notice;
  return notice && typeof notice.organisation === 'string' ? notice : null;
}
