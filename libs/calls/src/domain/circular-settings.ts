import type { MembershipCategory } from '@app/identity';
import { LANGUAGES, type Language } from '@app/platform/languages';
import type { CallKind, EligibilityRules } from './call';
import { UnknownPlaceholderError } from './calls.errors';

/**
 * What the secretariat writes for a call's circulars (issue 15): the results circular that announces
 * the cohort, and the announcement of the call before it opens. Both are letters of the BDT; the
 * platform fills the figures into the bodies and renders them (libs/cohorts/src/circular).
 */

/** Whom a BDT circular is addressed to, in the order the letters list them. */
export const ADDRESSEE_CATEGORIES = [
  'member-state-administrations',
  'sector-members',
  'associates',
  'academia',
  'regulators',
  'regional-international-organizations',
  'united-nations-agencies',
  'others',
] as const;
export type AddresseeCategory = (typeof ADDRESSEE_CATEGORIES)[number];

/** Whom a call's circulars go to when its eligibility names no membership category: as they always have. */
export const DEFAULT_ADDRESSEES: readonly AddresseeCategory[] = [
  'member-state-administrations',
  'sector-members',
  'academia',
  'regulators',
  'regional-international-organizations',
  'united-nations-agencies',
];

/** The letter's addressee line for each membership category a call is addressed to. */
export const ADDRESSEE_OF_MEMBERSHIP: Readonly<Record<MembershipCategory, AddresseeCategory>> = {
  member_state_administration: 'member-state-administrations',
  sector_member: 'sector-members',
  associate: 'associates',
  academia: 'academia',
  regulator: 'regulators',
  regional_international_organisation: 'regional-international-organizations',
  un_agency: 'united-nations-agencies',
  other: 'others',
};

/** The addressees of a call addressed to `categories`, in the letters' order; the defaults when it names none. */
export function addresseesOf(categories: readonly MembershipCategory[] | undefined): AddresseeCategory[] {
  const named = new Set((categories ?? []).map((category) => ADDRESSEE_OF_MEMBERSHIP[category]));
  const addressees = ADDRESSEE_CATEGORIES.filter((category) => named.has(category));
  return addressees.length > 0 ? addressees : [...DEFAULT_ADDRESSEES];
}

/** The circulars go out in the platform's six languages. */
export const CIRCULAR_LANGUAGES = LANGUAGES;
export type CircularLanguage = Language;

/**
 * A text the circular prints in each of its languages: English and French always (as since the
 * first circulars), the other four when the secretariat writes them; the defaults have all six.
 */
export type Localized = Readonly<Record<'en' | 'fr', string>> & Partial<Readonly<Record<Language, string>>>;

/** A text in `language`, or in English where the secretariat has not written that language. */
export function localizedIn(text: Localized, language: Language): string {
  return text[language] ?? text.en;
}

export type CircularKind = 'results' | 'announcement';

/** The figures each kind of letter fills in, as {name} in its subject and body. */
export const CIRCULAR_PLACEHOLDERS: Record<CircularKind, readonly string[]> = {
  results: ['call', 'applications', 'countries', 'selected'],
  announcement: ['call', 'deadline'],
};

export interface CircularLetter {
  subject: Localized;
  /** Paragraphs separated by a blank line. */
  body: Localized;
}

/** Whom addressees write to with their questions, as the announcement prints it. */
export interface CircularContact {
  name: string;
  email: string;
  phone?: string;
}

export interface CircularSettings {
  /** The letter's reference, e.g. BDT/DIR/DM/013. */
  reference: string;
  place: Localized;
  addressees: AddresseeCategory[];
  signatory: { name: string; title: Localized };
  results: CircularLetter;
  announcement: CircularLetter;
  /** Annex I, about the programme; null: the call's description. */
  about: Localized | null;
  /** Printed on the announcement; null: no contact line. */
  contact: CircularContact | null;
}

export const CIRCULAR_LIMITS = {
  reference: 100,
  line: 300,
  body: 10_000,
  about: 20_000,
  email: 254,
  phone: 50,
} as const;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The names a text puts in braces, in order of appearance, each once. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

/** Refuses a subject or body that names a figure its letter does not have, listing every one. */
export function assertKnownPlaceholders(settings: Pick<CircularSettings, CircularKind>): void {
  const problems = (['results', 'announcement'] as const).flatMap((kind) => {
    const allowed = CIRCULAR_PLACEHOLDERS[kind];
    return (['subject', 'body'] as const).flatMap((part) =>
      CIRCULAR_LANGUAGES.flatMap((language) =>
        placeholdersIn(settings[kind][part][language] ?? '')
          .filter((name) => !allowed.includes(name))
          .map((placeholder) => ({ field: `${kind}.${part}.${language}`, placeholder, allowed })),
      ),
    );
  });
  if (problems.length > 0) throw new UnknownPlaceholderError(problems);
}

/** Replaces each {name} by its value; the names were checked when the text was saved. */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

/** What of a call its default circulars depend on; a call of no kind is a selection call. */
export interface CircularDefaultsOf {
  reference: string;
  kind?: CallKind;
  eligibility?: Pick<EligibilityRules, 'addresseeCategories'> | null;
}

/**
 * What a call's circulars say until the secretariat writes its own: addressed to the categories the
 * call names; a registration call's announcement invites a reply rather than applications.
 */
export function defaultCircularSettings(call: CircularDefaultsOf): CircularSettings {
  return {
    reference: call.reference,
    place: { ar: 'جنيف', zh: '日内瓦', en: 'Geneva', fr: 'Genève', ru: 'Женева', es: 'Ginebra' },
    addressees: addresseesOf(call.eligibility?.addresseeCategories),
    signatory: {
      name: '',
      title: {
        ar: 'مدير مكتب تنمية الاتصالات',
        zh: '电信发展局主任',
        en: 'Director, Telecommunication Development Bureau',
        fr: 'Directeur du Bureau de développement des télécommunications',
        ru: 'Директор Бюро развития электросвязи',
        es: 'Director de la Oficina de Desarrollo de las Telecomunicaciones',
      },
    },
    results: {
      subject: {
        ar: 'نتائج الدعوة الموجهة إلى مراكز التسريع: {call}',
        zh: '加速中心征集结果：{call}',
        en: 'Results of the call for accelerator centres: {call}',
        fr: 'Résultats de l’appel aux centres d’accélération : {call}',
        ru: 'Результаты конкурса для центров акселерации: {call}',
        es: 'Resultados de la convocatoria de centros de aceleración: {call}',
      },
      body: {
        ar:
          'يسرني أن أحيطكم علماً بنتائج الدعوة {call}. فقد تلقت الدعوة {applications} طلباً من {countries} بلداً؛ وبعد التقييم المبيّن في الملحق الثاني، اختير {selected} مركزاً، ترد أسماؤها حسب المنطقة في الملحق الثالث.\n\n' +
          'وستبدأ المراكز المختارة أنشطتها في إطار تعاون غير حصري مع الاتحاد الدولي للاتصالات بموجب اتفاقات تعاون. وأشكر جميع مقدمي الطلبات على اهتمامهم.',
        zh:
          '谨通知{call}征集的结果。本次征集共收到来自{countries}个国家的{applications}份申请；经附件二所述的评审，共有{selected}个中心入选，按区域列于附件三。\n\n' +
          '入选中心将通过合作协议，在与国际电信联盟的非排他性合作框架内开展活动。谨感谢所有申请方的关注。',
        en:
          'I am pleased to inform you of the results of the call {call}. The call received {applications} applications from {countries} countries; after the evaluation described in Annex II, {selected} centres were selected. They are listed by region in Annex III.\n\n' +
          'The selected centres will start their activities in a non-exclusive collaboration with ITU through cooperation agreements. I thank all applicants for their interest.',
        fr:
          'J’ai le plaisir de vous informer des résultats de l’appel {call}. L’appel a reçu {applications} candidatures de {countries} pays ; à l’issue de l’évaluation décrite dans l’Annexe II, {selected} centres ont été sélectionnés. Ils sont énumérés par région dans l’Annexe III.\n\n' +
          'Les centres sélectionnés commenceront leurs activités dans le cadre d’une collaboration non exclusive avec l’UIT au moyen d’accords de coopération. Je remercie tous les candidats de leur intérêt.',
        ru:
          'Имею честь сообщить вам о результатах конкурса {call}. Число поступивших на конкурс заявок составило {applications}, число стран — {countries}; по итогам оценки, описанной в Приложении II, число отобранных центров составило {selected}. Их перечень по регионам приводится в Приложении III.\n\n' +
          'Отобранные центры начнут свою деятельность в рамках неисключительного сотрудничества с МСЭ на основе соглашений о сотрудничестве. Благодарю всех заявителей за проявленный интерес.',
        es:
          'Tengo el agrado de informarle de los resultados de la convocatoria {call}. La convocatoria recibió {applications} solicitudes de {countries} países; tras la evaluación descrita en el Anexo II, se seleccionaron {selected} centros, que se enumeran por región en el Anexo III.\n\n' +
          'Los centros seleccionados iniciarán sus actividades en el marco de una colaboración no exclusiva con la UIT mediante acuerdos de cooperación. Agradezco a todos los solicitantes su interés.',
      },
    },
    announcement: copyOf(call.kind === 'registration' ? REGISTRATION_ANNOUNCEMENT : SELECTION_ANNOUNCEMENT),
    about: null,
    contact: null,
  };
}

const SELECTION_ANNOUNCEMENT: CircularLetter = {
  subject: {
    ar: 'دعوة موجهة إلى مراكز التسريع: {call}',
    zh: '加速中心征集：{call}',
    en: 'Call for accelerator centres: {call}',
    fr: 'Appel aux centres d’accélération : {call}',
    ru: 'Конкурс для центров акселерации: {call}',
    es: 'Convocatoria de centros de aceleración: {call}',
  },
  body: {
    ar: 'يسرني أن أعلن عن الدعوة {call}، المبيّنة في الملحق الأول. وتُقدَّم الطلبات عبر المنصة في موعد أقصاه {deadline}.',
    zh: '谨宣布附件一所述的{call}征集。申请须不晚于{deadline}通过平台提交。',
    en: 'I am pleased to announce the call {call}, described in Annex I. Applications are submitted on the platform by {deadline}.',
    fr: 'J’ai le plaisir d’annoncer l’appel {call}, décrit dans l’Annexe I. Les candidatures sont soumises sur la plateforme au plus tard le {deadline}.',
    ru: 'Имею честь объявить о конкурсе {call}, описание которого приводится в Приложении I. Заявки подаются через платформу не позднее {deadline}.',
    es: 'Tengo el agrado de anunciar la convocatoria {call}, descrita en el Anexo I. Las solicitudes se presentan en la plataforma a más tardar el {deadline}.',
  },
};

/** A registration call (declarations of interest, delegations, speaking time) asks for replies, not applications. */
const REGISTRATION_ANNOUNCEMENT: CircularLetter = {
  subject: {
    ar: 'دعوة: {call}',
    zh: '邀请：{call}',
    en: 'Invitation: {call}',
    fr: 'Invitation : {call}',
    ru: 'Приглашение: {call}',
    es: 'Invitación: {call}',
  },
  body: {
    ar: 'يشرفني أن أدعوكم إلى {call}، على النحو المبيّن في الملحق الأول. ويُرجى الرد عبر المنصة في موعد أقصاه {deadline}.',
    zh: '谨就附件一所述的{call}向贵方发出邀请。请不晚于{deadline}通过平台答复。',
    en: 'I have the honour to invite you to {call}, described in Annex I. Please reply on the platform by {deadline}.',
    fr: 'J’ai l’honneur de vous inviter à {call}, dont la description figure dans l’Annexe I. Je vous prie de bien vouloir répondre sur la plateforme au plus tard le {deadline}.',
    ru: 'Имею честь направить вам приглашение: {call} (описание приводится в Приложении I). Просьба представить ответ через платформу не позднее {deadline}.',
    es: 'Tengo el honor de invitarle a {call}, cuya descripción figura en el Anexo I. Le ruego que responda en la plataforma a más tardar el {deadline}.',
  },
};

/** Each call's defaults are its own: changing one leaves the next call's as written here. */
function copyOf(letter: CircularLetter): CircularLetter {
  return { subject: { ...letter.subject }, body: { ...letter.body } };
}

/** Addressees in the letters' order, each once; the contact trimmed, an empty phone dropped. */
export function normalisedCircularSettings(settings: CircularSettings): CircularSettings {
  return {
    ...settings,
    reference: settings.reference.trim(),
    addressees: ADDRESSEE_CATEGORIES.filter((category) => settings.addressees.includes(category)),
    contact: normalisedContact(settings.contact ?? null),
  };
}

function normalisedContact(contact: CircularContact | null): CircularContact | null {
  if (!contact) return null;
  const phone = contact.phone?.trim();
  return { name: contact.name.trim(), email: contact.email.trim(), ...(phone ? { phone } : {}) };
}

/** Settings as stored: those written before the contact existed have none. */
export function circularSettingsAsStored(stored: CircularSettings): CircularSettings {
  return { ...stored, contact: stored.contact ?? null };
}
