import { ApplicationForReview } from '../application/evaluation-context';
import { StagePanelMembers } from '../application/panel.service';
import { Assignment, Conflict, Evaluation } from '../domain/evaluation';
import { ApplicationForReviewDto, AssignmentDto, ConflictDto, EvaluationDto, PanelDto } from './evaluation.dto';

export function toPanelDto(callId: string, { stage, own, members }: StagePanelMembers): PanelDto {
  return {
    callId,
    stage,
    ownPanel: own,
    members: members.map(({ user, load, addedAt }) => ({
      evaluatorId: user.id,
      displayName: user.displayName,
      email: user.email,
      countryCode: user.countryCode,
      affiliation: user.affiliation,
      load,
      addedAt,
    })),
  };
}

export function toAssignmentDto(assignment: Assignment): AssignmentDto {
  return {
    id: assignment.id,
    callId: assignment.callId,
    applicationId: assignment.applicationId,
    evaluatorId: assignment.evaluatorId,
    stage: assignment.stage,
    status: assignment.status,
    endReason: assignment.endReason,
    createdAt: assignment.createdAt,
  };
}

export function toApplicationForReviewDto(application: ApplicationForReview): ApplicationForReviewDto {
  return {
    id: application.id,
    organisationName: application.organisationName,
    pseudonym: application.pseudonym,
    countryCode: application.countryCode,
    region: application.region,
    answers: application.answers,
    submittedAt: application.submittedAt,
    documents: application.documents,
  };
}

export function toEvaluationDto(evaluation: Evaluation): EvaluationDto {
  return {
    assignmentId: evaluation.id,
    applicationId: evaluation.applicationId,
    evaluatorId: evaluation.evaluatorId,
    stage: evaluation.stage,
    status: evaluation.status,
    scores: evaluation.scores,
    overallComment: evaluation.overallComment,
    confidence: evaluation.confidence,
    submittedAt: evaluation.submittedAt,
    updatedAt: evaluation.updatedAt,
  };
}

export function toConflictDto(conflict: Conflict): ConflictDto {
  return {
    id: conflict.id,
    callId: conflict.callId,
    evaluatorId: conflict.evaluatorId,
    applicationId: conflict.applicationId,
    reason: conflict.reason,
    source: conflict.source,
    declaredBy: conflict.declaredBy,
    createdAt: conflict.createdAt,
  };
}
