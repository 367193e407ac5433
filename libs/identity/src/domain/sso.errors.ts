import { DomainError, declareErrors } from '@app/platform/errors';

/**
 * The codes of single sign-on. The browser leg (start, callback) sends the reader back to the
 * sign-in page with `?ssoError=<code>`, which the web app shows translated; the API calls answer
 * them as problem+json.
 */
export const SSO_ERRORS = declareErrors({
  SSO_NOT_CONFIGURED: {
    status: 404,
    title: { en: 'Single sign-on is not configured', fr: 'L’authentification unique n’est pas configurée' },
  },
  SSO_STATE_INVALID: {
    status: 400,
    title: {
      en: 'The sign-in attempt is unknown or has expired',
      fr: 'La tentative de connexion est inconnue ou a expiré',
    },
  },
  SSO_REJECTED: {
    status: 401,
    title: {
      en: 'The identity provider’s answer was refused',
      fr: 'La réponse du fournisseur d’identité a été refusée',
    },
  },
  SSO_EMAIL_MISSING: {
    status: 401,
    title: {
      en: 'The identity provider gave no e-mail address',
      fr: 'Le fournisseur d’identité n’a transmis aucune adresse électronique',
    },
  },
  SSO_EMAIL_UNVERIFIED: {
    status: 409,
    title: {
      en: 'The e-mail address is not verified by the identity provider',
      fr: 'L’adresse électronique n’est pas vérifiée par le fournisseur d’identité',
    },
  },
  SSO_ACCOUNT_DISABLED: {
    status: 403,
    title: { en: 'The account is deactivated', fr: 'Le compte est désactivé' },
  },
  SSO_UNAVAILABLE: {
    status: 503,
    title: {
      en: 'The identity provider cannot be reached',
      fr: 'Le fournisseur d’identité est injoignable',
    },
  },
  SSO_CODE_INVALID: {
    status: 401,
    title: {
      en: 'The sign-in code is unknown, expired or already used',
      fr: 'Le code de connexion est inconnu, expiré ou déjà utilisé',
    },
  },
});

export class SsoNotConfiguredError extends DomainError {
  constructor() {
    super(SSO_ERRORS.SSO_NOT_CONFIGURED, 'Single sign-on is not configured on this platform.');
  }
}

export class SsoStateInvalidError extends DomainError {
  constructor() {
    super(
      SSO_ERRORS.SSO_STATE_INVALID,
      'The sign-in attempt is unknown, expired, already used or from another browser.',
    );
  }
}

export class SsoRejectedError extends DomainError {
  constructor(reason: string) {
    super(SSO_ERRORS.SSO_REJECTED, `The identity provider's answer was refused: ${reason}`);
  }
}

export class SsoEmailMissingError extends DomainError {
  constructor(claim: string) {
    super(SSO_ERRORS.SSO_EMAIL_MISSING, `The identity provider gave no e-mail address in the claim ${claim}.`);
  }
}

export class SsoEmailUnverifiedError extends DomainError {
  constructor() {
    super(
      SSO_ERRORS.SSO_EMAIL_UNVERIFIED,
      'An account has this e-mail address, but the identity provider does not vouch for it: sign in with the password.',
    );
  }
}

export class SsoAccountDisabledError extends DomainError {
  constructor() {
    super(SSO_ERRORS.SSO_ACCOUNT_DISABLED, 'The account is deactivated.');
  }
}

export class SsoUnavailableError extends DomainError {
  constructor() {
    super(SSO_ERRORS.SSO_UNAVAILABLE, 'The identity provider cannot be reached; try again shortly.');
  }
}

export class SsoCodeInvalidError extends DomainError {
  constructor() {
    super(SSO_ERRORS.SSO_CODE_INVALID, 'The sign-in code is unknown, expired or already used; sign in again.');
  }
}

/** The code of a refusal of single sign-on, or null for any other error. */
export function ssoErrorCode(error: unknown): string | null {
  if (!(error instanceof DomainError)) return null;
  const code = String(error.code);
  return code in SSO_ERRORS ? code : null;
}
