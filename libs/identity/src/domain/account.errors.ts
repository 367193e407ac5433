import { DomainError, declareErrors } from '@app/platform/errors';

/** The codes the management of accounts raises, beyond identity's own. */
export const ACCOUNT_ERRORS = declareErrors({
  LAST_ADMIN: {
    status: 409,
    title: { en: 'The last administrator', fr: 'Le dernier administrateur' },
  },
  ACCOUNT_INVITED: {
    status: 409,
    title: { en: 'Invitation not yet accepted', fr: 'Invitation pas encore acceptée' },
  },
});

export class AccountInvitedError extends DomainError {
  constructor() {
    super(
      ACCOUNT_ERRORS.ACCOUNT_INVITED,
      'This account is invited and has not accepted yet: it becomes active by its invitation link (resend it if needed).',
    );
  }
}

export class LastAdminError extends DomainError {
  constructor() {
    super(
      ACCOUNT_ERRORS.LAST_ADMIN,
      'This is the last active administrator: it can be neither deactivated nor given another role.',
    );
  }
}
