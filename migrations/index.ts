import { Foundation1763800000000 } from './1763800000000-Foundation';
import { SeedItuCountries1763800000001 } from './1763800000001-SeedItuCountries';
import { Evaluation1763900000000 } from './1763900000000-Evaluation';
import { Outbox1764000000000 } from './1764000000000-Outbox';
import { ScoringResults1764100000000 } from './1764100000000-ScoringResults';
import { ScoringRuns1764200000000 } from './1764200000000-ScoringRuns';
import { Notifications1764300000000 } from './1764300000000-Notifications';
import { Cohorts1764400000000 } from './1764400000000-Cohorts';
import { ApplicationFeedback1764500000000 } from './1764500000000-ApplicationFeedback';
import { UserAccountState1764700000000 } from './1764700000000-UserAccountState';
import { CohortAnnexes1764800000000 } from './1764800000000-CohortAnnexes';
import { AssignmentRanges1764900000000 } from './1764900000000-AssignmentRanges';
import { AssignmentsByApplication1765000000000 } from './1765000000000-AssignmentsByApplication';
import { ScoringIncremental1765100000000 } from './1765100000000-ScoringIncremental';
import { ContextViews1765200000000 } from './1765200000000-ContextViews';
import { OutboxNotify1765300000001 } from './1765300000001-OutboxNotify';
import { EventsOnSubscriberQueues1765300000002 } from './1765300000002-EventsOnSubscriberQueues';
import { ListReadModels1765500000000 } from './1765500000000-ListReadModels';
import { ScoringCallRescoredAt1765600000000 } from './1765600000000-ScoringCallRescoredAt';
import { ScoringAggregates1765710000000 } from './1765710000000-ScoringAggregates';
import { UserIdentities1765720000000 } from './1765720000000-UserIdentities';
import { ApiTokens1765730000000 } from './1765730000000-ApiTokens';
import { AccountLinks1765750000000 } from './1765750000000-AccountLinks';
import { SessionDetails1765740000000 } from './1765740000000-SessionDetails';
import { EmailVerification1765760000000 } from './1765760000000-EmailVerification';
import { ApplicationSubmitter1765760000001 } from './1765760000001-ApplicationSubmitter';
import { CohortsPublishedByCall1765800000400 } from './1765800000400-CohortsPublishedByCall';
import { ApplicationAnswersVersion1765800000100 } from './1765800000100-ApplicationAnswersVersion';
import { ExportViews1765800000500 } from './1765800000500-ExportViews';
import { EvaluatorReminders1765800000600 } from './1765800000600-EvaluatorReminders';
import { ApplicationReminders1765800000700 } from './1765800000700-ApplicationReminders';
import { ReviewStages1765900000300 } from './1765900000300-ReviewStages';
import { Discussion1765900000400 } from './1765900000400-Discussion';
import { ClarificationRequests1765900000500 } from './1765900000500-ClarificationRequests';
import { PanelMemberProfiles1765900000100 } from './1765900000100-PanelMemberProfiles';
import { ConfidenceAndBlindReview1765900000600 } from './1765900000600-ConfidenceAndBlindReview';
import { DueDateReminders1765900000700 } from './1765900000700-DueDateReminders';
import { Moderation1765900000800 } from './1765900000800-Moderation';
import { StagePanels1766000010300 } from './1766000010300-StagePanels';
import { ScoringRunChunksWithoutLastId1766000010000 } from './1766000010000-ScoringRunChunksWithoutLastId';
import { DiscussionNames1766000010600 } from './1766000010600-DiscussionNames';
import { StageReminderOffsets1766000010700 } from './1766000010700-StageReminderOffsets';
import { DueRemindersPerDueDate1766000010710 } from './1766000010710-DueRemindersPerDueDate';
import { ScoringTotalCounts1766000010800 } from './1766000010800-ScoringTotalCounts';
import { CohortOffers1766000020000 } from './1766000020000-CohortOffers';
import { OfferNotices1766000050000 } from './1766000050000-OfferNotices';
import { OfferWithdrawals1766000050100 } from './1766000050100-OfferWithdrawals';
import { CallCirculars1766000030000 } from './1766000030000-CallCirculars';
import { CalibratedScoring1766000060000 } from './1766000060000-CalibratedScoring';
import { CooperationAgreements1766000040000 } from './1766000040000-CooperationAgreements';
import { WithdrawnFromCohort1766000070000 } from './1766000070000-WithdrawnFromCohort';
import { ExpertiseAwareAssignment1766000110000 } from './1766000110000-ExpertiseAwareAssignment';
import { FinalRankingUncertainty1766000150000 } from './1766000150000-FinalRankingUncertainty';
import { CallTranslations1766100000000 } from './1766100000000-CallTranslations';
import { SixLanguages1766000130000 } from './1766000130000-SixLanguages';
import { CohortLottery1766000100000 } from './1766000100000-CohortLottery';
import { DocumentStorageKeys1766000160000 } from './1766000160000-DocumentStorageKeys';
import { UploadStorageKeys1766200000000 } from './1766200000000-UploadStorageKeys';
import { CallTitleTranslationsInReminderViews1766300000000 } from './1766300000000-CallTitleTranslationsInReminderViews';
import { RegistrationCalls1766400000000 } from './1766400000000-RegistrationCalls';
import { SessionAllocation1766430000000 } from './1766430000000-SessionAllocation';
import { PeopleQuestions1766410000000 } from './1766410000000-PeopleQuestions';
import { SessionTitleTranslations1766440000000 } from './1766440000000-SessionTitleTranslations';
import { ReadTimeScores1766450000000 } from './1766450000000-ReadTimeScores';
import { CallFormViews1766460000000 } from './1766460000000-CallFormViews';

/** Every migration, in order; listed explicitly so that compiled and test runs see the same set. */
export const MIGRATIONS = [
  Foundation1763800000000,
  SeedItuCountries1763800000001,
  Evaluation1763900000000,
  Outbox1764000000000,
  ScoringResults1764100000000,
  ScoringRuns1764200000000,
  Notifications1764300000000,
  Cohorts1764400000000,
  ApplicationFeedback1764500000000,
  UserAccountState1764700000000,
  CohortAnnexes1764800000000,
  AssignmentRanges1764900000000,
  AssignmentsByApplication1765000000000,
  ScoringIncremental1765100000000,
  ContextViews1765200000000,
  OutboxNotify1765300000001,
  EventsOnSubscriberQueues1765300000002,
  ListReadModels1765500000000,
  ScoringCallRescoredAt1765600000000,
  ScoringAggregates1765710000000,
  UserIdentities1765720000000,
  ApiTokens1765730000000,
  AccountLinks1765750000000,
  SessionDetails1765740000000,
  EmailVerification1765760000000,
  ApplicationSubmitter1765760000001,
  ApplicationAnswersVersion1765800000100,
  CohortsPublishedByCall1765800000400,
  ExportViews1765800000500,
  EvaluatorReminders1765800000600,
  ApplicationReminders1765800000700,
  ReviewStages1765900000300,
  Discussion1765900000400,
  PanelMemberProfiles1765900000100,
  ClarificationRequests1765900000500,
  ConfidenceAndBlindReview1765900000600,
  DueDateReminders1765900000700,
  Moderation1765900000800,
  StagePanels1766000010300,
  ScoringRunChunksWithoutLastId1766000010000,
  DiscussionNames1766000010600,
  StageReminderOffsets1766000010700,
  DueRemindersPerDueDate1766000010710,
  ScoringTotalCounts1766000010800,
  CohortOffers1766000020000,
  OfferNotices1766000050000,
  OfferWithdrawals1766000050100,
  CallCirculars1766000030000,
  CooperationAgreements1766000040000,
  CalibratedScoring1766000060000,
  WithdrawnFromCohort1766000070000,
  ExpertiseAwareAssignment1766000110000,
  SixLanguages1766000130000,
  CohortLottery1766000100000,
  DocumentStorageKeys1766000160000,
  FinalRankingUncertainty1766000150000,
  CallTranslations1766100000000,
  UploadStorageKeys1766200000000,
  CallTitleTranslationsInReminderViews1766300000000,
  RegistrationCalls1766400000000,
  PeopleQuestions1766410000000,
  SessionAllocation1766430000000,
  SessionTitleTranslations1766440000000,
  ReadTimeScores1766450000000,
  CallFormViews1766460000000,
];
