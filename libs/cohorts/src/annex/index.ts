/** The annex renderer; libs/cohorts/src/index.ts re-exports this for the public cohort endpoints. */
export { renderAnnexPdf } from './annex-pdf';
export { ANNEX_LOCALES, isAnnexLocale } from './annex-i18n';
export type { AnnexLocale } from './annex-i18n';
export { ANNEX_REGIONS } from './annex.types';
export type { AnnexContent, AnnexCriterion, AnnexMember, AnnexRegion } from './annex.types';
