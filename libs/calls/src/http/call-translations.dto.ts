import { ExecutionContext, createParamDecorator } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import type { Request } from 'express';
import { LANGUAGES, type Language, isLanguage, negotiateLanguage } from '@app/platform/languages';
import { TRANSLATION_LIMITS } from '../domain/call-translations';

// The translations of a call's texts as the API takes and gives them (issue 17). The body's
// `translations` is read by the domain (readCallTranslations), which knows the codes and keys it
// may name; these classes describe it in the OpenAPI document.

interface CriterionTranslationDto {
  title?: string;
  description?: string;
}

interface QuestionTranslationDto {
  label?: string;
  /** One per English option, in their order. */
  options?: string[];
}

interface SessionTranslationDto {
  title?: string;
}

/** A call's texts in one language; a field left out or blank is shown in English. */
export class CallTranslationDto {
  @ApiPropertyOptional({ maxLength: TRANSLATION_LIMITS.title })
  title?: string;
  @ApiPropertyOptional({ maxLength: TRANSLATION_LIMITS.description })
  description?: string;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: {
        title: { type: 'string', maxLength: TRANSLATION_LIMITS.criterionTitle },
        description: { type: 'string', maxLength: TRANSLATION_LIMITS.criterionDescription },
      },
    },
    description: 'By criterion code (of any stage).',
    example: { IMPACT: { title: 'Impact', description: 'Impact attendu' } },
  })
  criteria?: Record<string, CriterionTranslationDto>;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: {
        label: { type: 'string', maxLength: TRANSLATION_LIMITS.questionLabel },
        options: { type: 'array', items: { type: 'string', maxLength: TRANSLATION_LIMITS.option }, maxItems: 100 },
      },
    },
    description: 'By question key.',
    example: { summary: { label: 'Résumé' } },
  })
  questions?: Record<string, QuestionTranslationDto>;
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: { title: { type: 'string', maxLength: TRANSLATION_LIMITS.sessionTitle } },
    },
    description: "By session key (a registration call's sessions).",
    example: { hlps_1: { title: 'Inclusion numérique' } },
  })
  sessions?: Record<string, SessionTranslationDto>;
}

/** By language besides English: ar, zh, fr, ru, es. */
export class CallTranslationsDto {
  @ApiPropertyOptional({ type: CallTranslationDto })
  ar?: CallTranslationDto;
  @ApiPropertyOptional({ type: CallTranslationDto })
  zh?: CallTranslationDto;
  @ApiPropertyOptional({ type: CallTranslationDto })
  fr?: CallTranslationDto;
  @ApiPropertyOptional({ type: CallTranslationDto })
  ru?: CallTranslationDto;
  @ApiPropertyOptional({ type: CallTranslationDto })
  es?: CallTranslationDto;
}

const missingList: ApiPropertyOptions = { type: [String], example: ['description', 'criteria.IMPACT.title'] };

/** Per language, the fields not translated yet (shown in English to its readers). */
export class MissingTranslationsDto {
  @ApiProperty(missingList)
  ar: string[];
  @ApiProperty(missingList)
  zh: string[];
  @ApiProperty(missingList)
  fr: string[];
  @ApiProperty(missingList)
  ru: string[];
  @ApiProperty(missingList)
  es: string[];
}

export class LocalizedCriterionDto {
  /** 1 for the call's own criteria, 2..n for a later stage's. */
  stage: number;
  code: string;
  title: string;
  description: string;
}

export class LocalizedQuestionDto {
  key: string;
  label: string;
  @ApiPropertyOptional({ type: [String] })
  options?: string[];
}

export class LocalizedSessionDto {
  key: string;
  title: string;
}

/** The call's texts in the reader's language, with the fields shown in English instead. */
export class LocalizedCallDto {
  @ApiProperty({ enum: LANGUAGES })
  language: Language;
  title: string;
  description: string;
  @ApiProperty({ type: [LocalizedCriterionDto] })
  criteria: LocalizedCriterionDto[];
  @ApiProperty({ type: [LocalizedQuestionDto] })
  questions: LocalizedQuestionDto[];
  /** A registration call's sessions, in order; none for other calls. */
  @ApiProperty({ type: [LocalizedSessionDto] })
  sessions: LocalizedSessionDto[];
  /**
   * The fields shown in English, the language having no text for them: `title`, `description`,
   * `criteria.<code>.title`, `criteria.<code>.description`, `questions.<key>.label`, `questions.<key>.options`,
   * `sessions.<key>.title`.
   */
  @ApiProperty({ type: [String] })
  fallback: string[];
}

/**
 * `lang` asks for the call's texts in a language (a call's `localized`, a programme's titles);
 * without it, the one Accept-Language prefers.
 */
export class CallLanguageQueryDto {
  @ApiPropertyOptional({
    enum: LANGUAGES,
    description: "The language of the call's texts in the answer; Accept-Language when absent.",
  })
  @IsOptional()
  @IsIn(LANGUAGES)
  lang?: Language;
}

/**
 * The reader's language for `localized`: an explicit `lang` query, else the Accept-Language
 * header (the web app sends its interface language, the user's), else a signed-in reader's saved
 * language (SavedLanguageInterceptor), else English.
 */
export const ReaderLanguage = createParamDecorator((_: unknown, context: ExecutionContext): Language => {
  const request = context.switchToHttp().getRequest<Request & { savedLanguage?: Language }>();
  const lang = request.query?.lang;
  if (isLanguage(lang)) return lang;
  return request.savedLanguage ?? negotiateLanguage(request.headers['accept-language']);
});
