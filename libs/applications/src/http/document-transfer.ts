import { StreamableFile, UseInterceptors, applyDecorators } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiOkResponse, ApiProduces } from '@nestjs/swagger';
import { Readable } from 'node:stream';
import { ACCEPTED_DOCUMENT_TYPES, MAX_DOCUMENT_BYTES } from '../domain/file-types';
import { RemoveSpooledFile, SpoolingStorage } from './spooled-upload';

/** How documents travel over HTTP, for every route that takes or serves one. */

/**
 * A multipart form with one `file` of at most 10 MiB, streamed to a temporary file (counted and
 * hashed on the way; the limit ends it as soon as it is passed, 413, nothing kept) for the checks of
 * its bytes, and removed once the request is answered.
 */
export const AcceptsOneDocument = () =>
  UseInterceptors(
    FileInterceptor('file', {
      storage: new SpoolingStorage(),
      limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1, fields: 5 },
      // Browsers send the file name as raw UTF-8; multer would read it as Latin-1 and garble it.
      defParamCharset: 'utf8',
    }),
    RemoveSpooledFile,
  );

/** The OpenAPI description of a route answering a stored document's bytes. */
export const ServesDocumentBytes = () =>
  applyDecorators(
    ApiProduces(...Object.keys(ACCEPTED_DOCUMENT_TYPES)),
    ApiOkResponse({
      description: 'The bytes as uploaded.',
      content: Object.fromEntries(
        Object.keys(ACCEPTED_DOCUMENT_TYPES).map((mime) => [mime, { schema: { type: 'string', format: 'binary' } }]),
      ),
    }),
  );

/** A stored document as a download under its stored name, its bytes streamed when they come from the object store. */
export function documentDownload(document: {
  content: Buffer | Readable;
  mimeType: string;
  size: number;
  filename: string;
}): StreamableFile {
  const options = {
    type: document.mimeType,
    length: document.size,
    disposition: attachmentDisposition(document.filename),
  };
  const { content } = document;
  return Buffer.isBuffer(content) ? new StreamableFile(content, options) : new StreamableFile(content, options);
}

/**
 * RFC 6266: the exact name in `filename*` (UTF-8, percent-encoded), and for older clients an ASCII
 * approximation in `filename`, since percent-escapes there are shown literally, not decoded.
 */
function attachmentDisposition(filename: string): string {
  const fallback = filename.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
