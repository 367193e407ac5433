import { DomainError, PLATFORM_ERRORS, declareErrors, problemDetail } from '@app/platform/errors';
import { IDENTITY_DETAILS, RetryLaterError } from './identity.errors';

/** The codes of organisation teams and e-mail verification. */
export const TEAM_ERRORS = declareErrors({
  LAST_MEMBER: {
    status: 409,
    title: {
      ar: 'لا يمكن للعضو الأخير المغادرة',
      zh: '最后一名成员不能退出',
      en: 'The last member cannot leave',
      fr: 'Le dernier membre ne peut pas partir',
      ru: 'Последний член не может выйти',
      es: 'El último miembro no puede abandonar la organización',
    },
  },
  NOT_A_MEMBER: {
    status: 403,
    title: {
      ar: 'لستم عضواً في هذه المنظمة',
      zh: '您不是该组织的成员',
      en: 'Not a member of this organisation',
      fr: 'Vous n’êtes pas membre de cette organisation',
      ru: 'Вы не являетесь членом этой организации',
      es: 'Usted no es miembro de esta organización',
    },
  },
  EMAIL_ALREADY_VERIFIED: {
    status: 409,
    title: {
      ar: 'تم التحقق من عنوان البريد الإلكتروني بالفعل',
      zh: '该电子邮件地址已经过验证',
      en: 'The e-mail address is already verified',
      fr: 'L’adresse électronique est déjà vérifiée',
      ru: 'Адрес электронной почты уже подтверждён',
      es: 'La dirección de correo electrónico ya está verificada',
    },
  },
});

export class LastMemberError extends DomainError {
  constructor() {
    super(TEAM_ERRORS.LAST_MEMBER, problemDetail(IDENTITY_DETAILS.LAST_MEMBER));
  }
}

export class NotAMemberError extends DomainError {
  constructor() {
    super(TEAM_ERRORS.NOT_A_MEMBER, problemDetail(IDENTITY_DETAILS.NOT_A_MEMBER));
  }
}

export class EmailAlreadyVerifiedError extends DomainError {
  constructor() {
    super(TEAM_ERRORS.EMAIL_ALREADY_VERIFIED, problemDetail(IDENTITY_DETAILS.EMAIL_ALREADY_VERIFIED));
  }
}

export class TooManyVerificationEmailsError extends RetryLaterError {
  constructor(retryAfterSeconds: number) {
    super(
      PLATFORM_ERRORS.RATE_LIMITED,
      problemDetail(IDENTITY_DETAILS.TOO_MANY_VERIFICATION_EMAILS, { seconds: retryAfterSeconds }),
      retryAfterSeconds,
    );
  }
}

export class VerificationEmailsUnavailableError extends RetryLaterError {
  constructor() {
    super(
      PLATFORM_ERRORS.SERVICE_UNAVAILABLE,
      problemDetail(IDENTITY_DETAILS.VERIFICATION_EMAILS_UNAVAILABLE),
      // SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS, which the domain cannot import from the platform's root.
      5,
    );
  }
}
