import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { DocumentStorageDriver, MovableFile, MovableFiles, ObjectStorage } from '@app/platform/storage';
import { DocumentMovesRepository } from '../infrastructure/document-moves.repository';

/** What one run of `documents:move` did. */
export interface DocumentMoveReport {
  moved: number;
  /** Documents whose bytes did not hash to their row's SHA-256, or were missing: left where they were. */
  failed: Array<{ id: string; reason: string }>;
  /** Documents still on the other side: those that failed, and those a `limit` left for the next run. */
  remaining: number;
}

export interface DocumentMoveOptions {
  /** Moves at most this many, then stops as an interruption would; the next run carries on. */
  limit?: number;
  /** Checked between documents: once aborted, the run stops after the document in hand. */
  signal?: AbortSignal;
  /** Other contexts' tables of files (agreements' signed copies), moved after this context's own. */
  others?: MovableFiles[];
}

const BATCH = 100;

/**
 * Moves stored files' bytes between their rows (postgres) and the object store (s3): application
 * documents, clarification answers' documents, and the tables of other contexts given. Each file is
 * copied, read back and hashed, and only then is its row switched over, conditionally on being where
 * it was: a run can be interrupted anywhere and run again, and none is moved twice.
 */
@Injectable()
export class DocumentStorageMoveService {
  private readonly logger = new Logger(DocumentStorageMoveService.name);

  constructor(private readonly documents: DocumentMovesRepository) {}

  async move(
    target: DocumentStorageDriver,
    storage: ObjectStorage,
    { limit = Infinity, signal, others = [] }: DocumentMoveOptions = {},
  ): Promise<DocumentMoveReport> {
    const tables = [...this.documents.tables, ...others];
    const report: DocumentMoveReport = { moved: 0, failed: [], remaining: 0 };
    for (const table of tables) {
      const stopped = await this.moveTable(table, target, storage, report, limit, signal);
      if (stopped) break;
    }
    const pending = await Promise.all(tables.map((table) => table.countPending(target)));
    report.remaining = pending.reduce((sum, count) => sum + count, 0);
    return report;
  }

  /** Moves the table's files until done; true when the limit or a signal stopped the run. */
  private async moveTable(
    table: MovableFiles,
    target: DocumentStorageDriver,
    storage: ObjectStorage,
    report: DocumentMoveReport,
    limit: number,
    signal: AbortSignal | undefined,
  ): Promise<boolean> {
    let after: string | null = null;
    for (;;) {
      const ids = await table.pendingIds(target, after, BATCH);
      for (const id of ids) {
        if (report.moved >= limit || signal?.aborted) return true;
        const file = await table.find(id);
        if (!file) continue;
        const failure =
          target === 's3' ? await this.toObject(table, file, storage) : await this.toRow(table, file, storage);
        if (failure) report.failed.push({ id, reason: `${table.label}: ${failure}` });
        else report.moved += 1;
      }
      if (ids.length < BATCH) return false;
      after = ids[ids.length - 1];
    }
  }

  /** Copies the row's bytes to the store, reads them back, and then points the row at them. */
  private async toObject(table: MovableFiles, file: MovableFile, storage: ObjectStorage): Promise<string | null> {
    if (!file.content) return null;
    const key = table.objectKey(file.id);
    await storage.put(key, Readable.from([file.content]), { contentType: file.mimeType });
    const stored = await storage.get(key);
    const sha256 = stored ? await sha256Of(stored.body) : 'absent';
    if (sha256 !== file.sha256) {
      await storage.delete(key);
      return `the stored copy's SHA-256 is ${sha256}, not ${file.sha256}`;
    }
    // A row deleted or moved meanwhile keeps no object of its own.
    if (!(await table.switchToObject(file.id, key))) await storage.delete(key);
    return null;
  }

  /** Copies the object's bytes into the row if they hash right, and then removes the object. */
  private async toRow(table: MovableFiles, file: MovableFile, storage: ObjectStorage): Promise<string | null> {
    if (!file.storageKey) return null;
    const stored = await storage.get(file.storageKey);
    if (!stored) return `no object under ${file.storageKey}`;
    const content = await readAtMost(stored.body, file.size);
    if (!content) return `the object under ${file.storageKey} is larger than the ${file.size} bytes recorded`;
    const sha256 = createHash('sha256').update(content).digest('hex');
    if (sha256 !== file.sha256) return `the object's SHA-256 is ${sha256}, not ${file.sha256}`;
    if (!(await table.switchToRow(file.id, file.storageKey, content))) return null;
    await storage.delete(file.storageKey).catch((error: unknown) => {
      this.logger.warn({ err: error, storageKey: file.storageKey }, 'Moved document left its object behind');
    });
    return null;
  }
}

async function sha256Of(body: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of body) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The stream's bytes (a row's bytea is written whole), or null as soon as there are more than `limit`. */
async function readAtMost(body: Readable, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      body.destroy();
      return null;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks, size);
}
