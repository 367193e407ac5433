import { LANGUAGES, type Language } from '@app/platform/languages';
import type { UnallocatedReason } from './session-allocation';

type InEveryLanguage = { en: string } & Record<Language, string>;

/** Why a reply got no session, as its submitter reads it (the notice of the confirmed allocation). */
export const UNALLOCATED_REASON_TEXTS: Record<UnallocatedReason, InEveryLanguage> = {
  SESSIONS_FULL: {
    ar: 'كانت جميع الجلسات التي طلبتموها ممتلئة عندما حان دور ردكم',
    zh: '轮到贵方答复时，贵方所申请的各场会议均已满额',
    en: 'every session you asked for was full when your reply’s turn came',
    fr: 'toutes les sessions demandées étaient complètes lorsque votre réponse a été traitée',
    ru: 'все запрошенные вами сессии были заполнены к моменту рассмотрения вашего ответа',
    es: 'todas las sesiones solicitadas estaban completas cuando se trató su respuesta',
  },
  COUNTRY_LIMIT: {
    ar: 'بلغت الجلسات التي طلبتموها والتي كانت لا تزال فيها أماكن الحد الأقصى للمتحدثين من بلدكم',
    zh: '贵方所申请的尚有空位的会议中，来自贵国的发言人已达上限',
    en: 'the sessions you asked for that still had seats already held the most speakers allowed from your country',
    fr: 'les sessions demandées qui avaient encore des places comptaient déjà le nombre maximal d’orateurs de votre pays',
    ru: 'в запрошенных вами сессиях, где ещё были места, уже было максимальное число выступающих от вашей страны',
    es: 'las sesiones solicitadas que aún tenían plazas ya contaban con el máximo de oradores de su país',
  },
  NO_PREFERENCE: {
    ar: 'لم يطلب ردكم أي جلسة',
    zh: '贵方答复未申请任何会议',
    en: 'your reply did not ask for a session',
    fr: 'votre réponse ne demandait aucune session',
    ru: 'в вашем ответе не была запрошена ни одна сессия',
    es: 'su respuesta no solicitaba ninguna sesión',
  },
  UNKNOWN_SESSION: {
    ar: 'الجلسات التي طلبها ردكم ليست في البرنامج',
    zh: '贵方答复所申请的会议不在议程之中',
    en: 'the sessions your reply asked for are not in the programme',
    fr: 'les sessions demandées dans votre réponse ne figurent pas au programme',
    ru: 'запрошенных в вашем ответе сессий нет в программе',
    es: 'las sesiones solicitadas en su respuesta no figuran en el programa',
  },
};

/** The programme's times are Geneva's, where the sessions are held (the IANA zone Geneva is in). */
export const PROGRAMME_TIME_ZONE = 'Europe/Zurich';

/** A session's start, written in each language in Geneva time (e.g. "Tuesday 7 July 2026 at 10:00"). */
export function genevaTimes(instant: Date): InEveryLanguage {
  const written = (language: Language) =>
    new Intl.DateTimeFormat(language, {
      dateStyle: 'full',
      timeStyle: 'short',
      timeZone: PROGRAMME_TIME_ZONE,
    }).format(instant);
  return Object.fromEntries(LANGUAGES.map((language) => [language, written(language)])) as InEveryLanguage;
}

/** A session of the programme as its notices list it: its title in each language, its start, its speakers. */
export interface ProgrammeSessionText {
  title: Record<Language, string>;
  startsAt: Date;
  /** "Organisation (country code)", in the allocation's order. */
  speakers: string[];
}

const NO_SPEAKER: InEveryLanguage = {
  ar: 'لا متحدثين',
  zh: '无发言人',
  en: 'no speaker',
  fr: 'aucun orateur',
  ru: 'нет выступающих',
  es: 'ningún orador',
};

/** One line of the programme: the session, its time, its speakers, punctuated as each language is. */
const PROGRAMME_LINE: Record<Language, (title: string, time: string, speakers: string) => string> = {
  ar: (title, time, speakers) => `- ${title}، ${time}: ${speakers}`,
  zh: (title, time, speakers) => `- ${title}，${time}：${speakers}`,
  en: (title, time, speakers) => `- ${title}, ${time}: ${speakers}`,
  fr: (title, time, speakers) => `- ${title}, ${time}\u00a0: ${speakers}`,
  ru: (title, time, speakers) => `- ${title}, ${time}: ${speakers}`,
  es: (title, time, speakers) => `- ${title}, ${time}: ${speakers}`,
};

/** The programme as the allocation's notices print it, one line per session, in each language. */
export function programmeTexts(sessions: readonly ProgrammeSessionText[]): InEveryLanguage {
  const written = (language: Language) => {
    const list = new Intl.ListFormat(language, { type: 'conjunction' });
    return sessions
      .map((session) =>
        PROGRAMME_LINE[language](
          session.title[language],
          genevaTimes(session.startsAt)[language],
          session.speakers.length > 0 ? list.format(session.speakers) : NO_SPEAKER[language],
        ),
      )
      .join('\n');
  };
  return Object.fromEntries(LANGUAGES.map((language) => [language, written(language)])) as InEveryLanguage;
}
