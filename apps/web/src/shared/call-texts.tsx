import { Badge } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Call } from '../api/types';

/**
 * A call's texts as its readers see them: the API's `localized`, in the language the client asked
 * for (its interface language), English where the secretariat has not translated a text, which
 * `localized.fallback` names. A choice question's options stay the English ones, which answers
 * hold: `optionLabel` gives what the reader reads for each.
 */
export function inReaderLanguage(call: Call): Call {
  const { localized } = call;
  const criterion = <T extends { code: string; title: string; description: string }>(stage: number, c: T): T => {
    const own = localized.criteria.find((l) => l.stage === stage && l.code === c.code);
    return own ? { ...c, title: own.title, description: own.description } : c;
  };
  return {
    ...call,
    title: localized.title,
    description: localized.description,
    criteria: call.criteria.map((c) => criterion(1, c)),
    stages: call.stages.map((stage) =>
      stage.position === 1 || !stage.criteria
        ? stage
        : { ...stage, criteria: stage.criteria.map((c) => criterion(stage.position, c)) },
    ),
    questions: call.questions.map((q) => ({
      ...q,
      label: localized.questions.find((l) => l.key === q.key)?.label ?? q.label,
    })),
    sessions: call.sessions.map((s) => ({
      ...s,
      title: localized.sessions.find((l) => l.key === s.key)?.title ?? s.title,
    })),
  };
}

/** What the reader reads for one of a choice question's options: its translation, by position. */
export function optionLabel(call: Call, key: string, option: string): string {
  const english = call.questions.find((q) => q.key === key)?.options ?? [];
  const translated = call.localized.questions.find((q) => q.key === key)?.options ?? [];
  return translated[english.indexOf(option)] ?? option;
}

/** What says which texts fell back to English: a call, or any reading with the same `localized` language and list. */
type Localized = { localized: Pick<Call['localized'], 'language' | 'fallback'> };

/**
 * Whether a field of the call (`title`, `criteria.<code>.title`, `questions.<key>.label`,
 * `sessions.<key>.title`…) is shown in English for want of a translation.
 */
export function inEnglish(call: Localized, field: string): boolean {
  return call.localized.language !== 'en' && call.localized.fallback.includes(field);
}

/** The small mark beside a text shown in English, saying so in the reader's language. */
export function EnglishMark({ call, field }: { call: Localized; field: string }) {
  const { t } = useTranslation('common');
  if (!inEnglish(call, field)) return null;
  return (
    <Badge component="span" size="xs" variant="outline" color="gray.8" ms={6} title={t('callTexts.notTranslated')}>
      {t('callTexts.inEnglish')}
    </Badge>
  );
}

/** A text of the call, marked `lang="en"` with the English mark when it fell back. */
export function CallText({ call, field, children }: { call: Localized; field: string; children: ReactNode }) {
  return (
    <>
      <span lang={inEnglish(call, field) ? 'en' : undefined}>{children}</span>
      <EnglishMark call={call} field={field} />
    </>
  );
}
