import { DomainError, PLATFORM_ERRORS, ProblemDetail, declareErrors, problemDetail } from '@app/platform/errors';
import { IDENTITY_DETAILS } from './identity.details';

export { IDENTITY_DETAILS };

/** The codes identity raises, with the status and title the HTTP edge answers them with. */
export const IDENTITY_ERRORS = declareErrors({
  EMAIL_TAKEN: {
    status: 409,
    title: {
      ar: 'عنوان البريد الإلكتروني مسجل بالفعل',
      zh: '该电子邮件地址已注册',
      en: 'E-mail already registered',
      fr: 'Adresse électronique déjà enregistrée',
      ru: 'Адрес электронной почты уже зарегистрирован',
      es: 'Dirección de correo electrónico ya registrada',
    },
  },
  INVALID_CREDENTIALS: {
    status: 401,
    title: {
      ar: 'البريد الإلكتروني أو كلمة المرور غير صحيحة',
      zh: '电子邮件地址或密码不正确',
      en: 'Wrong e-mail or password',
      fr: 'Adresse électronique ou mot de passe incorrect',
      ru: 'Неверный адрес электронной почты или пароль',
      es: 'Correo electrónico o contraseña incorrectos',
    },
  },
  INVALID_REFRESH_TOKEN: {
    status: 401,
    title: {
      ar: 'انتهت صلاحية الجلسة',
      zh: '会话已过期',
      en: 'The session has expired',
      fr: 'La session a expiré',
      ru: 'Срок действия сеанса истёк',
      es: 'La sesión ha caducado',
    },
  },
  ORGANISATION_EXISTS: {
    status: 409,
    title: {
      ar: 'عضو بالفعل في منظمة',
      zh: '已是某一组织的成员',
      en: 'Already member of an organisation',
      fr: 'Déjà membre d’une organisation',
      ru: 'Уже является членом организации',
      es: 'Ya es miembro de una organización',
    },
  },
  LINK_INVALID: {
    status: 400,
    title: {
      ar: 'هذا الرابط غير صالح',
      zh: '此链接无效',
      en: 'This link is not valid',
      fr: 'Ce lien n’est pas valide',
      ru: 'Эта ссылка недействительна',
      es: 'Este enlace no es válido',
    },
  },
  LINK_EXPIRED: {
    status: 410,
    title: {
      ar: 'انتهت صلاحية هذا الرابط',
      zh: '此链接已过期',
      en: 'This link has expired',
      fr: 'Ce lien a expiré',
      ru: 'Срок действия этой ссылки истёк',
      es: 'Este enlace ha caducado',
    },
  },
  LINK_USED: {
    status: 410,
    title: {
      ar: 'سبق استخدام هذا الرابط',
      zh: '此链接已被使用',
      en: 'This link has already been used',
      fr: 'Ce lien a déjà été utilisé',
      ru: 'Эта ссылка уже использована',
      es: 'Este enlace ya se ha utilizado',
    },
  },
  LINK_REVOKED: {
    status: 410,
    title: {
      ar: 'سُحب هذا الرابط',
      zh: '此链接已被撤回',
      en: 'This link has been withdrawn',
      fr: 'Ce lien a été retiré',
      ru: 'Эта ссылка отозвана',
      es: 'Este enlace ha sido retirado',
    },
  },
  LINK_WRONG_USER: {
    status: 403,
    title: {
      ar: 'أُرسل هذا الرابط إلى حساب آخر',
      zh: '此链接已发送至另一账户',
      en: 'This link was sent to another account',
      fr: 'Ce lien a été envoyé à un autre compte',
      ru: 'Эта ссылка была отправлена на другую учётную запись',
      es: 'Este enlace se envió a otra cuenta',
    },
  },
  WRONG_PASSWORD: {
    status: 400,
    title: {
      ar: 'كلمة المرور الحالية غير صحيحة',
      zh: '当前密码不正确',
      en: 'The current password is wrong',
      fr: 'Le mot de passe actuel est incorrect',
      ru: 'Текущий пароль неверен',
      es: 'La contraseña actual es incorrecta',
    },
  },
  INVITATION_NOT_PENDING: {
    status: 409,
    title: {
      ar: 'لم تعد الدعوة معلّقة',
      zh: '该邀请已不再处于待处理状态',
      en: 'The invitation is no longer pending',
      fr: 'L’invitation n’est plus en attente',
      ru: 'Приглашение больше не ожидает ответа',
      es: 'La invitación ya no está pendiente',
    },
  },
});

export class EmailTakenError extends DomainError {
  constructor() {
    super(IDENTITY_ERRORS.EMAIL_TAKEN, problemDetail(IDENTITY_DETAILS.EMAIL_TAKEN));
  }
}

export class InvalidCredentialsError extends DomainError {
  constructor() {
    super(IDENTITY_ERRORS.INVALID_CREDENTIALS, problemDetail(IDENTITY_DETAILS.INVALID_CREDENTIALS));
  }
}

export class InvalidRefreshTokenError extends DomainError {
  constructor() {
    super(IDENTITY_ERRORS.INVALID_REFRESH_TOKEN, problemDetail(IDENTITY_DETAILS.INVALID_REFRESH_TOKEN));
  }
}

export class OrganisationExistsError extends DomainError {
  constructor() {
    super(IDENTITY_ERRORS.ORGANISATION_EXISTS, problemDetail(IDENTITY_DETAILS.ORGANISATION_EXISTS));
  }
}

export class LinkInvalidError extends DomainError {
  constructor() {
    super(IDENTITY_ERRORS.LINK_INVALID, problemDetail(IDENTITY_DETAILS.LINK_INVALID));
  }
}

export class LinkExpiredError extends DomainError {
  constructor() {
    super(IDENTITY_ERRORS.LINK_EXPIRED, problemDetail(IDENTITY_DETAILS.LINK_EXPIRED));
  }
}

export class LinkUsedError extends DomainError {
  constructor() {
    super(IDENTITY_ERRORS.LINK_USED, problemDetail(IDENTITY_DETAILS.LINK_USED));
  }
}

export class LinkRevokedError extends DomainError {
  constructor() {
    super(IDENTITY_ERRORS.LINK_REVOKED, problemDetail(IDENTITY_DETAILS.LINK_REVOKED));
  }
}

export class LinkWrongUserError extends DomainError {
  constructor() {
    super(IDENTITY_ERRORS.LINK_WRONG_USER, problemDetail(IDENTITY_DETAILS.LINK_WRONG_USER));
  }
}

export class WrongPasswordError extends DomainError {
  constructor() {
    super(IDENTITY_ERRORS.WRONG_PASSWORD, problemDetail(IDENTITY_DETAILS.WRONG_PASSWORD));
  }
}

export class InvitationNotPendingError extends DomainError {
  constructor(status: string) {
    super(IDENTITY_ERRORS.INVITATION_NOT_PENDING, problemDetail(IDENTITY_DETAILS.INVITATION_NOT_PENDING, { status }));
  }
}

export class UnknownCountryError extends DomainError {
  constructor(field: string, code: string) {
    super(PLATFORM_ERRORS.VALIDATION_FAILED, problemDetail(IDENTITY_DETAILS.UNKNOWN_COUNTRY, { code }), [
      { field, message: `${field} must be an ISO 3166-1 alpha-2 code of an ITU Member State or observer` },
    ]);
  }
}

/** A refusal the client may retry after the given time; the HTTP edge sends it as Retry-After. */
export class RetryLaterError extends DomainError {
  constructor(
    code: typeof PLATFORM_ERRORS.RATE_LIMITED | typeof PLATFORM_ERRORS.SERVICE_UNAVAILABLE,
    message: string | ProblemDetail,
    readonly retryAfterSeconds: number,
  ) {
    super(code, message);
  }
}

export class TooManySignInAttemptsError extends RetryLaterError {
  constructor(retryAfterSeconds: number) {
    super(
      PLATFORM_ERRORS.RATE_LIMITED,
      problemDetail(IDENTITY_DETAILS.TOO_MANY_SIGN_IN_ATTEMPTS, { seconds: retryAfterSeconds }),
      retryAfterSeconds,
    );
  }
}

/** Too many link e-mails (password resets, invitation resends) for one address or from one client. */
export class TooManyLinkRequestsError extends RetryLaterError {
  constructor(retryAfterSeconds: number) {
    super(
      PLATFORM_ERRORS.RATE_LIMITED,
      problemDetail(IDENTITY_DETAILS.TOO_MANY_LINK_REQUESTS, { seconds: retryAfterSeconds }),
      retryAfterSeconds,
    );
  }
}

/** More passwords are waiting to be hashed or checked than the process takes on. */
export class PasswordChecksBusyError extends RetryLaterError {
  constructor() {
    super(PLATFORM_ERRORS.RATE_LIMITED, problemDetail(IDENTITY_DETAILS.PASSWORD_CHECKS_BUSY), 1);
  }
}

/** The store of sign-in counters (Redis) does not answer: sign-in waits rather than goes unlimited. */
export class SignInUnavailableError extends RetryLaterError {
  constructor(retryAfterSeconds: number) {
    super(PLATFORM_ERRORS.SERVICE_UNAVAILABLE, problemDetail(IDENTITY_DETAILS.SIGN_IN_UNAVAILABLE), retryAfterSeconds);
  }
}
