import { ErrorCode, declarationOf, declareErrors } from './error-declarations';

/**
 * The platform's own codes (API.md "Status codes"): those of the HTTP edge, of authentication and of
 * the errors every context shares. Each context declares its own next to its error classes.
 */
export const PLATFORM_ERRORS = declareErrors({
  VALIDATION_FAILED: { status: 400, title: { en: 'The request is invalid', fr: 'La requête est invalide' } },
  BAD_REQUEST: { status: 400, title: { en: 'Bad request', fr: 'Requête incorrecte' } },
  UNAUTHENTICATED: { status: 401, title: { en: 'Authentication required', fr: 'Authentification requise' } },
  // A personal API token that is unknown, expired or revoked, or whose owner may no longer use it.
  INVALID_API_TOKEN: { status: 401, title: { en: 'Invalid API token', fr: 'Jeton d’API non valide' } },
  FORBIDDEN: { status: 403, title: { en: 'Not allowed', fr: 'Action non autorisée' } },
  INSUFFICIENT_SCOPE: {
    status: 403,
    title: { en: 'Outside the API token’s scopes', fr: 'Hors de la portée du jeton d’API' },
  },
  NOT_FOUND: { status: 404, title: { en: 'Not found', fr: 'Introuvable' } },
  METHOD_NOT_ALLOWED: { status: 405, title: { en: 'Method not allowed', fr: 'Méthode non autorisée' } },
  REQUEST_TIMEOUT: {
    status: 408,
    title: { en: 'The request took too long', fr: 'La requête a pris trop de temps' },
  },
  CONFLICT: { status: 409, title: { en: 'Conflict', fr: 'Conflit' } },
  INVALID_TRANSITION: {
    status: 409,
    title: { en: 'Not possible in the current state', fr: 'Impossible dans l’état actuel' },
  },
  // Raised by the database too, on any write to a published call (isPublishedCallWrite).
  COHORT_PUBLISHED: { status: 409, title: { en: 'The cohort is published', fr: 'La cohorte est publiée' } },
  VERSION_CONFLICT: {
    status: 412,
    title: { en: 'Changed by someone else', fr: 'Modifié entre-temps par quelqu’un d’autre' },
  },
  PAYLOAD_TOO_LARGE: { status: 413, title: { en: 'Too large', fr: 'Trop volumineux' } },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: { en: 'Unsupported file type', fr: 'Type de fichier non accepté' } },
  UNPROCESSABLE: { status: 422, title: { en: 'Unprocessable request', fr: 'Requête impossible à traiter' } },
  PRECONDITION_REQUIRED: { status: 428, title: { en: 'Version required', fr: 'Version requise' } },
  RATE_LIMITED: { status: 429, title: { en: 'Too many requests', fr: 'Trop de requêtes' } },
  HEADERS_TOO_LARGE: {
    status: 431,
    title: { en: 'Request headers too large', fr: 'En-têtes de requête trop volumineux' },
  },
  INTERNAL_ERROR: { status: 500, title: { en: 'Internal error', fr: 'Erreur interne' } },
  SERVICE_UNAVAILABLE: { status: 503, title: { en: 'Service unavailable', fr: 'Service indisponible' } },
});

/** An undeclared code is a bug, answered as one (a logged 500), never guessed as a refusal. */
export function statusForCode(code: string): number {
  return declarationOf(code)?.status ?? 500;
}

export type Locale = 'en' | 'fr';

/** The short, localised title of a problem document; details stay in the message of each error. */
export function problemTitle(code: string, locale: Locale): string {
  return declarationOf(code)?.title[locale] ?? code.replace(/_/g, ' ').toLowerCase();
}

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  400: PLATFORM_ERRORS.VALIDATION_FAILED,
  401: PLATFORM_ERRORS.UNAUTHENTICATED,
  403: PLATFORM_ERRORS.FORBIDDEN,
  404: PLATFORM_ERRORS.NOT_FOUND,
  405: PLATFORM_ERRORS.METHOD_NOT_ALLOWED,
  408: PLATFORM_ERRORS.REQUEST_TIMEOUT,
  409: PLATFORM_ERRORS.CONFLICT,
  412: PLATFORM_ERRORS.VERSION_CONFLICT,
  413: PLATFORM_ERRORS.PAYLOAD_TOO_LARGE,
  415: PLATFORM_ERRORS.UNSUPPORTED_MEDIA_TYPE,
  422: PLATFORM_ERRORS.UNPROCESSABLE,
  428: PLATFORM_ERRORS.PRECONDITION_REQUIRED,
  429: PLATFORM_ERRORS.RATE_LIMITED,
  431: PLATFORM_ERRORS.HEADERS_TOO_LARGE,
  503: PLATFORM_ERRORS.SERVICE_UNAVAILABLE,
};

/** For errors raised by the framework itself (body parser, router, throttler), which carry only a status. */
export function codeForStatus(status: number): ErrorCode {
  return CODE_BY_STATUS[status] ?? (status >= 500 ? PLATFORM_ERRORS.INTERNAL_ERROR : PLATFORM_ERRORS.BAD_REQUEST);
}
