import type { components } from '../../api/schema';

type Schemas = components['schemas'];

/** Short names for the shapes the secretariat's pages read, as the generated document calls them. */
export type CallStatistics = Schemas['CallStatisticsDto'];
/** A calibrated stage's fit and the state of its rank intervals. */
export type Calibration = Schemas['CalibrationDto'];
export type RankUncertainty = Schemas['RankUncertaintyDto'];
export type CreateCallBody = Schemas['CreateCallDto'];
export type UpdateCallBody = Schemas['UpdateCallDto'];
export type PanelMember = Schemas['PanelMemberDto'];
/** A panel member as the panel's paged list gives it, with its evaluations submitted. */
export type ListedPanelMember = Schemas['ListedPanelMemberDto'];
export type UserListItem = Schemas['UserListItemDto'];
export type AutoAssignment = Schemas['AffinityAssignmentReportDto'];
export type CallAssignmentWithAffinity = Schemas['CallAssignmentDto'];
/** A conflict as the call's list gives it, with the organisation of its application. */
export type Conflict = Schemas['ListedConflictDto'];
export type Evaluation = Schemas['EvaluationDto'];
export type ScoringStatus = Schemas['ScoringStatusDto'];
export type ScoringRun = Schemas['ScoringRunDto'];
export type RankingItem = Schemas['RankingItemDto'];
export type MarkingDistribution = Schemas['MarkingDistributionDto'];
export type EvaluatorConfidence = Schemas['EvaluatorConfidenceDto'];
export type EvaluatorMarking = Schemas['EvaluatorMarkingDto'];
export type Cohort = Schemas['CohortDto'];
export type CohortLottery = Schemas['CohortLotteryDto'];
export type CohortSummary = Schemas['CohortSummaryDto'];
export type CohortEntry = Schemas['CohortEntryDto'];
export type CohortExclusion = Schemas['CohortExclusionDto'];
export type CohortOffer = Schemas['OfferDto'];
export type Replacement = Schemas['ReplacementDto'];
export type ConstraintReport = Schemas['ConstraintReportDto'];
export type ProposeCohortBody = Schemas['ProposeCohortDto'];
export type QuestionType = Schemas['QuestionDto']['type'];
export type ApplicationStatus = Schemas['ApplicationDto']['status'];
export type CallApplication = Schemas['CallApplicationDto'];
