import type { components } from './schema';

type Schemas = components['schemas'];

/** Short names for the API's shapes, as the generated document calls them. */
export type Me = Schemas['MeDto'];
export type Call = Schemas['CallDto'];
export type Criterion = Schemas['CriterionViewDto'];
export type Question = Schemas['QuestionViewDto'];
export type Application = Schemas['ApplicationDto'];
export type ApplicationDocument = Schemas['DocumentDto'];
export type Clarification = Schemas['ClarificationDto'];
export type Offer = Schemas['OfferDto'];
export type Agreement = Schemas['AgreementDto'];
export type DirectoryEntry = Schemas['DirectoryEntryDto'];
export type CallClarification = Schemas['CallClarificationDto'];
export type ClarificationStatus = Clarification['status'];
export type Answers = Application['answers'];
/** One person of a people question's answer. */
export type Person = Extract<Answers[string], unknown[]>[number];
/** An answer as the draft form holds it; null removes it. */
export type AnswerValue = Answers[string];
export type Organisation = Schemas['OrganisationDto'];
export type OrganisationType = Organisation['type'];
export type Country = Schemas['CountryDto'];
export type PublicCohort = Schemas['PublicCohortDto'];
export type Notification = Schemas['NotificationDto'];
export type Role = Me['role'];
export type Region = Organisation['region'];
