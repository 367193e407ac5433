import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { fromBuffer } from 'file-type';
import { FileTooLargeError, UnsupportedFileTypeError } from '../domain/applications.errors';
import { ApplicationsConfig, applicationsConfig } from '../applications.config';
import { ACCEPTED_DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, safeFilename } from '../domain/file-types';
import { isOfficeKind, isOfficePackage } from './office-package';

export interface UploadedFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

/** A file accepted for storage: its type decided by its bytes, its name given that type's extension. */
export interface InspectedDocument {
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  content: Buffer;
}

/**
 * The checks every stored file passes, whatever it is attached to: at most 10 MiB, and a type
 * decided by content, never by name or header (DOCX and XLSX down to their parts); else 413 or 415.
 */
@Injectable()
export class DocumentInspector {
  constructor(@Inject(applicationsConfig.KEY) private readonly config: ApplicationsConfig) {}

  /** `onlyPdf`: a document that must be a PDF, such as a signed agreement. */
  async inspect(file: UploadedFile, { onlyPdf = false } = {}): Promise<InspectedDocument> {
    if (file.size > MAX_DOCUMENT_BYTES || file.buffer.length > MAX_DOCUMENT_BYTES) {
      throw new FileTooLargeError(MAX_DOCUMENT_BYTES);
    }
    const { mime, extension } = await this.detectType(file.buffer);
    if (onlyPdf && mime !== 'application/pdf') throw new UnsupportedFileTypeError('PDF files');
    return {
      filename: safeFilename(file.originalname, extension),
      mimeType: mime,
      size: file.buffer.length,
      sha256: createHash('sha256').update(file.buffer).digest('hex'),
      content: file.buffer,
    };
  }

  /** The accepted type the bytes are, DOCX and XLSX checked down to their parts; else 415. */
  private async detectType(bytes: Buffer): Promise<{ mime: string; extension: string }> {
    const sniffed = bytes.length > 0 ? await fromBuffer(bytes) : undefined;
    const extension = sniffed && ACCEPTED_DOCUMENT_TYPES[sniffed.mime];
    if (!sniffed || !extension) throw new UnsupportedFileTypeError();
    if (
      isOfficeKind(extension) &&
      !(await isOfficePackage(bytes, extension, this.config.DOCUMENTS_MAX_UNCOMPRESSED_BYTES))
    ) {
      throw new UnsupportedFileTypeError();
    }
    return { mime: sniffed.mime, extension };
  }
}
