import type account from './en/account.json';
import type applicant from './en/applicant.json';
import type clarifications from './en/clarifications.json';
import type common from './en/common.json';
import type discussion from './en/discussion.json';
import type evaluator from './en/evaluator.json';
import type moderation from './en/moderation.json';
import type publicArea from './en/public.json';
import type secretariat from './en/secretariat.json';

/**
 * One catalogue per area. English is the reference: its keys type `t()` (a missing key fails the
 * build), and a test holds every other language to the same keys. The imports are of types only:
 * each catalogue is a chunk of its own, fetched in the reader's language when first needed. A new
 * area: its `<language>/<area>.json` files, then one import and one entry here.
 */
export interface ReferenceCatalogues {
  common: typeof common;
  public: typeof publicArea;
  /** Signing in, passwords, invitations, the inbox and API tokens: pages a visitor of the public ones seldom opens. */
  account: typeof account;
  applicant: typeof applicant;
  evaluator: typeof evaluator;
  secretariat: typeof secretariat;
  /** The discussion of an application, on the evaluator's and the secretariat's pages. */
  discussion: typeof discussion;
  /** Moderation of flagged applications, on the secretariat's pages. */
  moderation: typeof moderation;
  /** Questions to the applicant about a submitted application, on the pages of the application in each area. */
  clarifications: typeof clarifications;
}

export type Namespace = keyof ReferenceCatalogues;
