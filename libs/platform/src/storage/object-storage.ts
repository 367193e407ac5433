import { Readable } from 'node:stream';

/** What was stored under a key: its length and SHA-256, measured from the bytes as they streamed past. */
export interface StoredObject {
  key: string;
  size: number;
  sha256: string;
}

/**
 * The port of a store of immutable objects by key (S3 or a compatible store). Bodies travel as
 * streams both ways, so no object is ever held in memory whole. Every failure of the store is a
 * DocumentStoreUnavailableError (503); an absent key is `null`, not an error.
 */
export interface ObjectStorage {
  /** Writes the stream under `key` (replacing what was there): a rerun with the same key is harmless. */
  put(key: string, body: Readable, options: { contentType: string }): Promise<StoredObject>;
  /** The object's bytes as a stream, or null when there is none under the key. */
  get(key: string): Promise<{ body: Readable; size: number } | null>;
  /** The object's length, or null when there is none under the key. */
  head(key: string): Promise<{ size: number } | null>;
  /** Removes the object; removing an absent key succeeds. */
  delete(key: string): Promise<void>;
}

/** The configured object store; null when DOCUMENT_STORAGE=postgres keeps bytes in their owners' rows. */
export const OBJECT_STORAGE = Symbol('OBJECT_STORAGE');
