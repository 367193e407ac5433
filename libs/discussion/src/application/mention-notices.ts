import { titlesOf, type Call } from '@app/calls';
import { NotificationRequest, notificationRequest } from '@app/notifications';
import { ParticipantKind, seesNames } from '../domain/discussion';
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

/** Who wrote a post that mentions someone: its name, how it takes part, its number among the evaluators. */
export interface MentionAuthor {
  displayName: string;
  kind: ParticipantKind;
  evaluatorNumber: number | null;
}

/**
 * One notice per newly mentioned person, in its own language, naming who mentioned it, as that
 * person sees it in the thread (by name for the secretariat and the call's chair, otherwise as
 * "Evaluator n" or the secretariat), and where. It names the call, not the applicant: a blind
 * call's evaluators must not learn the centre from it.
 */
export function mentionNotices(
  baseUrl: string,
  call: Call,
  applicationId: string,
  author: MentionAuthor,
  mentioned: Array<[string, Mentionable]>,
  chairId: string | null,
): NotificationRequest[] {
  return mentioned.map(([recipientId, person]) => {
    const where = {
      callReference: call.reference,
      callTitle: titlesOf(call),
      discussionUrl: discussionUrl(baseUrl, call, applicationId, person),
    };
    if (seesNames({ staff: person.kind === 'secretariat', chair: recipientId === chairId }))
      return notificationRequest(recipientId, 'discussion.mentioned', { authorName: author.displayName, ...where });
    if (author.kind === 'secretariat' || author.evaluatorNumber === null)
      return notificationRequest(recipientId, 'discussion.mentioned_by_secretariat', where);
    return notificationRequest(recipientId, 'discussion.mentioned_by_evaluator', {
      evaluatorNumber: author.evaluatorNumber,
      ...where,
    });
  });
}
