import type { Call } from '@app/calls';
import { NotificationRequest, notificationRequest } from '@app/notifications';

/** One notice per evaluator given new assignments in a request, saying how many. */
export function assignmentNotices(call: Call, assignedEvaluatorIds: string[]): NotificationRequest[] {
  const counts = new Map<string, number>();
  for (const id of assignedEvaluatorIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts].map(([evaluatorId, count]) =>
    notificationRequest(evaluatorId, 'assignment.created', {
      callReference: call.reference,
      callTitle: call.title,
      count,
    }),
  );
}

/** Tells an evaluator its evaluation was reopened, with the secretariat's reason when one was given. */
export function reopenedNotice(
  evaluatorId: string,
  call: Call,
  organisationName: string,
  reason: string | undefined,
): NotificationRequest {
  const params = { callReference: call.reference, callTitle: call.title, organisationName };
  return reason
    ? notificationRequest(evaluatorId, 'evaluation.reopened_with_reason', { ...params, reason })
    : notificationRequest(evaluatorId, 'evaluation.reopened', params);
}
