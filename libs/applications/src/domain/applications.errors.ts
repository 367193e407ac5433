import { DomainError, FieldError, PLATFORM_ERRORS, declareErrors } from '@app/platform/errors';

/** The codes applications raises, with the status and title the HTTP edge answers them with. */
export const APPLICATIONS_ERRORS = declareErrors({
  DUPLICATE_APPLICATION: {
    status: 409,
    title: { en: 'Already applied to this call', fr: 'Candidature déjà déposée pour cet appel' },
  },
  ORGANISATION_REQUIRED: {
    status: 409,
    title: { en: 'An organisation is required', fr: 'Une organisation est requise' },
  },
  DEADLINE_PASSED: { status: 409, title: { en: 'The deadline has passed', fr: 'La date limite est dépassée' } },
  CALL_NOT_OPEN: { status: 409, title: { en: 'The call is not open', fr: 'L’appel n’est pas ouvert' } },
  INCOMPLETE_APPLICATION: {
    status: 422,
    title: { en: 'The application is incomplete', fr: 'La candidature est incomplète' },
  },
  QUOTA_EXCEEDED: { status: 413, title: { en: 'Quota exceeded', fr: 'Quota dépassé' } },
  EMAIL_NOT_VERIFIED: {
    status: 403,
    title: { en: 'Verify your e-mail address first', fr: 'Vérifiez d’abord votre adresse électronique' },
  },
});

export class DuplicateApplicationError extends DomainError {
  constructor() {
    super(APPLICATIONS_ERRORS.DUPLICATE_APPLICATION, 'Your organisation already has an application to this call.');
  }
}

export class OrganisationRequiredError extends DomainError {
  constructor() {
    super(APPLICATIONS_ERRORS.ORGANISATION_REQUIRED, 'Register your organisation before applying.');
  }
}

export class DeadlinePassedError extends DomainError {
  constructor(closesAt: Date) {
    super(APPLICATIONS_ERRORS.DEADLINE_PASSED, `The call closed at ${closesAt.toISOString()}.`);
  }
}

export class CallNotOpenError extends DomainError {
  constructor() {
    super(APPLICATIONS_ERRORS.CALL_NOT_OPEN, 'The call is not open for applications.');
  }
}

export class IncompleteApplicationError extends DomainError {
  constructor(errors: FieldError[]) {
    super(
      APPLICATIONS_ERRORS.INCOMPLETE_APPLICATION,
      'The application cannot be submitted until these are fixed.',
      errors,
    );
  }
}

export class NotDraftError extends DomainError {
  constructor(status: string) {
    super(PLATFORM_ERRORS.INVALID_TRANSITION, `The application is ${status}; only a draft can change.`);
  }
}

export class UnsupportedFileTypeError extends DomainError {
  constructor(accepted = 'PDF, DOCX, XLSX, PNG and JPEG files') {
    super(PLATFORM_ERRORS.UNSUPPORTED_MEDIA_TYPE, `Only ${accepted} are accepted (checked by content).`);
  }
}

export class FileTooLargeError extends DomainError {
  constructor(limitBytes: number) {
    super(PLATFORM_ERRORS.PAYLOAD_TOO_LARGE, `Files may be at most ${Math.floor(limitBytes / 1_048_576)} MiB.`);
  }
}

export class QuotaExceededError extends DomainError {
  constructor(message: string) {
    super(APPLICATIONS_ERRORS.QUOTA_EXCEEDED, message);
  }
}

export class EmailNotVerifiedError extends DomainError {
  constructor() {
    super(
      APPLICATIONS_ERRORS.EMAIL_NOT_VERIFIED,
      'Confirm your e-mail address (the link sent to it) before submitting; drafts may be saved meanwhile.',
    );
  }
}
