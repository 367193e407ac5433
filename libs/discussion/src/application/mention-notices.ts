import type { Call } from '@app/calls';
import { NotificationRequest, notificationRequest } from '@app/notifications';
import type { Mentionable } from '../infrastructure/discussion.repository';

/** The anchor of the thread's section on both pages that show it. */
export const DISCUSSION_ANCHOR = 'discussion';

/**
 * Where a mentioned person reads the thread: an evaluator on its assignment's page, the secretariat
 * on the application's page of the call.
 */
export function discussionUrl(baseUrl: string, call: Call, applicationId: string, person: Mentionable): string {
  const path =
    person.kind === 'evaluator' && person.assignmentId
      ? `/evaluator/assignments/${encodeURIComponent(person.assignmentId)}`
      : `/secretariat/calls/${encodeURIComponent(call.id)}/applications/${encodeURIComponent(applicationId)}`;
  return new URL(`${path}#${DISCUSSION_ANCHOR}`, baseUrl).toString();
}

/**
 * One notice per newly mentioned person, in its own language, naming who mentioned it and where.
 * It names the call, not the applicant: a blind call's evaluators must not learn the centre from it.
 */
export function mentionNotices(
  baseUrl: string,
  call: Call,
  applicationId: string,
  authorName: string,
  mentioned: Array<[string, Mentionable]>,
): NotificationRequest[] {
  return mentioned.map(([recipientId, person]) =>
    notificationRequest(recipientId, 'discussion.mentioned', {
      authorName,
      callReference: call.reference,
      callTitle: call.title,
      discussionUrl: discussionUrl(baseUrl, call, applicationId, person),
    }),
  );
}
