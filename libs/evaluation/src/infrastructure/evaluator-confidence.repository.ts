import { Injectable } from '@nestjs/common';
import { Page, PageQuery, Transactions } from '@app/platform';

/** How sure an evaluator said it was across its submitted evaluations of a call. */
export interface EvaluatorConfidence {
  evaluatorId: string;
  low: number;
  medium: number;
  high: number;
  /** Submitted without a confidence (by a client that does not send one). */
  notStated: number;
}

const CONFIDENCE_BY_EVALUATOR = `
  SELECT evaluator_id AS "evaluatorId",
         count(*) FILTER (WHERE confidence = 'low')::int AS low,
         count(*) FILTER (WHERE confidence = 'medium')::int AS medium,
         count(*) FILTER (WHERE confidence = 'high')::int AS high,
         count(*) FILTER (WHERE confidence IS NULL)::int AS "notStated",
         count(*) OVER ()::int AS total
    FROM assignments
   WHERE call_id = $1 AND status = 'submitted'
   GROUP BY evaluator_id
   ORDER BY evaluator_id
   LIMIT $2 OFFSET $3`;

@Injectable()
export class EvaluatorConfidenceRepository {
  constructor(private readonly transactions: Transactions) {}

  /** A page of the call's evaluators with a submitted evaluation, by id, in one statement (two past the end). */
  async page(callId: string, page: PageQuery): Promise<Page<EvaluatorConfidence>> {
    const rows: Array<EvaluatorConfidence & { total: number }> = await this.transactions.autocommit.query(
      CONFIDENCE_BY_EVALUATOR,
      [callId, page.limit, page.offset],
    );
    if (rows.length === 0 && page.offset > 0) return { items: [], total: await this.count(callId) };
    return { items: rows.map(({ total: _total, ...row }) => row), total: rows[0]?.total ?? 0 };
  }

  private async count(callId: string): Promise<number> {
    const [row] = (await this.transactions.autocommit.query(
      `SELECT count(DISTINCT evaluator_id)::int AS total FROM assignments WHERE call_id = $1 AND status = 'submitted'`,
      [callId],
    )) as Array<{ total: number }>;
    return row.total;
  }
}
