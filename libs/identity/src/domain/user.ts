import type { Role } from '@app/platform/auth/auth.types';
import { LANGUAGES, type Language } from '@app/platform/languages';

/** The languages a user may choose: the platform's six (libs/platform/src/languages). */
export const LOCALES = LANGUAGES;
export type Locale = Language;

export interface User {
  id: string;
  email: string;
  role: Role;
  displayName: string;
  countryCode: string | null;
  affiliation: string | null;
  locale: Locale;
  organisationId: string | null;
  /** A deactivated user can no longer sign in, and its tokens stop working. */
  active: boolean;
  /** Invited and not yet accepted: inactive, without a password, until its invitation link is used. */
  invited: boolean;
  /** Access tokens issued under an older version are refused. */
  tokenVersion: number;
  /** When the user confirmed its e-mail address; null until then. */
  emailVerifiedAt: Date | null;
  createdAt: Date;
}
