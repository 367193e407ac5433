import { DomainError, declareErrors } from '@app/platform/errors';

/** The codes the management of accounts raises, beyond identity's own. */
export const ACCOUNT_ERRORS = declareErrors({
  LAST_ADMIN: {
    status: 409,
    title: { en: 'The last administrator', fr: 'Le dernier administrateur' },
  },
});

export class LastAdminError extends DomainError {
  constructor() {
    super(
      ACCOUNT_ERRORS.LAST_ADMIN,
      'This is the last active administrator: it can be neither deactivated nor given another role.',
    );
  }
}
