import { Inject, Injectable } from '@nestjs/common';
import { fromFile } from 'file-type';
import { FileTooLargeError, UnsupportedFileTypeError } from '../domain/applications.errors';
import { ApplicationsConfig, applicationsConfig } from '../applications.config';
import { ACCEPTED_DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, safeFilename } from '../domain/file-types';
import { isOfficeKind, isOfficePackage } from './office-package';

/** An upload as the HTTP edge hands it over: spooled to a temporary file, measured on the way. */
export interface UploadedFile {
  originalname: string;
  /** The temporary file holding the bytes, removed once the request is answered. */
  path: string;
  size: number;
  sha256: string;
}

/** A file accepted for storage: its type decided by its bytes, its name given that type's extension. */
export interface InspectedDocument {
  filename: string;
  mimeType: string;
  size: number;
  sha256: string;
  /** Where the bytes wait until they are stored. */
  path: string;
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
    if (file.size > MAX_DOCUMENT_BYTES) throw new FileTooLargeError(MAX_DOCUMENT_BYTES);
    const { mime, extension } = await this.detectType(file.path, file.size);
    if (onlyPdf && mime !== 'application/pdf') throw new UnsupportedFileTypeError('PDF files');
    return {
      filename: safeFilename(file.originalname, extension),
      mimeType: mime,
      size: file.size,
      sha256: file.sha256,
      path: file.path,
    };
  }

  /** The accepted type the bytes are, DOCX and XLSX checked down to their parts; else 415. */
  private async detectType(path: string, size: number): Promise<{ mime: string; extension: string }> {
    const sniffed = size > 0 ? await fromFile(path) : undefined;
    const extension = sniffed && ACCEPTED_DOCUMENT_TYPES[sniffed.mime];
    if (!sniffed || !extension) throw new UnsupportedFileTypeError();
    if (
      isOfficeKind(extension) &&
      !(await isOfficePackage(path, extension, this.config.DOCUMENTS_MAX_UNCOMPRESSED_BYTES))
    ) {
      throw new UnsupportedFileTypeError();
    }
    return { mime: sniffed.mime, extension };
  }
}
