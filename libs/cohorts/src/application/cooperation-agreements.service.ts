import { Inject, Injectable } from '@nestjs/common';
import { Readable } from 'node:stream';
import {
  ApplicationOutcomesService,
  ApplicationsService,
  DocumentBytes,
  DocumentInspector,
  UploadedFile,
} from '@app/applications';
import { CallsService, titlesOf } from '@app/calls';
import { AuditService } from '@app/audit';
import { NotificationRequest, NotificationsService, notificationRequest, TemplateParams } from '@app/notifications';
import {
  AuthUser,
  NotFoundError,
  Page,
  PageQuery,
  Transaction,
  Transactions,
  databaseNow,
  isStaff,
} from '@app/platform';
import { renderAgreementPdf } from '../annex/agreement-pdf';
import { signedCopyObjectKey } from '../infrastructure/signed-copy-moves.repository';
import type { AnnexLocale } from '../annex/annex-i18n';
import { AgreementAction, agreementAfter } from '../domain/agreement';
import { AgreementTermsMissingError } from '../domain/cohorts.errors';
import {
  AgreementTerms,
  AgreementsRepository,
  CooperationAgreement,
  DirectoryEntry,
  SignedCopyInfo,
} from '../infrastructure/agreements.repository';
import { CohortsConfig, cohortsConfig } from '../cohorts.config';
import { SelectionFactsRepository } from '../infrastructure/selection-facts.repository';
import { inBatches } from './batches';
import { CohortsService } from './cohorts.service';

/** Reminders sent per transaction: a backlog is worked through in short transactions. */
const REMINDER_BATCH = 100;

/** What every e-mail about an agreement says: the call and the link to the application's page. */
type AgreementParams = TemplateParams<'agreement.issued'>;

/**
 * Cooperation agreements with the centres that accepted their place (issue 15): issued from the
 * terms the secretariat writes per call, signed by the centre (an uploaded PDF), countersigned by the
 * secretariat or returned with a reason. The countersigned ones make the network's public directory.
 */
@Injectable()
export class CooperationAgreementsService {
  constructor(
    private readonly agreements: AgreementsRepository,
    private readonly cohorts: CohortsService,
    private readonly applications: ApplicationsService,
    private readonly outcomes: ApplicationOutcomesService,
    private readonly calls: CallsService,
    private readonly notifications: NotificationsService,
    private readonly facts: SelectionFactsRepository,
    private readonly inspector: DocumentInspector,
    private readonly bytes: DocumentBytes,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    @Inject(cohortsConfig.KEY) private readonly config: CohortsConfig,
  ) {}

  async terms(callId: string): Promise<AgreementTerms> {
    await this.calls.get(callId);
    const terms = await this.agreements.terms(callId);
    if (!terms) throw new NotFoundError('Agreement terms');
    return terms;
  }

  /** The terms of the call's agreements from now on; those issued keep the terms they were issued with. */
  async writeTerms(actor: AuthUser, callId: string, terms: string): Promise<AgreementTerms> {
    await this.calls.get(callId);
    return this.transactions.run(async (tx) => {
      const written = await this.agreements.writeTerms(tx, callId, terms, await databaseNow(tx), actor.id);
      await this.audit.record(tx, {
        actorId: actor.id,
        action: 'call.agreement_terms_written',
        entityType: 'call',
        entityId: callId,
        after: { terms },
      });
      return written;
    });
  }

  /**
   * Issues an agreement to every centre of the published cohort that accepted its place and has
   * none yet, and tells each by e-mail; answers the applications issued one (none when all have one).
   */
  async issue(actor: AuthUser, cohortId: string): Promise<string[]> {
    return this.transactions.run(async (tx) => {
      const cohort = await this.cohorts.lock(tx, cohortId);
      const terms = await this.agreements.terms(cohort.callId, tx);
      if (!terms) throw new AgreementTermsMissingError();
      const call = await this.calls.get(cohort.callId, tx);
      const issued = await this.agreements.issueToAccepted(
        tx,
        cohortId,
        { call: { reference: call.reference, title: call.title }, terms: terms.terms, issuedAt: await databaseNow(tx) },
        actor.id,
      );
      for (const applicationId of issued)
        await this.notify(tx, applicationId, (to, params) => notificationRequest(to, 'agreement.issued', params));
      if (issued.length > 0) await this.cohorts.record(tx, actor, 'cohort.agreements_issued', cohortId, { issued });
      return issued;
    });
  }

  async listForCohort(cohortId: string, page: PageQuery): Promise<Page<CooperationAgreement>> {
    await this.cohorts.get(cohortId);
    return this.agreements.listForCohort(cohortId, page);
  }

  /** The application's agreement, for its organisation's members and the secretariat. */
  async forApplication(actor: AuthUser, applicationId: string): Promise<CooperationAgreement> {
    if (isStaff(actor)) await this.applications.readableBy(actor, applicationId);
    else await this.applications.ownedBy(actor, applicationId);
    const agreement = await this.agreements.findForApplication(applicationId);
    if (!agreement) throw new NotFoundError('Agreement');
    return agreement;
  }

  /** The agreement as issued, as a PDF in English or French (the country named in that language). */
  async document(actor: AuthUser, applicationId: string, locale: AnnexLocale): Promise<Buffer> {
    const { document } = await this.forApplication(actor, applicationId);
    const names = await this.facts.countryNames([document.centre.countryCode], locale);
    const countryName = names.get(document.centre.countryCode) ?? document.centre.countryName;
    return renderAgreementPdf({ ...document, centre: { ...document.centre, countryName } }, locale);
  }

  /** The centre's signed copy (a PDF); it replaces an earlier one until the agreement is countersigned. */
  async sign(actor: AuthUser, applicationId: string, file: UploadedFile): Promise<CooperationAgreement> {
    await this.applications.ownedBy(actor, applicationId);
    const inspected = await this.inspector.inspect(file, { onlyPdf: true });
    // With an object store the bytes go there first, and are removed again when the copy is not recorded.
    const copy = { ...inspected, ...(await this.bytes.place(inspected, signedCopyObjectKey)) };
    try {
      return await this.move(actor, applicationId, 'sign', async (tx, agreement, at) => {
        await this.agreements.insertSignedCopy(tx, agreement.id, copy, actor.id, at);
        return { sha256: copy.sha256 };
      });
    } catch (error) {
      await this.bytes.discard(copy.storageKey);
      throw error;
    }
  }

  /** The signed copy the centre uploaded last. */
  async signedCopy(actor: AuthUser, applicationId: string): Promise<SignedCopyInfo & { content: Buffer | Readable }> {
    const agreement = await this.forApplication(actor, applicationId);
    const copy = await this.agreements.signedCopy(agreement.id);
    if (!copy) throw new NotFoundError('Signed copy');
    return { ...copy, content: await this.bytes.open(copy) };
  }

  /** The secretariat sends the signed copy back to the centre, with what to correct. */
  returnCopy(actor: AuthUser, applicationId: string, reason: string): Promise<CooperationAgreement> {
    return this.move(actor, applicationId, 'return', async (tx) => {
      await this.notify(tx, applicationId, (to, params) =>
        notificationRequest(to, 'agreement.returned', { ...params, reason }),
      );
      return { reason };
    });
  }

  /** The secretariat's countersignature: the agreement is in force and the centre joins the directory. */
  countersign(actor: AuthUser, applicationId: string): Promise<CooperationAgreement> {
    return this.move(actor, applicationId, 'countersign', async (tx) => {
      await this.notify(tx, applicationId, (to, params) => notificationRequest(to, 'agreement.countersigned', params));
      return {};
    });
  }

  directory(page: PageQuery): Promise<Page<DirectoryEntry>> {
    return this.agreements.directory(page);
  }

  /**
   * Reminds the centres of agreements still to sign, `intervalDays` after issue and then every
   * `intervalDays`; each once per interval. Answers how many it reminded.
   */
  remindPendingSignatures(intervalDays: number): Promise<number> {
    return inBatches(REMINDER_BATCH, () =>
      this.transactions.run(async (tx) => {
        const due = await this.agreements.takeDueReminders(tx, intervalDays, REMINDER_BATCH);
        for (const agreement of due) {
          await this.notify(tx, agreement.applicationId, (to, params) =>
            notificationRequest(to, 'agreement.reminder', { ...params, issuedAt: agreement.issuedAt.toISOString() }),
          );
        }
        return due.length;
      }),
    );
  }

  /** One step of the agreement under its row lock, with what `effect` writes beside it, audited. */
  private async move(
    actor: AuthUser,
    applicationId: string,
    action: AgreementAction,
    effect: (tx: Transaction, agreement: CooperationAgreement, at: Date) => Promise<Record<string, unknown>>,
  ): Promise<CooperationAgreement> {
    await this.transactions.run(async (tx) => {
      const agreement = await this.agreements.lockForApplication(tx, applicationId);
      if (!agreement) throw new NotFoundError('Agreement');
      const status = agreementAfter(action, agreement);
      const at = await databaseNow(tx);
      const audited = await effect(tx, agreement, at);
      await this.agreements.transition(tx, agreement.id, {
        status,
        at,
        by: actor.id,
        returnReason: action === 'return' ? (audited.reason as string) : undefined,
      });
      await this.cohorts.record(tx, actor, `cohort.agreement_${status}`, agreement.cohortId, {
        applicationId,
        ...audited,
      });
    });
    return (await this.agreements.findForApplication(applicationId))!;
  }

  /**
   * Tells the centre, in its language, through the outbox; the e-mail links to its application's page.
   * `request` builds the notification from the parameters all agreement e-mails share, so that the
   * compiler checks each template's own.
   */
  private async notify(
    tx: Transaction,
    applicationId: string,
    request: (recipientId: string, params: AgreementParams) => NotificationRequest,
  ): Promise<void> {
    const recipientId = await this.outcomes.recipientOf(tx, applicationId);
    if (!recipientId) return;
    const agreement = await this.agreements.lockForApplication(tx, applicationId);
    // The reference as the agreement states it; the title as the call now gives it in each language.
    const call = await this.calls.get(agreement!.callId, tx);
    const params: AgreementParams = {
      callReference: agreement!.document.call.reference,
      callTitle: titlesOf(call),
      agreementUrl: new URL(
        `/applicant/applications/${encodeURIComponent(applicationId)}`,
        this.config.PUBLIC_BASE_URL,
      ).toString(),
    };
    await this.notifications.notify(tx, [request(recipientId, params)]);
  }
}
