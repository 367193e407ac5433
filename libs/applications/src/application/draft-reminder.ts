import { titlesOf, type Call } from '@app/calls';
import { NotificationRequest, notificationRequest } from '@app/notifications';

/** A reminder to a draft's applicant that it is not submitted and when the call closes, in its language. */
export function draftReminder(
  call: Pick<Call, 'reference' | 'title' | 'translations' | 'closesAt'>,
  draft: { recipientId: string; organisationName: string },
): NotificationRequest {
  return notificationRequest(draft.recipientId, 'application.reminder', {
    callReference: call.reference,
    callTitle: titlesOf(call),
    organisationName: draft.organisationName,
    closesAt: call.closesAt.toISOString(),
  });
}
