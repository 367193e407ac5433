import { Inject, Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import { AuditService } from '@app/audit';
import { CallsService, assertBeforePublication } from '@app/calls';
import { AuthUser, NotFoundError, Transaction, Transactions } from '@app/platform';
import { NotDraftError } from '../domain/applications.errors';
import { ApplicationsConfig, applicationsConfig } from '../applications.config';
import { blindDocumentName } from '../domain/blind-review';
import { assertWithinQuota } from '../domain/document-quota';
import { ApplicationsRepository } from '../infrastructure/applications.repository';
import { DocumentInfo, DocumentsRepository } from '../infrastructure/documents.repository';
import { ApplicationAccess } from './application-access';
import { BlindReview } from './blind-review.service';
import { assertAcceptingApplications } from './applications.service';
import { DocumentBytes } from './document-bytes';
import { DocumentInspector, UploadedFile } from './document-inspector';
import { withServedName } from './served-documents';

@Injectable()
export class DocumentsService {
  constructor(
    private readonly applications: ApplicationsRepository,
    private readonly documents: DocumentsRepository,
    private readonly calls: CallsService,
    private readonly access: ApplicationAccess,
    private readonly blindReview: BlindReview,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly inspector: DocumentInspector,
    private readonly bytes: DocumentBytes,
    @Inject(applicationsConfig.KEY) private readonly config: ApplicationsConfig,
  ) {}

  /**
   * Attaches a file to a draft, once the inspector has decided its type by its bytes. The
   * application's row is held while its documents are counted and the new one inserted, so
   * concurrent uploads cannot pass the quota together. With an object store the bytes go there
   * first, outside the transaction, and are removed again when the row is not written.
   */
  async upload(actor: AuthUser, applicationId: string, kind: string, file: UploadedFile): Promise<DocumentInfo> {
    const application = await this.access.assertCanEdit(actor, await this.applications.findById(applicationId));
    const call = await this.calls.get(application.callId);
    assertBeforePublication(call);
    if (application.status !== 'draft') throw new NotDraftError(application.status);
    assertAcceptingApplications(call, new Date());
    const inspected = await this.inspector.inspect(file);
    const quota = {
      maxCount: this.config.DOCUMENTS_MAX_PER_APPLICATION,
      maxBytes: this.config.DOCUMENTS_MAX_TOTAL_BYTES,
    };

    const placed = await this.bytes.place(inspected);
    const record = async (tx: Transaction) => {
      const locked = await this.applications.lockById(tx, applicationId);
      if (locked?.status !== 'draft') throw new NotDraftError(locked?.status ?? 'gone');
      assertWithinQuota(await this.documents.usage(tx, applicationId), inspected.size, quota);
      const document = await this.documents.insert(tx, {
        applicationId,
        kind,
        ...inspected,
        ...placed,
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
    };
    try {
      return await this.transactions.run(record);
    } catch (error) {
      await this.bytes.discard(placed.storageKey);
      throw error;
    }
  }

  /** The document with its bytes; an evaluator of a blind call receives it named by its position (`Document 2.pdf`). */
  async download(
    actor: AuthUser,
    applicationId: string,
    documentId: string,
  ): Promise<DocumentInfo & { content: Buffer | Readable }> {
    const application = await this.access.assertCanRead(actor, await this.applications.findById(applicationId));
    const document = await this.documents.findWithContent(applicationId, documentId);
    if (!document) throw new NotFoundError('Document');
    const served = withServedName(document);
    let filename = served.filename;
    if (await this.blindReview.hidesApplicantFrom(actor, application)) {
      const position = (await this.documents.listFor([applicationId])).findIndex((d) => d.id === documentId) + 1;
      filename = blindDocumentName(position, served.filename);
    }
    // Opened last, once nothing else can fail, so that no stream from the store is left unread.
    return { ...served, filename, content: await this.bytes.open(document) };
  }

  async remove(actor: AuthUser, applicationId: string, documentId: string): Promise<void> {
    const application = await this.access.assertCanEdit(actor, await this.applications.findById(applicationId));
    assertBeforePublication(await this.calls.get(application.callId));
    if (application.status !== 'draft') throw new NotDraftError(application.status);
    const removed = await this.transactions.run(async (tx) => {
      const deleted = await this.documents.delete(tx, applicationId, documentId);
      if (!deleted) throw new NotFoundError('Document');
      await this.applications.touch(tx, applicationId);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'application.document_removed',
        entityType: 'application',
        entityId: applicationId,
        before: { documentId },
      });
      return deleted;
    });
    await this.bytes.discard(removed.storageKey);
  }

  async list(applicationIds: string[]): Promise<DocumentInfo[]> {
    return (await this.documents.listFor(applicationIds)).map(withServedName);
  }
}
