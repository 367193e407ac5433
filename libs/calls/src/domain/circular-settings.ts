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
  'academia',
  'regulators',
  'regional-international-organizations',
  'united-nations-agencies',
] as const;
export type AddresseeCategory = (typeof ADDRESSEE_CATEGORIES)[number];

export const CIRCULAR_LANGUAGES = ['en', 'fr'] as const;
export type CircularLanguage = (typeof CIRCULAR_LANGUAGES)[number];

/** A text the circular prints in each of its languages. */
export type Localized = Record<CircularLanguage, string>;

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
}

export const CIRCULAR_LIMITS = { reference: 100, line: 300, body: 10_000, about: 20_000 } as const;

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
        placeholdersIn(settings[kind][part][language])
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

/** What a call's circulars say until the secretariat writes its own. */
export function defaultCircularSettings(call: { reference: string }): CircularSettings {
  return {
    reference: call.reference,
    place: { en: 'Geneva', fr: 'Genève' },
    addressees: [...ADDRESSEE_CATEGORIES],
    signatory: {
      name: '',
      title: {
        en: 'Director, Telecommunication Development Bureau',
        fr: 'Directeur du Bureau de développement des télécommunications',
      },
    },
    results: {
      subject: {
        en: 'Results of the call for accelerator centres: {call}',
        fr: 'Résultats de l’appel aux centres d’accélération : {call}',
      },
      body: {
        en:
          'I am pleased to inform you of the results of the call {call}. The call received {applications} applications from {countries} countries; after the evaluation described in Annex II, {selected} centres were selected. They are listed by region in Annex III.\n\n' +
          'The selected centres will start their activities in a non-exclusive collaboration with ITU through cooperation agreements. I thank all applicants for their interest.',
        fr:
          'J’ai le plaisir de vous informer des résultats de l’appel {call}. L’appel a reçu {applications} candidatures de {countries} pays ; à l’issue de l’évaluation décrite dans l’Annexe II, {selected} centres ont été sélectionnés. Ils sont énumérés par région dans l’Annexe III.\n\n' +
          'Les centres sélectionnés commenceront leurs activités dans le cadre d’une collaboration non exclusive avec l’UIT au moyen d’accords de coopération. Je remercie tous les candidats de leur intérêt.',
      },
    },
    announcement: {
      subject: {
        en: 'Call for accelerator centres: {call}',
        fr: 'Appel aux centres d’accélération : {call}',
      },
      body: {
        en: 'I am pleased to announce the call {call}, described in Annex I. Applications are submitted on the platform by {deadline}.',
        fr: 'J’ai le plaisir d’annoncer l’appel {call}, décrit dans l’Annexe I. Les candidatures sont soumises sur la plateforme au plus tard le {deadline}.',
      },
    },
    about: null,
  };
}

/** Addressees in the letters' order, each once. */
export function normalisedCircularSettings(settings: CircularSettings): CircularSettings {
  return {
    ...settings,
    reference: settings.reference.trim(),
    addressees: ADDRESSEE_CATEGORIES.filter((category) => settings.addressees.includes(category)),
  };
}
