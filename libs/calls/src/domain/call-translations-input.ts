import type { FieldError } from '@app/platform/errors';
import {
  type CallTranslation,
  type CallTranslations,
  type CriterionTranslation,
  type QuestionTranslation,
  type SessionTranslation,
  TRANSLATION_LANGUAGES,
  TRANSLATION_LIMITS,
  type TranslationLanguage,
} from './call-translations';

// A request body's `translations`, read into the domain's form with an error per field it refuses;
// checking them against the call's codes and keys is call-translations.ts's (translationErrors).

type Reading = { translations: CallTranslations; errors: FieldError[] };

/**
 * Reads the `translations` of a request body: an object keyed by language, each with the texts of a
 * CallTranslation. Texts are trimmed and blank ones dropped (a blank field is an untranslated one); anything
 * else is refused with its path: UNKNOWN_LANGUAGE (English included: it is the call's own fields),
 * NOT_AN_OBJECT, NOT_A_STRING, TOO_LONG, UNKNOWN_FIELD.
 */
export function readCallTranslations(input: unknown): Reading {
  const errors: FieldError[] = [];
  const translations: CallTranslations = {};
  if (!isRecord(input)) {
    return { translations, errors: [notAnObject('translations')] };
  }
  for (const [language, value] of Object.entries(input)) {
    const field = `translations.${language}`;
    if (!(TRANSLATION_LANGUAGES as string[]).includes(language)) {
      errors.push({
        field,
        message:
          language === 'en'
            ? "English is the call's own fields, not a translation"
            : `translations are in ${TRANSLATION_LANGUAGES.join(', ')}`,
        code: 'UNKNOWN_LANGUAGE',
        params: { language },
      });
      continue;
    }
    const read = readTranslation(value, field, errors);
    // A language with nothing written is no translation.
    if (read && Object.keys(read).length > 0) translations[language as TranslationLanguage] = read;
  }
  return { translations, errors };
}

function readTranslation(value: unknown, field: string, errors: FieldError[]): CallTranslation | null {
  if (!isRecord(value)) {
    errors.push(notAnObject(field));
    return null;
  }
  const out: CallTranslation = {};
  for (const [key, part] of Object.entries(value)) {
    if (key === 'title') setText(out, 'title', part, `${field}.title`, TRANSLATION_LIMITS.title, errors);
    else if (key === 'description')
      setText(out, 'description', part, `${field}.description`, TRANSLATION_LIMITS.description, errors);
    else if (key === 'criteria') out.criteria = readEntries(part, `${field}.criteria`, errors, readCriterion);
    else if (key === 'questions') out.questions = readEntries(part, `${field}.questions`, errors, readQuestion);
    else if (key === 'sessions') out.sessions = readEntries(part, `${field}.sessions`, errors, readSession);
    else errors.push(unknownField(`${field}.${key}`));
  }
  if (out.criteria && Object.keys(out.criteria).length === 0) delete out.criteria;
  if (out.questions && Object.keys(out.questions).length === 0) delete out.questions;
  if (out.sessions && Object.keys(out.sessions).length === 0) delete out.sessions;
  return out;
}

function readEntries<T extends object>(
  value: unknown,
  field: string,
  errors: FieldError[],
  read: (entry: Record<string, unknown>, field: string, errors: FieldError[]) => T,
): Record<string, T> {
  if (!isRecord(value)) {
    errors.push(notAnObject(field));
    return {};
  }
  // Built with fromEntries: a key such as "__proto__" stays a key, never a prototype.
  const out: Array<[string, T]> = [];
  for (const [key, entry] of Object.entries(value)) {
    if (!isRecord(entry)) {
      errors.push(notAnObject(`${field}.${key}`));
      continue;
    }
    const parsed = read(entry, `${field}.${key}`, errors);
    if (Object.keys(parsed).length > 0) out.push([key, parsed]);
  }
  return Object.fromEntries(out);
}

/** Reads an entry made of texts only, each within its limit; any other property is refused. */
function textsReader<T extends object>(limits: { [K in keyof T & string]: number }) {
  return (entry: Record<string, unknown>, field: string, errors: FieldError[]): T => {
    const out = {} as T;
    for (const [key, value] of Object.entries(entry)) {
      if (Object.hasOwn(limits, key)) {
        const text = key as keyof T & string;
        setText(out, text, value, `${field}.${key}`, limits[text], errors);
      } else errors.push(unknownField(`${field}.${key}`));
    }
    return out;
  };
}

const readCriterion = textsReader<CriterionTranslation>({
  title: TRANSLATION_LIMITS.criterionTitle,
  description: TRANSLATION_LIMITS.criterionDescription,
});

const readSession = textsReader<SessionTranslation>({ title: TRANSLATION_LIMITS.sessionTitle });

function readQuestion(entry: Record<string, unknown>, field: string, errors: FieldError[]): QuestionTranslation {
  const out: QuestionTranslation = {};
  for (const [key, value] of Object.entries(entry)) {
    if (key === 'label') setText(out, 'label', value, `${field}.label`, TRANSLATION_LIMITS.questionLabel, errors);
    else if (key === 'options') {
      if (!Array.isArray(value) || value.length > 100) {
        errors.push({ field: `${field}.options`, message: 'options must be a list of texts', code: 'NOT_A_LIST' });
        continue;
      }
      const options: string[] = [];
      value.forEach((option: unknown, index) => {
        const text = readText(option, `${field}.options.${index}`, TRANSLATION_LIMITS.option, errors);
        options.push(text ?? '');
      });
      if (options.some((o) => o !== '')) out.options = options;
    } else errors.push(unknownField(`${field}.${key}`));
  }
  return out;
}

function setText<T extends object>(
  out: T,
  key: keyof T & string,
  value: unknown,
  field: string,
  maxLength: number,
  errors: FieldError[],
): void {
  const text = readText(value, field, maxLength, errors);
  if (text) Object.assign(out, { [key]: text });
}

function readText(value: unknown, field: string, maxLength: number, errors: FieldError[]): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') {
    errors.push({ field, message: `${field} must be a text`, code: 'NOT_A_STRING' });
    return null;
  }
  if (value.length > maxLength) {
    errors.push({
      field,
      message: `${field} must be at most ${maxLength} characters`,
      code: 'TOO_LONG',
      params: { maxLength },
    });
    return null;
  }
  return value.trim();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function notAnObject(field: string): FieldError {
  return { field, message: `${field} must be an object`, code: 'NOT_AN_OBJECT' };
}

function unknownField(field: string): FieldError {
  return { field, message: `property ${field.split('.').pop()} should not exist`, code: 'UNKNOWN_FIELD' };
}
