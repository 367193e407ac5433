import type { FieldError } from '@app/platform/errors';
import { LANGUAGES, type Language } from '@app/platform/languages';

/**
 * A call's texts in the languages besides English (issue 17, item 4). English is the call's own
 * fields and is required; each other language may translate the title, the description, each
 * criterion's title and description (by code, across the stages), each question's label and
 * options (by key) and each session's title (by key, a registration call's). Readers see their language where it is written and English elsewhere, told
 * which fields fell back.
 */
export const TRANSLATION_LANGUAGES = LANGUAGES.filter((language) => language !== 'en') as Exclude<Language, 'en'>[];
export type TranslationLanguage = Exclude<Language, 'en'>;

export interface CriterionTranslation {
  title?: string;
  description?: string;
}

export interface QuestionTranslation {
  label?: string;
  /** The English options' translations, in their order. */
  options?: string[];
}

export interface SessionTranslation {
  title?: string;
}

export interface CallTranslation {
  title?: string;
  description?: string;
  criteria?: Record<string, CriterionTranslation>;
  questions?: Record<string, QuestionTranslation>;
  /** A registration call's sessions, by key. */
  sessions?: Record<string, SessionTranslation>;
}

export type CallTranslations = Partial<Record<TranslationLanguage, CallTranslation>>;

/** The same limits as the English fields. */
export const TRANSLATION_LIMITS = {
  title: 500,
  description: 20_000,
  criterionTitle: 300,
  criterionDescription: 5_000,
  questionLabel: 1_000,
  option: 300,
  sessionTitle: 500,
} as const;

/** What a call says in English, as readers see it. */
export interface CallTexts {
  title: string;
  description: string;
  /** Every criterion of every stage, in order. */
  criteria: Array<{ stage: number; code: string; title: string; description: string }>;
  questions: Array<{ key: string; label: string; options?: string[] }>;
  /** A registration call's sessions, in order (none for other calls). */
  sessions: Array<{ key: string; title: string }>;
}

export interface ResolvedCallTexts extends CallTexts {
  language: Language;
  /**
   * The fields shown in English because the language has none: `title`, `description`,
   * `criteria.<code>.title`, `criteria.<code>.description`, `questions.<key>.label`, `questions.<key>.options`,
   * `sessions.<key>.title`.
   */
  fallback: string[];
}

/** The texts of a call a definition holds: its own criteria (stage 1) and the later stages'. */
export function callTextsOf(call: {
  title: string;
  description: string;
  criteria: Array<{ code: string; title: string; description: string }>;
  stages: Array<{ criteria: Array<{ code: string; title: string; description: string }> }>;
  questions: Array<{ key: string; label: string; options?: string[] }>;
  sessions?: Array<{ key: string; title: string }>;
}): CallTexts {
  return {
    title: call.title,
    description: call.description,
    criteria: [
      ...call.criteria.map(({ code, title, description }) => ({ stage: 1, code, title, description })),
      ...call.stages
        .slice(1)
        .flatMap((stage, index) =>
          stage.criteria.map(({ code, title, description }) => ({ stage: index + 2, code, title, description })),
        ),
    ],
    questions: call.questions.map(({ key, label, options }) => ({ key, label, ...(options ? { options } : {}) })),
    sessions: (call.sessions ?? []).map(({ key, title }) => ({ key, title })),
  };
}

/**
 * The call's texts in `language`, English where that language has no text; `fallback` names every
 * field shown in English. A field with no English text (an empty description) has nothing to
 * translate and never falls back. In English the texts are the call's own, nothing fallen back.
 */
export function resolveCallTexts(
  texts: CallTexts,
  translations: CallTranslations,
  language: Language,
): ResolvedCallTexts {
  const own: CallTranslation = language === 'en' ? {} : (translations[language] ?? {});
  const fallback: string[] = [];
  const pick = (english: string, translated: string | undefined, field: string): string => {
    if (english === '' || language === 'en') return english;
    if (translated !== undefined && translated.trim() !== '') return translated;
    fallback.push(field);
    return english;
  };
  const title = pick(texts.title, own.title, 'title');
  const description = pick(texts.description, own.description, 'description');
  const criteria = texts.criteria.map((criterion) => {
    const translated = ownEntry(own.criteria, criterion.code);
    return {
      ...criterion,
      title: pick(criterion.title, translated?.title, `criteria.${criterion.code}.title`),
      description: pick(criterion.description, translated?.description, `criteria.${criterion.code}.description`),
    };
  });
  const questions = texts.questions.map((question) => {
    const translated = ownEntry(own.questions, question.key);
    const label = pick(question.label, translated?.label, `questions.${question.key}.label`);
    if (!question.options || question.options.length === 0) return { ...question, label };
    const options = translated?.options;
    const complete =
      language === 'en' ||
      (options !== undefined && options.length === question.options.length && options.every((o) => o.trim() !== ''));
    if (!complete) fallback.push(`questions.${question.key}.options`);
    return { ...question, label, options: complete && options ? options : question.options };
  });
  const sessions = texts.sessions.map((session) => ({
    ...session,
    title: pick(session.title, ownEntry(own.sessions, session.key)?.title, `sessions.${session.key}.title`),
  }));
  // A code in several stages is one field.
  return { language, title, description, criteria, questions, sessions, fallback: [...new Set(fallback)] };
}

/** Per language besides English, the fields it does not translate yet (empty when complete). */
export function missingTranslations(
  texts: CallTexts,
  translations: CallTranslations,
): Record<TranslationLanguage, string[]> {
  return Object.fromEntries(
    TRANSLATION_LANGUAGES.map((language) => [language, resolveCallTexts(texts, translations, language).fallback]),
  ) as Record<TranslationLanguage, string[]>;
}

function ownEntry<T>(entries: Record<string, T> | undefined, key: string): T | undefined {
  return entries && Object.hasOwn(entries, key) ? entries[key] : undefined;
}

/**
 * Translations of what the call does not have: a criterion code, question key or session key it does
 * not define (UNKNOWN_CRITERION, UNKNOWN_QUESTION, UNKNOWN_SESSION), options of a question without
 * any, or not one per English option (OPTIONS_MISMATCH).
 */
export function translationErrors(translations: CallTranslations, texts: CallTexts): FieldError[] {
  const codes = new Set(texts.criteria.map((c) => c.code));
  const sessionKeys = new Set(texts.sessions.map((s) => s.key));
  const questions = new Map(texts.questions.map((q) => [q.key, q]));
  return TRANSLATION_LANGUAGES.flatMap((language) => {
    const translation = translations[language];
    if (!translation) return [];
    const field = `translations.${language}`;
    const errors: FieldError[] = [];
    for (const code of Object.keys(translation.criteria ?? {})) {
      if (!codes.has(code)) {
        errors.push({
          field: `${field}.criteria.${code}`,
          message: 'no criterion has this code',
          code: 'UNKNOWN_CRITERION',
          params: { value: code },
        });
      }
    }
    for (const [key, entry] of Object.entries(translation.questions ?? {})) {
      const question = questions.get(key);
      if (!question) {
        errors.push({
          field: `${field}.questions.${key}`,
          message: 'no question has this key',
          code: 'UNKNOWN_QUESTION',
          params: { value: key },
        });
      } else if (entry.options && entry.options.length !== (question.options?.length ?? 0)) {
        errors.push({
          field: `${field}.questions.${key}.options`,
          message: `give one translation per option (${question.options?.length ?? 0})`,
          code: 'OPTIONS_MISMATCH',
        });
      }
    }
    for (const key of Object.keys(translation.sessions ?? {})) {
      if (!sessionKeys.has(key)) {
        errors.push({
          field: `${field}.sessions.${key}`,
          message: 'no session has this key',
          code: 'UNKNOWN_SESSION',
          params: { value: key },
        });
      }
    }
    return errors;
  });
}

/**
 * The translations that still apply once the call's criteria, questions or sessions changed without
 * them being sent again: those of removed codes and keys dropped, and options whose count no longer matches.
 */
export function prunedTranslations(translations: CallTranslations, texts: CallTexts): CallTranslations {
  const codes = new Set(texts.criteria.map((c) => c.code));
  const sessionKeys = new Set(texts.sessions.map((s) => s.key));
  const optionCounts = new Map(texts.questions.map((q) => [q.key, q.options?.length ?? 0]));
  const out: CallTranslations = {};
  for (const language of TRANSLATION_LANGUAGES) {
    const translation = translations[language];
    if (!translation) continue;
    const criteria = Object.entries(translation.criteria ?? {}).filter(([code]) => codes.has(code));
    const questions = Object.entries(translation.questions ?? {}).flatMap(([key, entry]) => {
      if (!optionCounts.has(key)) return [];
      const { options, ...rest } = entry;
      const kept = options && options.length === optionCounts.get(key) ? { ...rest, options } : rest;
      return Object.keys(kept).length > 0 ? [[key, kept] as const] : [];
    });
    const sessions = Object.entries(translation.sessions ?? {}).filter(([key]) => sessionKeys.has(key));
    const kept: CallTranslation = {
      ...(translation.title ? { title: translation.title } : {}),
      ...(translation.description ? { description: translation.description } : {}),
      ...(criteria.length > 0 ? { criteria: Object.fromEntries(criteria) } : {}),
      ...(questions.length > 0 ? { questions: Object.fromEntries(questions) } : {}),
      ...(sessions.length > 0 ? { sessions: Object.fromEntries(sessions) } : {}),
    };
    if (Object.keys(kept).length > 0) out[language] = kept;
  }
  return out;
}
