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
    sessions: call.sessions.map((session, index) => ({ ...session, title: texts.sessions[index].title })),
  };
}

/**
 * The call's title in each language, English where one has no translation (as `callIn` says it), for
 * messages written in each recipient's language: the e-mails and notifications that name the call.
 */
export function titlesOf(call: Pick<Call, 'title' | 'translations'>): Record<Language, string> {
  return inEachLanguage(call.title, (language) => call.translations?.[language]?.title);
}

/**
 * Each session's title in each language, by session key, English where one has no translation (as
 * `callIn` says it): for the messages that name a session in each recipient's language.
 */
export function sessionTitlesOf(call: Pick<Call, 'sessions' | 'translations'>): Map<string, Record<Language, string>> {
  return new Map(
    call.sessions.map((session) => {
      const own = (language: Exclude<Language, 'en'>) => {
        const sessions = call.translations?.[language]?.sessions;
        return sessions && Object.hasOwn(sessions, session.key) ? sessions[session.key].title : undefined;
      };
      return [session.key, inEachLanguage(session.title, own)];
    }),
  );
}

function inEachLanguage(
  english: string,
  translated: (language: Exclude<Language, 'en'>) => string | undefined,
): Record<Language, string> {
  const textIn = (language: Language): string => {
    if (language === 'en' || english === '') return english;
    const text = translated(language);
    return text !== undefined && text.trim() !== '' ? text : english;
  };
  return Object.fromEntries(LANGUAGES.map((language) => [language, textIn(language)])) as Record<Language, string>;
}
