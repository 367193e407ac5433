import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { fromBuffer } from 'file-type';
import { AuditService } from '@app/audit';
import { CallsService, assertBeforePublication } from '@app/calls';
import { AuthUser, NotFoundError, Transactions } from '@app/platform';
import { FileTooLargeError, NotDraftError, UnsupportedFileTypeError } from '../domain/applications.errors';
import { ACCEPTED_DOCUMENT_TYPES, MAX_DOCUMENT_BYTES, safeFilename } from '../domain/file-types';
import { DocumentEntity } from '../infrastructure/application.entities';
import { ApplicationsRepository } from '../infrastructure/applications.repository';
import { DocumentInfo, DocumentsRepository } from '../infrastructure/documents.repository';
import { ApplicationAccess } from './application-access';
import { assertAcceptingApplications } from './applications.service';

export interface UploadedFile {
  originalname: string;
  size: number;
  buffer: Buffer;
}

@Injectable()
export class DocumentsService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly documents: DocumentsRepository,
    private readonly calls: CallsService,
    private readonly access: ApplicationAccess,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** Attaches a file to a draft; its type is decided by its bytes, never by its name or header. */
  async upload(actor: AuthUser, applicationId: string, kind: string, file: UploadedFile): Promise<DocumentInfo> {
    const application = await this.access.assertCanEdit(actor, await this.applications.findById(applicationId));
    const call = await this.calls.get(application.callId);
    assertBeforePublication(call);
    if (application.status !== 'draft') throw new NotDraftError(application.status);
    assertAcceptingApplications(call, new Date());
    if (file.size > MAX_DOCUMENT_BYTES || file.buffer.length > MAX_DOCUMENT_BYTES) {
      throw new FileTooLargeError(MAX_DOCUMENT_BYTES);
    }
    const sniffed = file.buffer.length > 0 ? await fromBuffer(file.buffer) : undefined;
    const extension = sniffed && ACCEPTED_DOCUMENT_TYPES[sniffed.mime];
    if (!sniffed || !extension) throw new UnsupportedFileTypeError();

    return this.transactions.run(async (tx) => {
      const locked = await this.applications.lockById(tx, applicationId);
      if (locked?.status !== 'draft') throw new NotDraftError(locked?.status ?? 'gone');
      const document = await this.documents.insert(tx, {
        applicationId,
        kind,
        filename: safeFilename(file.originalname, extension),
        mimeType: sniffed.mime,
        size: file.buffer.length,
        sha256: createHash('sha256').update(file.buffer).digest('hex'),
        content: file.buffer,
        uploadedBy: actor.id,
      });
      await this.applications.touch(tx, applicationId);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'application.document_added',
        entityType: 'application',
        entityId: applicationId,
        after: { documentId: document.id, kind, filename: document.filename, sha256: document.sha256 },
      });
      return document;
    });
  }

  async download(actor: AuthUser, applicationId: string, documentId: string): Promise<DocumentEntity> {
    await this.access.assertCanRead(actor, await this.applications.findById(applicationId));
    const document = await this.documents.findWithContent(applicationId, documentId);
    if (!document) throw new NotFoundError('Document');
    return document;
  }

  async remove(actor: AuthUser, applicationId: string, documentId: string): Promise<void> {
    const application = await this.access.assertCanEdit(actor, await this.applications.findById(applicationId));
    assertBeforePublication(await this.calls.get(application.callId));
    if (application.status !== 'draft') throw new NotDraftError(application.status);
    await this.transactions.run(async (tx) => {
      if (!(await this.documents.delete(tx, applicationId, documentId))) throw new NotFoundError('Document');
      await this.applications.touch(tx, applicationId);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'application.document_removed',
        entityType: 'application',
        entityId: applicationId,
        before: { documentId },
      });
    });
  }

  list(applicationIds: string[]): Promise<DocumentInfo[]> {
    return this.documents.listFor(applicationIds);
  }
}
