import { Injectable } from '@nestjs/common';
import { Transactions } from '@app/platform';
import type { AssignmentStatus, Confidence } from '../domain/evaluation';

/** An assignment of a call as exported: who evaluates which centre, and what it has said so far. */
export interface ExportedEvaluation {
  assignmentId: string;
  evaluatorId: string;
  evaluatorName: string;
  applicationId: string;
  organisation: string;
  countryCode: string;
  status: AssignmentStatus;
  confidence: Confidence | null;
  /** Each scored criterion by code. */
  scores: Record<string, { score: number; comment: string | null }>;
  overallComment: string | null;
  submittedAt: Date | null;
}

/**
 * Every assignment of a call's stage ($2), declined and released ones included, by centre then evaluator, its
 * criterion scores gathered on its row. Who evaluates and who applied come through identity's and
 * applications' views.
 */
const EVALUATIONS_OF_CALL = `
  SELECT a.id AS "assignmentId", a.evaluator_id AS "evaluatorId", COALESCE(u.display_name, '') AS "evaluatorName",
         a.application_id AS "applicationId", COALESCE(o.name, '') AS organisation, ao.country_code AS "countryCode",
         a.status, a.confidence, a.overall_comment AS "overallComment", a.submitted_at AS "submittedAt",
         COALESCE((SELECT jsonb_object_agg(s.criterion_code, jsonb_build_object('score', s.score, 'comment', s.comment))
                     FROM criterion_scores s WHERE s.assignment_id = a.id), '{}') AS scores
    FROM assignments a
    LEFT JOIN identity_user_names u ON u.user_id = a.evaluator_id
    LEFT JOIN applications_organisations ao ON ao.application_id = a.application_id
    LEFT JOIN identity_organisation_names o ON o.id = ao.organisation_id
   WHERE a.call_id = $1 AND a.stage = $2
   ORDER BY lower(o.name), a.application_id, lower(u.display_name), a.evaluator_id, a.created_at`;

@Injectable()
export class EvaluationExportRepository {
  constructor(private readonly transactions: Transactions) {}

  /** The evaluations of the call's stage, handed to `each` a batch at a time. */
  forEachBatch(
    callId: string,
    stage: number,
    batchSize: number,
    each: (batch: ExportedEvaluation[]) => Promise<void>,
  ): Promise<void> {
    return this.transactions.forEachBatch(EVALUATIONS_OF_CALL, [callId, stage], batchSize, each);
  }
}
