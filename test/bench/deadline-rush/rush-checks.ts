import { Client } from 'pg';
import { Answer, Outcome } from './rush-client';

/** What the database holds after a run, against what the applicants were told. */
export interface Checked {
  acknowledged: number;
  /** Uploads answered 201 whose document is not in the database. */
  uploadsLost: number;
  /** Acknowledged, but not submitted in the database, or at another time than the answer said. */
  lost: number;
  /** Submitted in the database without a receipt notification and its e-mail job in the outbox. */
  withoutReceipt: number;
  /** Submitted in the database while the applicant was told otherwise or got no answer. */
  unacknowledged: number;
  /** Receipt e-mails the worker has already taken from the outbox to the queue. */
  dispatched: number;
  closesAt: Date;
}

export async function checkRun(db: Client, callId: string, reference: string, outcomes: Outcome[]): Promise<Checked> {
  const { rows } = await db.query<{
    id: string;
    status: string;
    submitted_at: Date | null;
    documents: number;
    jobs: number;
    dispatched: number;
  }>(
    `WITH receipts AS (
       SELECT n.recipient_id, count(o.id)::int AS jobs, count(o.dispatched_at)::int AS dispatched
       FROM notifications n
       LEFT JOIN outbox o ON o.job_name = 'notifications.send-email' AND o.payload ->> 'notificationId' = n.id::text
       WHERE n.template = 'application.received' AND n.params ->> 'callReference' = $2
       GROUP BY n.recipient_id)
     SELECT a.id, a.status, a.submitted_at, coalesce(r.jobs, 0) AS jobs, coalesce(r.dispatched, 0) AS dispatched,
            (SELECT count(*)::int FROM documents d WHERE d.application_id = a.id) AS documents
     FROM applications a LEFT JOIN receipts r ON r.recipient_id = a.submitted_by
     WHERE a.call_id = $1`,
    [callId, reference],
  );
  const stored = new Map(rows.map((row) => [row.id, row]));
  const acknowledged = outcomes.filter((o) => o.submit?.status === 200);
  const told = new Set(acknowledged.map((o) => o.applicationId));
  const submitted = rows.filter((row) => row.status === 'submitted');
  const closesAt = (await db.query<{ closes_at: Date }>('SELECT closes_at FROM calls WHERE id = $1', [callId])).rows[0]
    .closes_at;
  return {
    acknowledged: acknowledged.length,
    uploadsLost: outcomes.filter((o) => o.upload.status === 201 && stored.get(o.applicationId)?.documents !== 1).length,
    lost: acknowledged.filter((o) => {
      const row = stored.get(o.applicationId);
      const answered = new Date(o.submit?.submittedAt ?? 0).getTime();
      return row?.status !== 'submitted' || row.submitted_at?.getTime() !== answered;
    }).length,
    withoutReceipt: submitted.filter((row) => row.jobs !== 1).length,
    unacknowledged: submitted.filter((row) => !told.has(row.id)).length,
    dispatched: submitted.reduce((sum, row) => sum + row.dispatched, 0),
    closesAt,
  };
}

/**
 * A deadline passing mid-rush: what was accepted after it (by the server's submittedAt, or sent
 * after it by the client's clock) and what was refused before it (a refusal answered before the
 * deadline; one answered after it while sent before was decided in between, by the server's clock).
 */
export function deadlineViolations(outcomes: Outcome[], closesAt: Date) {
  const deadline = closesAt.getTime();
  const answers = outcomes.flatMap((o) => [o.upload, ...(o.submit ? [o.submit] : [])]);
  const refusedByDeadline = (a: Answer) => a.status === 409 && a.code === 'DEADLINE_PASSED';
  const accepted = outcomes.filter((o) => o.submit?.status === 200).map((o) => o.submit as Answer);
  return {
    acceptedAfter: accepted.filter((a) => new Date(a.submittedAt ?? 0).getTime() >= deadline || a.sentAt > deadline)
      .length,
    refusedBefore: answers.filter((a) => refusedByDeadline(a) && a.answeredAt < deadline).length,
    refusedAfter: answers.filter(refusedByDeadline).length,
    /** Of those, sent before the deadline and decided after it, when the server came to them. */
    refusedInFlight: answers.filter((a) => refusedByDeadline(a) && a.sentAt < deadline).length,
    lastAcceptedBeforeDeadlineMs: Math.min(...accepted.map((a) => deadline - new Date(a.submittedAt ?? 0).getTime())),
    /** Refused for any other reason than the deadline. */
    otherRefusals: answers.filter((a) => a.status !== 200 && a.status !== 201 && !refusedByDeadline(a)).length,
  };
}
