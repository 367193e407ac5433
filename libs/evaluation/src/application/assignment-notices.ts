import { titlesOf, type Call } from '@app/calls';
import { NotificationRequest, notificationRequest } from '@app/notifications';

/** One notice per evaluator given new assignments in a request, saying how many. */
export function assignmentNotices(call: Call, assignedEvaluatorIds: string[]): NotificationRequest[] {
  return countsOf(assignedEvaluatorIds).map(([evaluatorId, count]) =>
    notificationRequest(evaluatorId, 'assignment.created', {
      callReference: call.reference,
      callTitle: titlesOf(call),
      count,
    }),
  );
}

/**
 * One notice per evaluator whose assignments a reassignment took away, saying how many and the
 * secretariat's reason: without it, they would find their work gone with no word.
 */
export function reassignedAwayNotices(call: Call, fromEvaluatorIds: string[], reason: string): NotificationRequest[] {
  return countsOf(fromEvaluatorIds).map(([evaluatorId, count]) =>
    notificationRequest(evaluatorId, 'assignment.reassigned', {
      callReference: call.reference,
      callTitle: titlesOf(call),
      count,
      reason,
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
  const params = { callReference: call.reference, callTitle: titlesOf(call), organisationName };
  return reason
    ? notificationRequest(evaluatorId, 'evaluation.reopened_with_reason', { ...params, reason })
    : notificationRequest(evaluatorId, 'evaluation.reopened', params);
}

/** How many times each evaluator appears, in order of first appearance. */
function countsOf(evaluatorIds: string[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const id of evaluatorIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  return [...counts];
}
