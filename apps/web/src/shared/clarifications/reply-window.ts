/** How long an applicant is given to answer, in days: the choices the forms offer (the API takes up to 90). */
export const REPLY_WINDOWS = [3, 7, 14, 30] as const;
export const DEFAULT_REPLY_WINDOW = 7;

/** The reply deadline `days` from now, as the API takes it. */
export function replyByAfter(days: number, now = Date.now()): string {
  return new Date(now + days * 86_400_000).toISOString();
}
