import { DomainError } from '@app/platform/errors';

export class EmailTakenError extends DomainError {
  constructor() {
    super('EMAIL_TAKEN', 'An account with this e-mail address already exists.');
  }
}

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super('INVALID_CREDENTIALS', 'The e-mail address or password is wrong.');
  }
}

export class InvalidRefreshTokenError extends DomainError {
  constructor() {
    super('INVALID_REFRESH_TOKEN', 'The refresh token is unknown, expired or already used; sign in again.');
  }
}

export class OrganisationExistsError extends DomainError {
  constructor() {
    super('ORGANISATION_EXISTS', 'You already belong to an organisation.');
  }
}

export class UnknownCountryError extends DomainError {
  constructor(field: string, code: string) {
    super('VALIDATION_FAILED', `Unknown country code ${code}.`, [
      { field, message: `${field} must be an ISO 3166-1 alpha-2 code of an ITU Member State or observer` },
    ]);
  }
}

/** A refusal the client may retry after the given time; the HTTP edge sends it as Retry-After. */
export class RetryLaterError extends DomainError {
  constructor(
    code: 'RATE_LIMITED' | 'SERVICE_UNAVAILABLE',
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
  }
}

export class TooManySignInAttemptsError extends RetryLaterError {
  constructor(retryAfterSeconds: number) {
    super('RATE_LIMITED', `Too many sign-in attempts; try again in ${retryAfterSeconds} seconds.`, retryAfterSeconds);
  }
}

/** More passwords are waiting to be hashed or checked than the process takes on. */
export class PasswordChecksBusyError extends RetryLaterError {
  constructor() {
    super('RATE_LIMITED', 'Too many passwords are being checked at once; try again in a second.', 1);
  }
}

/** The store of sign-in counters (Redis) does not answer: sign-in waits rather than goes unlimited. */
export class SignInUnavailableError extends RetryLaterError {
  constructor(retryAfterSeconds: number) {
    super('SERVICE_UNAVAILABLE', 'Sign-in is unavailable for a moment; try again shortly.', retryAfterSeconds);
  }
}
