import { DomainError, declareErrors, problemDetail } from '@app/platform/errors';
import { IDENTITY_DETAILS } from './identity.errors';

/** The codes the management of accounts raises, beyond identity's own. */
export const ACCOUNT_ERRORS = declareErrors({
  LAST_ADMIN: {
    status: 409,
    title: {
      ar: 'آخر مسؤول عن الإدارة',
      zh: '最后一名管理员',
      en: 'The last administrator',
      fr: 'Le dernier administrateur',
      ru: 'Последний администратор',
      es: 'El último administrador',
    },
  },
  ACCOUNT_INVITED: {
    status: 409,
    title: {
      ar: 'لم تُقبل الدعوة بعد',
      zh: '邀请尚未被接受',
      en: 'Invitation not yet accepted',
      fr: 'Invitation pas encore acceptée',
      ru: 'Приглашение ещё не принято',
      es: 'Invitación aún no aceptada',
    },
  },
});

export class AccountInvitedError extends DomainError {
  constructor() {
    super(ACCOUNT_ERRORS.ACCOUNT_INVITED, problemDetail(IDENTITY_DETAILS.ACCOUNT_INVITED));
  }
}

export class LastAdminError extends DomainError {
  constructor() {
    super(ACCOUNT_ERRORS.LAST_ADMIN, problemDetail(IDENTITY_DETAILS.LAST_ADMIN));
  }
}
