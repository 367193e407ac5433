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
