import { Injectable } from '@nestjs/common';
import { Transactions } from '@app/platform';

type MoveTarget = 'postgres' | 's3';

/** Rows whose bytes are not yet where the target keeps them. */
const ON_OTHER_SIDE: Record<MoveTarget, string> = {
  s3: 'storage_key IS NULL',
  postgres: 'storage_key IS NOT NULL',
};

/** A document as `documents:move` handles it: what to verify its bytes against, and where they are now. */
export interface MovableDocument {
  id: string;
  mimeType: string;
  size: number;
  sha256: string;
  content: Buffer | null;
  storageKey: string | null;
}

/**
 * The rows `documents:move` walks and switches, one at a time; each switch is conditional on the row
 * still being where the move found it, so an interrupted or concurrent run never switches one twice.
 */
@Injectable()
export class DocumentMovesRepository {
  constructor(private readonly transactions: Transactions) {}

  /** Ids of documents not yet on the target side, in id order after `afterId`. */
  async pendingIds(target: MoveTarget, afterId: string | null, limit: number): Promise<string[]> {
    const rows = (await this.transactions.autocommit.query(
      `SELECT id FROM documents WHERE ${ON_OTHER_SIDE[target]} AND ($1::uuid IS NULL OR id > $1::uuid)
        ORDER BY id LIMIT $2`,
      [afterId, limit],
    )) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  async countPending(target: MoveTarget): Promise<number> {
    const [row] = (await this.transactions.autocommit.query(
      `SELECT count(*)::int AS count FROM documents WHERE ${ON_OTHER_SIDE[target]}`,
    )) as Array<{ count: number }>;
    return row.count;
  }

  async find(id: string): Promise<MovableDocument | null> {
    const [row] = (await this.transactions.autocommit.query(
      `SELECT id, mime_type AS "mimeType", size, sha256, content, storage_key AS "storageKey" FROM documents WHERE id = $1`,
      [id],
    )) as MovableDocument[];
    return row ?? null;
  }

  /** Points the row at its object and drops its bytes, if they are still in the row. */
  async switchToObject(id: string, storageKey: string): Promise<boolean> {
    const [, affected] = (await this.transactions.autocommit.query(
      `UPDATE documents SET storage_key = $2, content = NULL WHERE id = $1 AND storage_key IS NULL`,
      [id, storageKey],
    )) as [unknown, number];
    return affected > 0;
  }

  /**
   * Puts the bytes back in the row, if it still points at that object and the bytes hash to the
   * row's SHA-256 (checked again by PostgreSQL as they are written).
   */
  async switchToRow(id: string, storageKey: string, content: Buffer): Promise<boolean> {
    const [, affected] = (await this.transactions.autocommit.query(
      `UPDATE documents SET content = $3, storage_key = NULL
        WHERE id = $1 AND storage_key = $2 AND sha256 = encode(sha256($3::bytea), 'hex')`,
      [id, storageKey, content],
    )) as [unknown, number];
    return affected > 0;
  }
}
