export * from './calls.module';
export * from './application/calls.service';
export * from './application/circular-settings.service';
export * from './domain/circular-settings';
export * from './domain/call';
export * from './domain/call-sessions';
export { callIn, sessionTitlesOf, titlesOf } from './domain/call-in-language';
export {
  TRANSLATION_LANGUAGES,
  callTextsOf,
  resolveCallTexts,
  type CallTranslations,
  type ResolvedCallTexts,
} from './domain/call-translations';
export * from './domain/expertise-settings';
export * from './domain/people-question';
export * from './domain/call-lifecycle';
export * from './domain/call-events';
export { WrongCallKindError, assertCallKind } from './domain/calls.errors';
export { DEFAULT_STAGE_NAME, stageAt } from './domain/review-stages';
export { SelectionConstraintsDto } from './http/call-parts.dto';
export { StageQueryDto } from './http/call.dto';
export { CallLanguageQueryDto, ReaderLanguage } from './http/call-translations.dto';
