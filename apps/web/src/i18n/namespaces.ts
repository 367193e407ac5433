import applicant from './en/applicant.json';
import common from './en/common.json';
import evaluator from './en/evaluator.json';
import publicArea from './en/public.json';
import secretariat from './en/secretariat.json';

/**
 * One catalogue per area. English is the reference: its keys type `t()` (a missing key fails the
 * build) and every other language falls back to it. A new area: its `<language>/<area>.json`
 * files, then one import and one entry here.
 */
export const REFERENCE_CATALOGUES = { common, public: publicArea, applicant, evaluator, secretariat };

export type Namespace = keyof typeof REFERENCE_CATALOGUES;

export const NAMESPACES = Object.keys(REFERENCE_CATALOGUES) as Namespace[];
