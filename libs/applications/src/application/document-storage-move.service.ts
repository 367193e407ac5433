import { Injectable, Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { DocumentStorageDriver, ObjectStorage } from '@app/platform/storage';
import { DocumentMovesRepository, MovableDocument } from '../infrastructure/document-moves.repository';
import { documentObjectKey } from './document-bytes';

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
}

const BATCH = 100;

/**
 * Moves application documents' bytes between their rows (postgres) and the object store (s3). Each
 * document is copied, read back and hashed, and only then is its row switched over, conditionally
 * on being where it was: a run can be interrupted anywhere and run again, and none is moved twice.
 */
@Injectable()
export class DocumentStorageMoveService {
  private readonly logger = new Logger(DocumentStorageMoveService.name);

  constructor(private readonly documents: DocumentMovesRepository) {}

  async move(
    target: DocumentStorageDriver,
    storage: ObjectStorage,
    { limit = Infinity, signal }: DocumentMoveOptions = {},
  ): Promise<DocumentMoveReport> {
    const report: DocumentMoveReport = { moved: 0, failed: [], remaining: 0 };
    let after: string | null = null;
    for (;;) {
      const ids = await this.documents.pendingIds(target, after, BATCH);
      for (const id of ids) {
        if (report.moved >= limit || signal?.aborted) return this.finish(report, target);
        const document = await this.documents.find(id);
        if (!document) continue;
        const failure = target === 's3' ? await this.toObject(document, storage) : await this.toRow(document, storage);
        if (failure) report.failed.push({ id, reason: failure });
        else report.moved += 1;
      }
      if (ids.length < BATCH) return this.finish(report, target);
      after = ids[ids.length - 1];
    }
  }

  private async finish(report: DocumentMoveReport, target: DocumentStorageDriver): Promise<DocumentMoveReport> {
    report.remaining = await this.documents.countPending(target);
    return report;
  }

  /** Copies the row's bytes to the store, reads them back, and then points the row at them. */
  private async toObject(document: MovableDocument, storage: ObjectStorage): Promise<string | null> {
    if (!document.content) return null;
    const key = documentObjectKey(document.id);
    await storage.put(key, Readable.from([document.content]), { contentType: document.mimeType });
    const stored = await storage.get(key);
    const sha256 = stored ? await sha256Of(stored.body) : 'absent';
    if (sha256 !== document.sha256) {
      await storage.delete(key);
      return `the stored copy's SHA-256 is ${sha256}, not ${document.sha256}`;
    }
    // A row deleted or moved meanwhile keeps no object of its own.
    if (!(await this.documents.switchToObject(document.id, key))) await storage.delete(key);
    return null;
  }

  /** Copies the object's bytes into the row if they hash right, and then removes the object. */
  private async toRow(document: MovableDocument, storage: ObjectStorage): Promise<string | null> {
    if (!document.storageKey) return null;
    const stored = await storage.get(document.storageKey);
    if (!stored) return `no object under ${document.storageKey}`;
    const content = await readAtMost(stored.body, document.size);
    if (!content) return `the object under ${document.storageKey} is larger than the ${document.size} bytes recorded`;
    const sha256 = createHash('sha256').update(content).digest('hex');
    if (sha256 !== document.sha256) return `the object's SHA-256 is ${sha256}, not ${document.sha256}`;
    if (!(await this.documents.switchToRow(document.id, document.storageKey, content))) return null;
    await storage.delete(document.storageKey).catch((error: unknown) => {
      this.logger.warn({ err: error, storageKey: document.storageKey }, 'Moved document left its object behind');
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
