import { NotificationRequest, notificationRequest } from '@app/notifications';

/** A reminder to a draft's applicant that it is not submitted and when the call closes, in its language. */
export function draftReminder(
  call: { reference: string; title: string; closesAt: Date },
  draft: { recipientId: string; organisationName: string },
): NotificationRequest {
  return notificationRequest(draft.recipientId, 'application.reminder', {
    callReference: call.reference,
    callTitle: call.title,
    organisationName: draft.organisationName,
    closesAt: call.closesAt.toISOString(),
  });
}
