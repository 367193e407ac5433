import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { NotFoundError } from '@app/platform';
import { DocumentStoreUnavailableError, OBJECT_STORAGE, ObjectStorage } from '@app/platform/storage';
import { InspectedDocument } from './document-inspector';

/** The object key of an application document: its row's id, so that a rerun of a move writes the same object. */
export const documentObjectKey = (documentId: string): string => `applications/documents/${documentId}`;

/** The object key of a clarification answer's document: its request's id (one document per answer). */
export const clarificationObjectKey = (clarificationId: string): string =>
  `applications/clarifications/${clarificationId}`;

/** Where a stored file's bytes are: in its row (`content`), or in the object store under `storageKey`. */
export interface StoredBytes {
  content: Buffer | null;
  storageKey: string | null;
}

/** What a new document's row records of its bytes: the bytes themselves, or the key they were stored under. */
export interface PlacedBytes extends StoredBytes {
  id: string;
}

/**
 * Puts uploaded files' bytes where DOCUMENT_STORAGE says: in their rows (postgres, as ever) or in
 * the object store (s3), streamed there from the spooled upload and checked against the SHA-256
 * measured on arrival. Every stored upload goes through here: application documents, clarification
 * answers' documents and agreements' signed copies.
 */
@Injectable()
export class DocumentBytes {
  private readonly logger = new Logger(DocumentBytes.name);

  constructor(@Optional() @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage | null) {}

  /**
   * Before the row is written: with an object store, the bytes stream there first under the key of
   * the new row's id (`keyOf`, application documents' by default). PostgreSQL takes a bytea
   * parameter whole, so with the postgres driver the (at most 10 MiB) file is read for its row.
   */
  async place(
    inspected: InspectedDocument,
    keyOf: (id: string) => string = documentObjectKey,
    id: string = randomUUID(),
  ): Promise<PlacedBytes> {
    if (!this.storage) return { id, content: await readFile(inspected.path), storageKey: null };
    const key = keyOf(id);
    const body = createReadStream(inspected.path);
    const stored = await this.storage.put(key, body, { contentType: inspected.mimeType });
    if (stored.sha256 !== inspected.sha256 || stored.size !== inspected.size) {
      await this.discard(key);
      throw new DocumentStoreUnavailableError('store the document intact', new Error(`${key}: hash mismatch`));
    }
    return { id, content: null, storageKey: key };
  }

  /** Removes an object whose row was not written or was deleted; a failure leaves an orphan, logged, not an error. */
  async discard(storageKey: string | null): Promise<void> {
    if (!storageKey || !this.storage) return;
    await this.storage.delete(storageKey).catch((error: unknown) => {
      this.logger.warn({ err: error, storageKey }, 'Orphaned document object left in the store');
    });
  }

  /** The bytes of a stored document, streamed from the object store when they are there. */
  async open(document: StoredBytes): Promise<Buffer | Readable> {
    if (document.content) return document.content;
    if (!this.storage || !document.storageKey)
      throw new DocumentStoreUnavailableError('read the document', new Error('DOCUMENT_STORAGE is not s3'));
    const object = await this.storage.get(document.storageKey);
    if (!object) throw new NotFoundError('Document content');
    return object.body;
  }
}
