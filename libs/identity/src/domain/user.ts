import type { Role } from '@app/platform/auth/auth.types';

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export interface User {
  id: string;
  email: string;
  role: Role;
  displayName: string;
  countryCode: string | null;
  affiliation: string | null;
  locale: Locale;
  organisationId: string | null;
  createdAt: Date;
}
