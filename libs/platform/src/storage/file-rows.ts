import type { Transactions } from '../database';
import type { DocumentStorageDriver } from './storage.config';

/** A stored file as `documents:move` handles it: what to verify its bytes against, and where they are now. */
export interface MovableFile {
  id: string;
  mimeType: string;
  size: number;
  sha256: string;
  content: Buffer | null;
  storageKey: string | null;
}

/**
 * One table of stored files, as `documents:move` walks and switches it one row at a time. Each switch
 * is conditional on the row still being where the move found it, so that an interrupted or
 * concurrent run never switches one twice.
 */
export interface MovableFiles {
  /** What the report calls these files, e.g. `application documents`. */
  readonly label: string;
  /** The object key a move gives the row's bytes: derived from its id, so a rerun writes the same object. */
  objectKey(id: string): string;
  /** Ids of rows not yet on the target side, in id order after `afterId`. */
  pendingIds(target: DocumentStorageDriver, afterId: string | null, limit: number): Promise<string[]>;
  countPending(target: DocumentStorageDriver): Promise<number>;
  find(id: string): Promise<MovableFile | null>;
  /** Points the row at its object and drops its bytes, if they are still in the row. */
  switchToObject(id: string, storageKey: string): Promise<boolean>;
  /** Puts the bytes back in the row if it still points at that object and they hash to its SHA-256. */
  switchToRow(id: string, storageKey: string, content: Buffer): Promise<boolean>;
}

/** Rows whose bytes are not yet where the target keeps them. */
const ON_OTHER_SIDE: Record<DocumentStorageDriver, string> = {
  s3: 'storage_key IS NULL',
  postgres: 'storage_key IS NOT NULL',
};

/** Where a context keeps files: a table with a uuid key and the columns every file table has. */
export interface FileTable {
  label: string;
  table: string;
  idColumn: string;
  objectKey: (id: string) => string;
}

/**
 * MovableFiles over a table of its owning context (which names the table, as no other may): columns
 * `mime_type`, `size`, `sha256`, `content` (bytea) and `storage_key`, exactly one of the last two set.
 */
export class RowsOfFiles implements MovableFiles {
  readonly label: string;

  constructor(
    private readonly transactions: Transactions,
    private readonly files: FileTable,
  ) {
    this.label = files.label;
  }

  objectKey(id: string): string {
    return this.files.objectKey(id);
  }

  async pendingIds(target: DocumentStorageDriver, afterId: string | null, limit: number): Promise<string[]> {
    const { table, idColumn } = this.files;
    const rows = (await this.transactions.autocommit.query(
      `SELECT ${idColumn} AS id FROM ${table}
        WHERE ${ON_OTHER_SIDE[target]} AND ($1::uuid IS NULL OR ${idColumn} > $1::uuid)
        ORDER BY ${idColumn} LIMIT $2`,
      [afterId, limit],
    )) as Array<{ id: string }>;
    return rows.map((row) => row.id);
  }

  async countPending(target: DocumentStorageDriver): Promise<number> {
    const [row] = (await this.transactions.autocommit.query(
      `SELECT count(*)::int AS count FROM ${this.files.table} WHERE ${ON_OTHER_SIDE[target]}`,
    )) as Array<{ count: number }>;
    return row.count;
  }

  async find(id: string): Promise<MovableFile | null> {
    const { table, idColumn } = this.files;
    const [row] = (await this.transactions.autocommit.query(
      `SELECT ${idColumn} AS id, mime_type AS "mimeType", size, sha256, content, storage_key AS "storageKey"
         FROM ${table} WHERE ${idColumn} = $1`,
      [id],
    )) as MovableFile[];
    return row ?? null;
  }

  async switchToObject(id: string, storageKey: string): Promise<boolean> {
    const { table, idColumn } = this.files;
    const [, affected] = (await this.transactions.autocommit.query(
      `UPDATE ${table} SET storage_key = $2, content = NULL WHERE ${idColumn} = $1 AND storage_key IS NULL`,
      [id, storageKey],
    )) as [unknown, number];
    return affected > 0;
  }

  /** PostgreSQL checks the SHA-256 again as the bytes are written. */
  async switchToRow(id: string, storageKey: string, content: Buffer): Promise<boolean> {
    const { table, idColumn } = this.files;
    const [, affected] = (await this.transactions.autocommit.query(
      `UPDATE ${table} SET content = $3, storage_key = NULL
        WHERE ${idColumn} = $1 AND storage_key = $2 AND sha256 = encode(sha256($3::bytea), 'hex')`,
      [id, storageKey, content],
    )) as [unknown, number];
    return affected > 0;
  }
}
