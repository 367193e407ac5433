import { Injectable } from '@nestjs/common';
import { Page, PageQuery, Sort, Transaction, Transactions } from '@app/platform';
import { Resolution, ResolutionOutcome, ResolutionRequest } from '../domain/moderation';

export const QUEUE_SORT_KEYS = ['spread', 'rank', 'score', 'stdDev'] as const;
export type QueueSortKey = (typeof QUEUE_SORT_KEYS)[number];

/** One evaluator's total of a queued application, as scoring last kept it. */
export interface QueuedTotal {
  assignmentId: string;
  evaluatorId: string;
  total: number;
}

/** An application in a stage's moderation queue, with its figures and its current resolution. */
export interface QueuedApplication {
  applicationId: string;
  /** The scoring flags its spread (needsModeration). */
  flagged: boolean;
  /** Why the secretariat added it; null when only the scoring flagged it. */
  addedReason: string | null;
  rawScore: number | null;
  score: number | null;
  consensusScore: number | null;
  spread: number | null;
  stdDev: number | null;
  evaluationCount: number;
  rank: number | null;
  totals: QueuedTotal[];
  resolution: Resolution | null;
}

export interface QueueCriteria extends PageQuery {
  stage: number;
  sort: Sort<QueueSortKey>;
}

interface ResolutionRow {
  id: string;
  call_id: string;
  application_id: string;
  stage: number;
  outcome: ResolutionOutcome;
  note: string;
  consensus_score: number | null;
  revisiting_evaluator_ids: string[];
  decided_by: string;
  decided_at: Date;
  current: boolean;
}

interface QueueRow {
  total: number;
  application_id: string | null;
  flagged: boolean;
  added_reason: string | null;
  raw_score: number | null;
  score: number | null;
  consensus_score: number | null;
  spread: number | null;
  std_dev: number | null;
  evaluation_count: number | null;
  rank: number | null;
  totals: QueuedTotal[];
  resolution: ResolutionRow | null;
}

const SORT_COLUMNS: Record<QueueSortKey, string> = {
  spread: 'f.spread',
  rank: 'f.rank',
  score: 'COALESCE(f.consensus_score, f.score)',
  stdDev: 'f.std_dev',
};

const RESOLUTION_COLUMNS = `id, call_id, application_id, stage, outcome, note, consensus_score, revisiting_evaluator_ids,
  decided_by, decided_at, current`;

/**
 * The queue of a call's ($1) stage ($2): the applications scoring flags, those the secretariat
 * added, and those already resolved, as one set, so that each is listed once. A resolved one stays
 * even when its flag goes (a revisit reopens evaluations, and the spread of those left may be small):
 * its moderator still reads what was decided, and may decide again.
 */
const QUEUED = `
  SELECT application_id FROM scoring_moderation_figures WHERE call_id = $1 AND stage = $2 AND needs_moderation
  UNION
  SELECT application_id FROM moderation_additions WHERE call_id = $1 AND stage = $2
  UNION
  SELECT application_id FROM moderation_resolutions WHERE call_id = $1 AND stage = $2 AND current`;

@Injectable()
export class ModerationRepository {
  constructor(private readonly transactions: Transactions) {}

  /**
   * A page of the queue in one statement, each application with its figures, its evaluators' totals
   * and its current resolution; the count is left-joined to the page, so a page past the end still
   * says how many there are.
   */
  async queue(callId: string, criteria: QueueCriteria): Promise<Page<QueuedApplication>> {
    const direction = criteria.sort.descending ? 'DESC' : 'ASC';
    const rows = (await this.transactions.autocommit.query(
      `WITH queued AS (${QUEUED})
       SELECT counted.total, page.* FROM (SELECT count(*)::int AS total FROM queued) counted
       LEFT JOIN LATERAL (
         SELECT q.application_id, COALESCE(f.needs_moderation, false) AS flagged, a.reason AS added_reason,
                f.raw_score, f.score, f.consensus_score, f.spread, f.std_dev, f.evaluation_count, f.rank,
                (SELECT COALESCE(json_agg(json_build_object('assignmentId', t.assignment_id, 'evaluatorId', t.evaluator_id,
                          'total', t.total) ORDER BY t.total DESC, t.evaluator_id), '[]')
                   FROM scoring_moderation_totals t
                  WHERE t.call_id = $1 AND t.stage = $2 AND t.application_id = q.application_id) AS totals,
                (SELECT row_to_json(r) FROM (
                   SELECT ${RESOLUTION_COLUMNS} FROM moderation_resolutions
                    WHERE application_id = q.application_id AND stage = $2 AND current) r) AS resolution
         FROM queued q
         LEFT JOIN scoring_moderation_figures f ON f.application_id = q.application_id AND f.stage = $2
         LEFT JOIN moderation_additions a ON a.application_id = q.application_id AND a.stage = $2
         ORDER BY ${SORT_COLUMNS[criteria.sort.key]} ${direction} NULLS LAST, q.application_id
         LIMIT $3 OFFSET $4
       ) page ON true`,
      [callId, criteria.stage, criteria.limit, criteria.offset],
    )) as QueueRow[];
    return { items: rows.flatMap(toQueued), total: rows[0]?.total ?? 0 };
  }

  /** Whether the application is in the queue of the stage, read in the caller's transaction. */
  async isQueued(tx: Transaction, callId: string, applicationId: string, stage: number): Promise<boolean> {
    const rows = (await tx.query(`SELECT 1 FROM (${QUEUED}) q WHERE application_id = $3`, [
      callId,
      stage,
      applicationId,
    ])) as unknown[];
    return rows.length > 0;
  }

  /** Adds an application to the stage's queue; false when it was added already. */
  async add(
    tx: Transaction,
    entry: { callId: string; applicationId: string; stage: number; reason: string; addedBy: string },
  ): Promise<boolean> {
    const rows = (await tx.query(
      `INSERT INTO moderation_additions (application_id, stage, call_id, reason, added_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [entry.applicationId, entry.stage, entry.callId, entry.reason, entry.addedBy],
    )) as unknown[];
    return rows.length > 0;
  }

  /** The evaluators of the application's stage with a kept total (a submitted evaluation), by assignment. */
  async totalsOf(tx: Transaction, callId: string, applicationId: string, stage: number): Promise<QueuedTotal[]> {
    const rows = (await tx.query(
      `SELECT assignment_id, evaluator_id, total FROM scoring_moderation_totals
        WHERE call_id = $1 AND stage = $2 AND application_id = $3`,
      [callId, stage, applicationId],
    )) as Array<{ assignment_id: string; evaluator_id: string; total: number }>;
    return rows.map((r) => ({ assignmentId: r.assignment_id, evaluatorId: r.evaluator_id, total: r.total }));
  }

  /**
   * Records a resolution as the current one of the application in its stage; the one it replaces is
   * kept, no longer current. A lock on the application's stage makes two moderators resolving at
   * once follow one another, each replacing the one before.
   */
  async resolve(
    tx: Transaction,
    of: { callId: string; applicationId: string; stage: number; decidedBy: string },
    request: ResolutionRequest,
  ): Promise<{ resolution: Resolution; replaced: Resolution | null }> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('moderation:' || $1::text || ':' || $2::text, 0))`, [
      of.applicationId,
      of.stage,
    ]);
    const [replaced] = (await tx.query(
      `UPDATE moderation_resolutions SET current = false
        WHERE application_id = $1 AND stage = $2 AND current RETURNING ${RESOLUTION_COLUMNS}`,
      [of.applicationId, of.stage],
    )) as [ResolutionRow[], number];
    const [row] = (await tx.query(
      `INSERT INTO moderation_resolutions (call_id, application_id, stage, outcome, note, consensus_score,
         revisiting_evaluator_ids, decided_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${RESOLUTION_COLUMNS}`,
      [
        of.callId,
        of.applicationId,
        of.stage,
        request.outcome,
        request.note,
        request.outcome === 'consensus' ? request.consensusScore : null,
        request.outcome === 'revisit' ? request.evaluatorIds : [],
        of.decidedBy,
      ],
    )) as ResolutionRow[];
    return { resolution: toResolution(row), replaced: replaced[0] ? toResolution(replaced[0]) : null };
  }

  /** The application's resolutions in the stage, the latest first. */
  async history(applicationId: string, stage: number, page: PageQuery): Promise<Page<Resolution>> {
    const rows = (await this.transactions.autocommit.query(
      `SELECT counted.total, page.* FROM (
         SELECT count(*)::int AS total FROM moderation_resolutions WHERE application_id = $1 AND stage = $2) counted
       LEFT JOIN LATERAL (
         SELECT ${RESOLUTION_COLUMNS} FROM moderation_resolutions WHERE application_id = $1 AND stage = $2
         ORDER BY decided_at DESC, id LIMIT $3 OFFSET $4
       ) page ON true`,
      [applicationId, stage, page.limit, page.offset],
    )) as Array<Partial<ResolutionRow> & { total: number }>;
    return {
      items: rows.flatMap((r) => (r.id ? [toResolution(r as ResolutionRow)] : [])),
      total: rows[0]?.total ?? 0,
    };
  }

  async chairOf(callId: string, tx?: Transaction): Promise<string | null> {
    const rows = (await (tx ?? this.transactions.autocommit).query(
      `SELECT chair_id FROM moderation_chairs WHERE call_id = $1`,
      [callId],
    )) as Array<{ chair_id: string }>;
    return rows[0]?.chair_id ?? null;
  }

  /** A page of the calls the person chairs, the latest named first. */
  async chairedCalls(chairId: string, page: PageQuery): Promise<Page<string>> {
    const rows = (await this.transactions.autocommit.query(
      `SELECT counted.total, page.call_id FROM (
         SELECT count(*)::int AS total FROM moderation_chairs WHERE chair_id = $1) counted
       LEFT JOIN LATERAL (
         SELECT call_id FROM moderation_chairs WHERE chair_id = $1 ORDER BY named_at DESC, call_id LIMIT $2 OFFSET $3
       ) page ON true`,
      [chairId, page.limit, page.offset],
    )) as Array<{ total: number; call_id: string | null }>;
    return { items: rows.flatMap((r) => (r.call_id ? [r.call_id] : [])), total: rows[0]?.total ?? 0 };
  }

  /** Names the chair of the call, replacing the one before; returns the one replaced (null when none). */
  async nameChair(tx: Transaction, callId: string, chairId: string, namedBy: string): Promise<string | null> {
    const before = await this.chairOf(callId, tx);
    await tx.query(
      `INSERT INTO moderation_chairs (call_id, chair_id, named_by) VALUES ($1, $2, $3)
       ON CONFLICT (call_id) DO UPDATE SET chair_id = EXCLUDED.chair_id, named_by = EXCLUDED.named_by, named_at = now()`,
      [callId, chairId, namedBy],
    );
    return before;
  }

  /** Removes the call's chair; returns who it was (null when none). */
  async removeChair(tx: Transaction, callId: string): Promise<string | null> {
    const [rows] = (await tx.query(`DELETE FROM moderation_chairs WHERE call_id = $1 RETURNING chair_id`, [
      callId,
    ])) as [Array<{ chair_id: string }>, number];
    return rows[0]?.chair_id ?? null;
  }
}

function toQueued(row: QueueRow): QueuedApplication[] {
  if (row.application_id === null) return [];
  return [
    {
      applicationId: row.application_id,
      flagged: row.flagged,
      addedReason: row.added_reason,
      rawScore: row.raw_score,
      score: row.score,
      consensusScore: row.consensus_score,
      spread: row.spread,
      stdDev: row.std_dev,
      evaluationCount: row.evaluation_count ?? 0,
      rank: row.rank,
      totals: row.totals,
      resolution: row.resolution
        ? toResolution({ ...row.resolution, decided_at: new Date(row.resolution.decided_at) })
        : null,
    },
  ];
}

function toResolution(row: ResolutionRow): Resolution {
  return {
    id: row.id,
    callId: row.call_id,
    applicationId: row.application_id,
    stage: row.stage,
    outcome: row.outcome,
    note: row.note,
    consensusScore: row.consensus_score,
    evaluatorIds: row.revisiting_evaluator_ids,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    current: row.current,
  };
}
