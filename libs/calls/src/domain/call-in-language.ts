import { LANGUAGES, type Language } from '@app/platform/languages';
import type { Call } from './call';
import { callTextsOf, resolveCallTexts } from './call-translations';

/**
 * The call with its texts in `language` (English where that language has none): for documents
 * written in one language, the annexes and circulars, which show the call's title, description and
 * criteria as a reader of that language expects them. Everything else is the call's own.
 */
export function callIn(call: Call, language: Language): Call {
  if (language === 'en') return call;
  const texts = resolveCallTexts(callTextsOf(call), call.translations, language);
  const [own, later] = [texts.criteria.filter((c) => c.stage === 1), texts.criteria.filter((c) => c.stage > 1)];
  const criterion = <T extends Call['criteria'][number]>(c: T, resolved: { title: string; description: string }) => ({
    ...c,
    title: resolved.title,
    description: resolved.description,
  });
  let next = 0;
  return {
    ...call,
    title: texts.title,
    description: texts.description,
    criteria: call.criteria.map((c, index) => criterion(c, own[index])),
    stages: call.stages.map((stage, position) =>
      position === 0
        ? { ...stage, criteria: stage.criteria.map((c, index) => criterion(c, own[index] ?? c)) }
        : { ...stage, criteria: stage.criteria.map((c) => criterion(c, later[next++])) },
    ),
    questions: call.questions.map((q, index) => {
      const { label, options } = texts.questions[index];
      return { ...q, label, ...(q.options ? { options } : {}) };
    }),
  };
}

/**
 * The call's title in each language, English where one has no translation (as `callIn` says it), for
 * messages written in each recipient's language: the e-mails and notifications that name the call.
 */
export function titlesOf(call: Pick<Call, 'title' | 'translations'>): Record<Language, string> {
  const titleIn = (language: Language): string => {
    if (language === 'en' || call.title === '') return call.title;
    const translated = call.translations?.[language]?.title;
    return translated !== undefined && translated.trim() !== '' ? translated : call.title;
  };
  return Object.fromEntries(LANGUAGES.map((language) => [language, titleIn(language)])) as Record<Language, string>;
}
