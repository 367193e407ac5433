/** Short, localised titles of the problem documents; details stay in the message of each error. */
const TITLES: Record<string, { en: string; fr: string }> = {
  VALIDATION_FAILED: { en: 'The request is invalid', fr: 'La requête est invalide' },
  UNAUTHENTICATED: { en: 'Authentication required', fr: 'Authentification requise' },
  INVALID_CREDENTIALS: { en: 'Wrong e-mail or password', fr: 'Adresse électronique ou mot de passe incorrect' },
  INVALID_REFRESH_TOKEN: { en: 'The session has expired', fr: 'La session a expiré' },
  FORBIDDEN: { en: 'Not allowed', fr: 'Action non autorisée' },
  NOT_FOUND: { en: 'Not found', fr: 'Introuvable' },
  METHOD_NOT_ALLOWED: { en: 'Method not allowed', fr: 'Méthode non autorisée' },
  VERSION_CONFLICT: { en: 'Changed by someone else', fr: 'Modifié entre-temps par quelqu’un d’autre' },
  PRECONDITION_REQUIRED: { en: 'Version required', fr: 'Version requise' },
  PAYLOAD_TOO_LARGE: { en: 'Too large', fr: 'Trop volumineux' },
  QUOTA_EXCEEDED: { en: 'Quota exceeded', fr: 'Quota dépassé' },
  HEADERS_TOO_LARGE: { en: 'Request headers too large', fr: 'En-têtes de requête trop volumineux' },
  REQUEST_TIMEOUT: { en: 'The request took too long', fr: 'La requête a pris trop de temps' },
  UNSUPPORTED_MEDIA_TYPE: { en: 'Unsupported file type', fr: 'Type de fichier non accepté' },
  INCOMPLETE_APPLICATION: { en: 'The application is incomplete', fr: 'La candidature est incomplète' },
  INCOMPLETE_EVALUATION: { en: 'The evaluation is incomplete', fr: 'L’évaluation est incomplète' },
  DEADLINE_PASSED: { en: 'The deadline has passed', fr: 'La date limite est dépassée' },
  CALL_NOT_OPEN: { en: 'The call is not open', fr: 'L’appel n’est pas ouvert' },
  INVALID_TRANSITION: { en: 'Not possible in the current state', fr: 'Impossible dans l’état actuel' },
  DUPLICATE_APPLICATION: { en: 'Already applied to this call', fr: 'Candidature déjà déposée pour cet appel' },
  COHORT_PUBLISHED: { en: 'The cohort is published', fr: 'La cohorte est publiée' },
  SCORING_IN_PROGRESS: { en: 'Scoring is in progress', fr: 'Notation en cours' },
  INVALID_OVERRIDE: { en: 'The changes cannot be applied', fr: 'Les modifications ne peuvent pas être appliquées' },
  COHORT_OUTDATED: { en: 'The proposal is outdated', fr: 'La proposition n’est plus à jour' },
  EMAIL_TAKEN: { en: 'E-mail already registered', fr: 'Adresse électronique déjà enregistrée' },
  REFERENCE_TAKEN: { en: 'Reference already used', fr: 'Référence déjà utilisée' },
  ORGANISATION_REQUIRED: { en: 'An organisation is required', fr: 'Une organisation est requise' },
  ORGANISATION_EXISTS: { en: 'Already member of an organisation', fr: 'Déjà membre d’une organisation' },
  FIELD_LOCKED: { en: 'This field can no longer change', fr: 'Ce champ ne peut plus être modifié' },
  RATE_LIMITED: { en: 'Too many requests', fr: 'Trop de requêtes' },
  INTERNAL_ERROR: { en: 'Internal error', fr: 'Erreur interne' },
  SERVICE_UNAVAILABLE: { en: 'Service unavailable', fr: 'Service indisponible' },
};

export type Locale = 'en' | 'fr';

export function problemTitle(code: string, locale: Locale): string {
  return TITLES[code]?.[locale] ?? TITLES[code]?.en ?? code.replace(/_/g, ' ').toLowerCase();
}
