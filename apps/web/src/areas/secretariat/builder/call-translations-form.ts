import type { Call } from '../../../api/types';
import type { CreateCallBody } from '../types';
import type { CallFormValues, CriterionRow, QuestionRow } from './call-form';
import { hasOptions } from './question-types';
import type { SessionRow } from './registration-form';

/** The languages a call's texts are translated into; English is the call's own fields. */
export const TRANSLATION_LANGUAGES = ['ar', 'zh', 'fr', 'ru', 'es'] as const;
export type TranslationLanguage = (typeof TRANSLATION_LANGUAGES)[number];

/**
 * One language's texts in the builder. Criteria, questions and sessions are keyed by their row's uid,
 * not their code or key: a code may be retyped, and may hold a dot, which a form path cannot.
 */
export interface TranslationValues {
  title: string;
  description: string;
  criteria: Record<string, { title: string; description: string }>;
  /** Options one per line, as the English field. */
  questions: Record<string, { label: string; options: string }>;
  /** A registration call's session titles. */
  sessions: Record<string, { title: string }>;
}

export type TranslationsValues = Record<TranslationLanguage, TranslationValues>;

type Body = NonNullable<CreateCallBody['translations']>;

/** Every criterion row of the form, of every stage, in order. */
export function criterionRows(values: Pick<CallFormValues, 'criteria' | 'stages'>): CriterionRow[] {
  return [
    ...values.criteria,
    ...values.stages.slice(1).flatMap((stage) => ('criteria' in stage ? stage.criteria : [])),
  ];
}

const empty = (): TranslationValues => ({ title: '', description: '', criteria: {}, questions: {}, sessions: {} });

export function emptyTranslations(): TranslationsValues {
  return Object.fromEntries(TRANSLATION_LANGUAGES.map((l) => [l, empty()])) as TranslationsValues;
}

/** The call's translations in the form's shape, matched to the form's rows by code and key. */
export function translationValues(
  translations: Call['translations'],
  rows: { criteria: CriterionRow[]; questions: QuestionRow[]; sessions: SessionRow[] },
): TranslationsValues {
  const values = emptyTranslations();
  for (const language of TRANSLATION_LANGUAGES) {
    const own = translations[language];
    if (!own) continue;
    values[language] = {
      title: own.title ?? '',
      description: own.description ?? '',
      criteria: Object.fromEntries(
        rows.criteria.flatMap((row) => {
          const t = own.criteria?.[row.code];
          return t ? [[row.uid, { title: t.title ?? '', description: t.description ?? '' }]] : [];
        }),
      ),
      questions: Object.fromEntries(
        rows.questions.flatMap((row) => {
          const t = own.questions?.[row.key];
          return t ? [[row.uid, { label: t.label ?? '', options: (t.options ?? []).join('\n') }]] : [];
        }),
      ),
      sessions: Object.fromEntries(
        rows.sessions.flatMap((row) => {
          const t = own.sessions?.[row.key];
          return t?.title ? [[row.uid, { title: t.title }]] : [];
        }),
      ),
    };
  }
  return values;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The translations as the API takes them: the current codes and keys, blank texts left out. */
export function translationsBody(values: CallFormValues): Body {
  const criteria = criterionRows(values);
  const body: Body = {};
  for (const language of TRANSLATION_LANGUAGES) {
    const own = values.translations[language];
    const criterionEntries = criteria.flatMap((row) => {
      const t = own.criteria[row.uid];
      const entry = { ...text('title', t?.title), ...text('description', t?.description) };
      return row.code.trim() && Object.keys(entry).length > 0 ? [[row.code.trim(), entry] as const] : [];
    });
    const questionEntries = values.questions.flatMap((row) => {
      const t = own.questions[row.uid];
      const options = hasOptions(row.type) ? lines(t?.options ?? '') : [];
      const entry = { ...text('label', t?.label), ...(options.length > 0 ? { options } : {}) };
      return row.key.trim() && Object.keys(entry).length > 0 ? [[row.key.trim(), entry] as const] : [];
    });
    const sessionEntries = values.sessions.flatMap((row) => {
      const entry = text('title', own.sessions[row.uid]?.title);
      return row.key.trim() && Object.keys(entry).length > 0 ? [[row.key.trim(), entry] as const] : [];
    });
    const translation = {
      ...text('title', own.title),
      ...text('description', own.description),
      ...(criterionEntries.length > 0 ? { criteria: Object.fromEntries(criterionEntries) } : {}),
      ...(questionEntries.length > 0 ? { questions: Object.fromEntries(questionEntries) } : {}),
      ...(sessionEntries.length > 0 ? { sessions: Object.fromEntries(sessionEntries) } : {}),
    };
    if (Object.keys(translation).length > 0) body[language] = translation;
  }
  return body;
}

function text<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  const trimmed = value?.trim();
  return trimmed ? ({ [key]: trimmed } as Record<K, string>) : {};
}

/** How many texts a language still lacks: those English has and it leaves blank (the API's missingTranslations). */
export function missingCount(values: CallFormValues, language: TranslationLanguage): number {
  const own = values.translations[language];
  const blank = (english: string, translated: string | undefined) => english.trim() !== '' && !translated?.trim();
  let missing = Number(blank(values.title, own.title)) + Number(blank(values.description, own.description));
  for (const row of criterionRows(values)) {
    missing += Number(blank(row.title, own.criteria[row.uid]?.title));
    missing += Number(blank(row.description, own.criteria[row.uid]?.description));
  }
  for (const row of values.questions) {
    missing += Number(blank(row.label, own.questions[row.uid]?.label));
    const english = hasOptions(row.type) ? lines(row.options) : [];
    const translated = lines(own.questions[row.uid]?.options ?? '');
    if (english.length > 0 && translated.length !== english.length) missing += 1;
  }
  for (const row of values.sessions) missing += Number(blank(row.title, own.sessions[row.uid]?.title));
  return missing;
}

/** The translations when they differ from the call's (for a PATCH of an opened call). */
export function translationsChange(values: CallFormValues, call: Call): { translations?: Body } {
  if (!call.changeable.includes('translations')) return {};
  const next = translationsBody(values);
  return canonical(next) === canonical(call.translations) ? {} : { translations: next };
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
