import { DomainError, FieldError } from '@app/platform/errors';

export class DuplicateApplicationError extends DomainError {
  constructor() {
    super('DUPLICATE_APPLICATION', 'Your organisation already has an application to this call.');
  }
}

export class OrganisationRequiredError extends DomainError {
  constructor() {
    super('ORGANISATION_REQUIRED', 'Register your organisation before applying.');
  }
}

export class DeadlinePassedError extends DomainError {
  constructor(closesAt: Date) {
    super('DEADLINE_PASSED', `The call closed at ${closesAt.toISOString()}.`);
  }
}

export class CallNotOpenError extends DomainError {
  constructor() {
    super('CALL_NOT_OPEN', 'The call is not open for applications.');
  }
}

export class IncompleteApplicationError extends DomainError {
  constructor(errors: FieldError[]) {
    super('INCOMPLETE_APPLICATION', 'The application cannot be submitted until these are fixed.', errors);
  }
}

export class NotDraftError extends DomainError {
  constructor(status: string) {
    super('INVALID_TRANSITION', `The application is ${status}; only a draft can change.`);
  }
}

export class UnsupportedFileTypeError extends DomainError {
  constructor() {
    super('UNSUPPORTED_MEDIA_TYPE', 'Only PDF, DOCX, XLSX, PNG and JPEG files are accepted (checked by content).');
  }
}

export class FileTooLargeError extends DomainError {
  constructor(limitBytes: number) {
    super('PAYLOAD_TOO_LARGE', `Files may be at most ${Math.floor(limitBytes / 1_048_576)} MiB.`);
  }
}

export class QuotaExceededError extends DomainError {
  constructor(message: string) {
    super('QUOTA_EXCEEDED', message);
  }
}
