import type { ApplicationCall } from '@app/calls';
import { Application, effectiveEligibility, outcomeOf } from '../domain/application';
import { DocumentInfo } from '../infrastructure/documents.repository';
import { ApplicationDto, DocumentDto, ReplyDecisionDto } from './application.dto';

export function toDocumentDto(document: DocumentInfo): DocumentDto {
  return {
    id: document.id,
    kind: document.kind,
    filename: document.filename,
    size: document.size,
    sha256: document.sha256,
    mimeType: document.mimeType,
    createdAt: document.createdAt,
  };
}

function replyDecisionOf({ replyDecision }: Application): ReplyDecisionDto | null {
  if (!replyDecision) return null;
  return { decision: replyDecision.decision, reason: replyDecision.reason, decidedAt: replyDecision.decidedAt };
}

export function toApplicationDto(
  application: Application,
  documents: DocumentInfo[],
  calls: ReadonlyMap<string, ApplicationCall>,
): ApplicationDto {
  const call = calls.get(application.callId);
  if (!call) throw new Error(`The call of application ${application.id} was not read`);
  const eligibility = effectiveEligibility(application);
  return {
    id: application.id,
    callId: application.callId,
    call: { id: call.id, reference: call.reference, title: call.title, status: call.status, closesAt: call.closesAt },
    organisationId: application.organisationId,
    countryCode: application.countryCode,
    region: application.region,
    status: application.status,
    outcome: outcomeOf(application.status),
    feedback: application.feedback,
    version: application.version,
    answers: application.answers,
    eligibility: eligibility && { ...eligibility, overridden: application.eligibilityOverride !== null },
    ...(call.kind === 'registration' ? { replyDecision: replyDecisionOf(application) } : {}),
    ...(call.hasSessions ? { sessionPreferences: application.sessionPreferences } : {}),
    submittedAt: application.submittedAt,
    withdrawnAt: application.withdrawnAt,
    documents: documents.filter((d) => d.applicationId === application.id).map(toDocumentDto),
    createdAt: application.createdAt,
    updatedAt: application.updatedAt,
  };
}
