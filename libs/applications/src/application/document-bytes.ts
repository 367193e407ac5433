import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { NotFoundError } from '@app/platform';
import { DocumentStoreUnavailableError, OBJECT_STORAGE, ObjectStorage } from '@app/platform/storage';
import { DocumentWithBytes } from '../infrastructure/documents.repository';
import { InspectedDocument } from './document-inspector';

/** The object key of an application document: its row's id, so that a rerun of a move writes the same object. */
export const documentObjectKey = (documentId: string): string => `applications/documents/${documentId}`;

/** What a new document's row records of its bytes: the bytes themselves, or the key they were stored under. */
export interface PlacedBytes {
  id: string;
  content: Buffer | null;
  storageKey: string | null;
}

/**
 * Puts application documents' bytes where DOCUMENT_STORAGE says: in their rows (postgres, as ever)
 * or in the object store (s3), streaming them there and checking the store received what was inspected.
 */
@Injectable()
export class DocumentBytes {
  private readonly logger = new Logger(DocumentBytes.name);

  constructor(@Optional() @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage | null) {}

  /** Before the row is written: with an object store, the bytes go there first under the new row's id. */
  async place(inspected: InspectedDocument): Promise<PlacedBytes> {
    const id = randomUUID();
    if (!this.storage) return { id, content: inspected.content, storageKey: null };
    const key = documentObjectKey(id);
    const stored = await this.storage.put(key, Readable.from([inspected.content]), { contentType: inspected.mimeType });
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
  async open(document: DocumentWithBytes): Promise<Buffer | Readable> {
    if (document.content) return document.content;
    if (!this.storage)
      throw new DocumentStoreUnavailableError('read the document', new Error('DOCUMENT_STORAGE is not s3'));
    const object = await this.storage.get(document.storageKey);
    if (!object) throw new NotFoundError('Document content');
    return object.body;
  }
}
