import { Injectable } from '@nestjs/common';
import { Page, PageQuery, Transaction, Transactions } from '@app/platform';

/** What an evaluator declared of its expertise for a call. */
export interface DeclaredExpertise {
  callId: string;
  evaluatorId: string;
  keywords: string[];
  description: string;
  updatedAt: Date;
}

const COLUMNS = `call_id AS "callId", evaluator_id AS "evaluatorId", keywords, description, updated_at AS "updatedAt"`;

@Injectable()
export class ExpertiseRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Writes the evaluator's declaration for the call over any earlier one; answers it as stored. */
  async save(
    tx: Transaction,
    declaration: Pick<DeclaredExpertise, 'callId' | 'evaluatorId' | 'keywords' | 'description'>,
  ): Promise<DeclaredExpertise> {
    // An INSERT answers its rows (an UPDATE would answer [rows, count]).
    const rows = (await tx.query(
      `INSERT INTO evaluator_expertise AS x (call_id, evaluator_id, keywords, description)
       VALUES ($1, $2, $3::text[], $4)
       ON CONFLICT (call_id, evaluator_id)
       DO UPDATE SET keywords = EXCLUDED.keywords, description = EXCLUDED.description, updated_at = now()
       RETURNING ${COLUMNS}`,
      [declaration.callId, declaration.evaluatorId, declaration.keywords, declaration.description],
    )) as DeclaredExpertise[];
    return rows[0];
  }

  async find(callId: string, evaluatorId: string, tx?: Transaction): Promise<DeclaredExpertise | null> {
    const rows = (await (tx ?? this.transactions.autocommit).query(
      `SELECT ${COLUMNS} FROM evaluator_expertise WHERE call_id = $1 AND evaluator_id = $2`,
      [callId, evaluatorId],
    )) as DeclaredExpertise[];
    return rows[0] ?? null;
  }

  /** The declarations of these evaluators for the call (those without one left out). */
  async ofEvaluators(callId: string, evaluatorIds: string[], tx: Transaction): Promise<DeclaredExpertise[]> {
    return (await tx.query(
      `SELECT ${COLUMNS} FROM evaluator_expertise WHERE call_id = $1 AND evaluator_id = ANY($2::uuid[])
       ORDER BY evaluator_id`,
      [callId, evaluatorIds],
    )) as DeclaredExpertise[];
  }

  /**
   * A page of the calls on whose panels (the call's or a stage's) the evaluator sits, latest seat
   * first, with what it declared for each (null when nothing), in one statement.
   */
  async pageOfEvaluator(
    evaluatorId: string,
    page: PageQuery,
  ): Promise<Page<{ callId: string; declared: DeclaredExpertise | null }>> {
    const rows = (await this.transactions.autocommit.query(
      `WITH seats AS (
         SELECT call_id, max(added_at) AS added FROM (
           SELECT call_id, added_at FROM panel_members WHERE evaluator_id = $1
           UNION ALL SELECT call_id, added_at FROM stage_panel_members WHERE evaluator_id = $1) s
         GROUP BY call_id)
       SELECT s.call_id AS "seatCallId", x.call_id AS "callId", x.evaluator_id AS "evaluatorId", x.keywords,
              x.description, x.updated_at AS "updatedAt", count(*) OVER ()::int AS total
         FROM seats s LEFT JOIN evaluator_expertise x ON x.call_id = s.call_id AND x.evaluator_id = $1
        ORDER BY s.added DESC, s.call_id LIMIT $2 OFFSET $3`,
      [evaluatorId, page.limit, page.offset],
    )) as Array<{ seatCallId: string; total: number } & (DeclaredExpertise | Record<keyof DeclaredExpertise, null>)>;
    const total =
      rows.length > 0 || page.offset === 0
        ? (rows[0]?.total ?? 0)
        : await this.count(
            `SELECT count(*)::int AS total FROM (SELECT call_id FROM panel_members WHERE evaluator_id = $1
               UNION SELECT call_id FROM stage_panel_members WHERE evaluator_id = $1) s`,
            evaluatorId,
          );
    return {
      total,
      items: rows.map(({ seatCallId, total: _t, ...declared }) => ({
        callId: seatCallId,
        declared: declared.callId === null ? null : (declared as DeclaredExpertise),
      })),
    };
  }

  /** A page of the call's declarations, latest first, in one statement. */
  async page(callId: string, page: PageQuery): Promise<Page<DeclaredExpertise>> {
    const rows = (await this.transactions.autocommit.query(
      `SELECT ${COLUMNS}, count(*) OVER ()::int AS total FROM evaluator_expertise WHERE call_id = $1
       ORDER BY updated_at DESC, evaluator_id LIMIT $2 OFFSET $3`,
      [callId, page.limit, page.offset],
    )) as Array<DeclaredExpertise & { total: number }>;
    if (rows.length === 0 && page.offset > 0) {
      return {
        items: [],
        total: await this.count(`SELECT count(*)::int AS total FROM evaluator_expertise WHERE call_id = $1`, callId),
      };
    }
    return { items: rows.map(({ total: _t, ...row }) => row), total: rows[0]?.total ?? 0 };
  }

  /** The count of a list past whose end a page was asked for (its page has no row to carry it). */
  private async count(sql: string, id: string): Promise<number> {
    const [row] = (await this.transactions.autocommit.query(sql, [id])) as Array<{ total: number }>;
    return row.total;
  }
}
